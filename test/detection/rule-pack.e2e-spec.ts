import type { Response } from 'supertest';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  cancellation,
  days,
  lostResult,
  monitorEvent as m,
  newBet,
  newCpf,
  type Pick,
} from './support';

/**
 * The rule pack end to end: each rule fires on a crafted sequence of events and stays quiet on
 * its near miss. Events go in through the HTTP APIs (monitor and AML), the worker drains them,
 * and the alerts are read back with `GET /api/v1/alerts?rule=...&player=...`. Every scenario has
 * a team of its own, so that cross-player rules only ever see the scenario's players.
 *
 * Monitor amounts are in currency units (XOF: the large amount is 1,000,000 XOF, 100,000,000
 * cents); AML amounts are cents of BRL.
 */

/** What a scenario sends: one monitor event, a monitor batch, or an AML betting event. */
type Post = { monitor: object } | { batch: object[] } | { aml: object };

interface ExpectedAlert {
  player: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  hit_count: number;
  parameters: Record<string, unknown>;
  text: string;
}

interface Scenario {
  rule: string;
  /** Posted in order; the worker drains after each step (cross-player facts are per batch). */
  steps: Post[][];
  /** The players whose alerts of the rule are read. */
  players: string[];
  /** The alerts of the rule, for the firing scenario; none for the near miss. */
  alerts: ExpectedAlert[];
}

const monitor = (body: object): Post => ({ monitor: body });
const aml = (body: object): Post => ({ aml: body });
const fires = (
  player: string,
  severity: ExpectedAlert['severity'],
  hit_count: number,
  parameters: Record<string, unknown>,
  text: string,
): ExpectedAlert => ({ player, severity, hit_count, parameters, text });

/** A single-leg pick of a sport event and market, for OPPOSITE_SIDES. */
const pickOf = (selection: string): Pick => ({
  event: 'sev-fla-pal',
  market: 'mkt_winner',
  selection,
});

// ---------------------------------------------------------------------------------------------
// The scenarios, two per rule (a firing one, then its near miss), in the order of rule-pack.ts.
// Each is built when it runs: its times are relative to then, its CPFs fresh.
// ---------------------------------------------------------------------------------------------

const largeTransaction = (amount: number): Scenario => ({
  rule: 'LARGE_TRANSACTION',
  steps: [[monitor(m('pl-large', 'DEPOSIT', amount, 10))]],
  players: ['pl-large'],
  alerts:
    amount < 1_000_000
      ? []
      : [
          fires(
            'pl-large',
            'MEDIUM',
            1,
            { type: 'DEPOSIT', amount: 100_000_000, currency: 'XOF', threshold: 100_000_000 },
            'Deposit of 1,000,000 XOF; threshold 1,000,000 XOF',
          ),
        ],
});

/** Deposits of 1,000 XOF this many minutes ago, in this order: one request each, or one batch. */
const rapidDeposits = (
  minutesAgo: number[],
  alerts: ExpectedAlert[],
  sent: 'one by one' | 'in one batch' = 'one by one',
): Scenario => {
  const deposits = minutesAgo.map((at) => m('pl-rapid', 'DEPOSIT', 1_000, at));
  return {
    rule: 'RAPID_DEPOSITS',
    steps: [sent === 'in one batch' ? [{ batch: deposits }] : deposits.map(monitor)],
    players: ['pl-rapid'],
    alerts,
  };
};

const fiveDepositsIn40Minutes = fires(
  'pl-rapid',
  'MEDIUM',
  1,
  {
    count: 5,
    total: 500_000,
    currency: 'XOF',
    span_minutes: 40,
    min_count: 5,
    window_minutes: 60,
  },
  '5 deposits totalling 5,000 XOF in 40 min; threshold 5 in 1 h',
);

const structuring = (amounts: [number, number], alerts: ExpectedAlert[]): Scenario => ({
  rule: 'STRUCTURING',
  steps: [
    [
      monitor(m('pl-struct', 'DEPOSIT', amounts[0], 120)),
      monitor(m('pl-struct', 'DEPOSIT', amounts[1], 60)),
    ],
  ],
  players: ['pl-struct'],
  alerts,
});

const minimalPlay = (stake: number, alerts: ExpectedAlert[]): Scenario => ({
  rule: 'MINIMAL_PLAY_WITHDRAWAL',
  steps: [
    [
      monitor(m('pl-minplay', 'DEPOSIT', 10_000, 60)),
      monitor(m('pl-minplay', 'BET_PLACED', stake, 50, { game: { odds: 2.5, bet_id: 'b-mp-1' } })),
      monitor(m('pl-minplay', 'WITHDRAWAL', 9_000, 30)),
    ],
  ],
  players: ['pl-minplay'],
  alerts,
});

/**
 * A bettor (its CPF also its monitor player id) deposits 1,000 BRL, bets 50 BRL on an AML slip,
 * restates that bet with these stakes (cents; a correction stakes only its rise over the most
 * staked before), then withdraws 900 BRL.
 */
const restatedBet = (stakes: number[], alerts: (cpf: string) => ExpectedAlert[]): Scenario => {
  const cpf = newCpf();
  const slip = `slip-restated-${cpf}`;
  const brl = { event: { currency: 'BRL' } };
  return {
    rule: 'MINIMAL_PLAY_WITHDRAWAL',
    steps: [
      [monitor(m(cpf, 'DEPOSIT', 1_000, 60, brl))],
      [
        aml(newBet(cpf, slip, 50)),
        ...stakes.map((stake, i) => aml(newBet(cpf, slip, 49 - i, { stake }))),
      ],
      [monitor(m(cpf, 'WITHDRAWAL', 900, 30, brl))],
    ],
    players: [cpf],
    alerts: alerts(cpf),
  };
};

const lowOddsBet = (odds: number, alerts: ExpectedAlert[]): Scenario => ({
  rule: 'LOW_ODDS_HIGH_STAKE',
  steps: [
    [monitor(m('pl-lowodds', 'BET_PLACED', 600_000, 30, { game: { odds, bet_id: 'b-lo-1' } }))],
  ],
  players: ['pl-lowodds'],
  alerts,
});

const highWinRate = (lost: number, won: number, alerts: ExpectedAlert[]): Scenario => {
  const settled = [...Array<string>(lost).fill('BET_LOST'), ...Array<string>(won).fill('BET_WON')];
  return {
    rule: 'HIGH_WIN_RATE',
    steps: [
      [
        {
          batch: settled.map((type, i) =>
            m('pl-winner', type, 100, 60 - 2 * i, { game: { odds: 1.9, bet_id: `b-w-${i}` } }),
          ),
        },
      ],
    ],
    players: ['pl-winner'],
    alerts,
  };
};

/** One deposit per player, each in its own drain, all with the same identifier. */
const sharedBy = (
  players: number,
  extra: { phone?: string; ip?: string },
  alerts: (ids: string[]) => ExpectedAlert[],
): Scenario => {
  const ids = Array.from({ length: players }, (_, i) => `pl-share-${i + 1}`);
  return {
    rule: 'SHARED_IDENTIFIER',
    steps: ids.map((id, i) => [
      monitor(
        m(id, 'DEPOSIT', 1_000, 30 - 10 * i, {
          ...(extra.phone && { player: { phone: extra.phone } }),
          ...(extra.ip && { metadata: { ip_address: extra.ip } }),
        }),
      ),
    ]),
    players: ids,
    alerts: alerts(ids),
  };
};

/**
 * Bettor A on the home side, then bettor B on the away side of one market, 10 minutes later. A's
 * slip may be corrected first (its stakes, in cents, in one batch), or cancelled.
 */
const oppositeSides = (
  stakeB: number,
  slipOfA: { corrections?: number[]; cancelled?: boolean } = {},
): Scenario => {
  const [a, b] = [newCpf(), newCpf()];
  const slipA = `slip-opp-a-${a}`;
  const home = { pick: pickOf('sel_home') };
  const stakeA = slipOfA.corrections?.at(-1) ?? 10_000;
  return {
    rule: 'OPPOSITE_SIDES',
    steps: [
      [aml(newBet(a, slipA, 20, { stake: 10_000, ...home }))],
      (slipOfA.corrections ?? []).map((stake, i) =>
        aml(newBet(a, slipA, 19 - i, { stake, ...home })),
      ),
      slipOfA.cancelled ? [aml(cancellation(a, slipA, 15, { stake: 10_000, ...home }))] : [],
      [aml(newBet(b, `slip-opp-b-${b}`, 10, { stake: stakeB, pick: pickOf('sel_away') }))],
    ],
    players: [a, b],
    alerts:
      stakeB > 20_000 || slipOfA.cancelled
        ? []
        : [
            fires(
              b,
              'HIGH',
              1,
              {
                sport_event: 'sev-fla-pal',
                market: 'mkt_winner',
                selection: 'sel_away',
                stake: stakeB,
                currency: 'BRL',
                linked: false,
                others: [{ player: a, selection: 'sel_home', stake: stakeA, linked: false }],
              },
              `Stake of ${stakeB / 100} BRL on sel_away (event sev-fla-pal, market mkt_winner) against ${a} (sel_home, ${stakeA / 100} BRL)`,
            ),
          ],
  };
};

const bonusAbuse = (stake: number, alerts: ExpectedAlert[]): Scenario => ({
  rule: 'BONUS_ABUSE',
  steps: [
    [
      monitor(m('pl-bonus', 'BONUS_CREDITED', 1_000, 60)),
      monitor(m('pl-bonus', 'BET_PLACED', stake, 50, { game: { odds: 2, bet_id: 'b-bn-1' } })),
      monitor(m('pl-bonus', 'WITHDRAWAL', 3_000, 30)),
    ],
  ],
  players: ['pl-bonus'],
  alerts,
});

const dormant = (idleDays: number, alerts: ExpectedAlert[]): Scenario => ({
  rule: 'DORMANT_REACTIVATION',
  steps: [
    [
      monitor(m('pl-dormant', 'DEPOSIT', 1_000, days(idleDays) + 60)),
      monitor(m('pl-dormant', 'DEPOSIT', 500_000, 10)),
    ],
  ],
  players: ['pl-dormant'],
  alerts,
});

const operatorCountry = (operator: string, alerts: ExpectedAlert[]): Scenario => ({
  rule: 'OPERATOR_COUNTRY_MISMATCH',
  steps: [
    [
      monitor(
        m('pl-operator', 'DEPOSIT', 1_000, 10, {
          player: { country: 'SEN' },
          metadata: { operator },
        }),
      ),
    ],
  ],
  players: ['pl-operator'],
  alerts,
});

const lowKyc = (kycLevel: number, alerts: ExpectedAlert[]): Scenario => ({
  rule: 'LOW_KYC_LARGE_WITHDRAWAL',
  steps: [[monitor(m('pl-kyc', 'WITHDRAWAL', 500_000, 10, { player: { kyc_level: kycLevel } }))]],
  players: ['pl-kyc'],
  alerts,
});

const lateSettlement = (cancelled: boolean): Scenario => {
  const cpf = newCpf();
  const slip = `slip-late-${cpf}`;
  return {
    rule: 'LATE_SETTLEMENT_CHANGE',
    steps: [
      [
        aml(newBet(cpf, slip, 30)),
        ...(cancelled ? [aml(cancellation(cpf, slip, 20))] : []),
        aml(lostResult(cpf, slip, 10)),
      ],
    ],
    players: [cpf],
    alerts: cancelled
      ? [
          fires(
            cpf,
            'HIGH',
            1,
            { change: 'result_after_cancellation', slip },
            `Result received for slip ${slip} after its cancellation`,
          ),
        ]
      : [],
  };
};

const slipInconsistency = (totalOdds: number): Scenario => {
  const cpf = newCpf();
  const slip = `slip-odds-${cpf}`;
  return {
    rule: 'SLIP_INCONSISTENCY',
    steps: [[aml(newBet(cpf, slip, 10, { odds: 2.5, totalOdds }))]],
    players: [cpf],
    alerts:
      Math.abs(totalOdds - 2.5) <= 0.025
        ? []
        : [
            fires(
              cpf,
              'MEDIUM',
              1,
              { checks: ['total_odds_mismatch'], slip },
              `Slip ${slip}: total odds not matching the legs (more than 1% apart)`,
            ),
          ],
  };
};

/** A slip whose lost result restates its stake as placed, or as ten times it. */
const stakeAtSettlement = (changed: boolean): Scenario => {
  const cpf = newCpf();
  const slip = `slip-stake-${cpf}`;
  const result = lostResult(cpf, slip, 10);
  return {
    rule: 'SLIP_INCONSISTENCY',
    steps: [
      [
        aml(newBet(cpf, slip, 20)),
        aml(changed ? { ...result, total_stake: result.total_stake * 10 } : result),
      ],
    ],
    players: [cpf],
    alerts: changed
      ? [
          fires(
            cpf,
            'MEDIUM',
            1,
            { checks: ['stake_changed'], slip },
            `Slip ${slip}: stake changed at settlement`,
          ),
        ]
      : [],
  };
};

/** A slip opened by bettor A whose result comes under A's CPF, or under B's. */
const thirdParty = (otherBettor: boolean): Scenario => {
  const a = newCpf();
  const b = otherBettor ? newCpf() : a;
  const slip = `slip-3p-${a}`;
  return {
    rule: 'THIRD_PARTY_ACCOUNT',
    steps: [[aml(newBet(a, slip, 20)), aml(lostResult(b, slip, 10))]],
    players: [...new Set([a, b])],
    alerts: otherBettor
      ? [
          fires(
            b,
            'HIGH',
            1,
            { slip, event_type: 'result' },
            `result event of slip ${slip} received under another CPF than the slip's`,
          ),
        ]
      : [],
  };
};

const PHONE = '+221770000001';

const SCENARIOS: { name: string; build: () => Scenario }[] = [
  // LARGE_TRANSACTION: a deposit at the threshold.
  {
    name: 'LARGE_TRANSACTION fires on a 1,000,000 XOF deposit',
    build: () => largeTransaction(1_000_000),
  },
  {
    name: 'LARGE_TRANSACTION: a deposit 1 XOF under the threshold',
    build: () => largeTransaction(999_999),
  },

  // RAPID_DEPOSITS: 5 deposits within 60 minutes.
  {
    name: 'RAPID_DEPOSITS fires on 5 deposits in 40 minutes',
    build: () => rapidDeposits([50, 40, 30, 20, 10], [fiveDepositsIn40Minutes]),
  },
  {
    name: 'RAPID_DEPOSITS: 5 deposits spread over 61 minutes',
    build: () => rapidDeposits([71, 40, 30, 20, 10], []),
  },
  {
    name: 'RAPID_DEPOSITS fires on 5 deposits sent newest first, in one batch',
    build: () => rapidDeposits([10, 20, 30, 40, 50], [fiveDepositsIn40Minutes], 'in one batch'),
  },
  {
    name: 'RAPID_DEPOSITS: 5 deposits over 61 minutes, sent newest first',
    build: () => rapidDeposits([10, 20, 30, 40, 71], [], 'in one batch'),
  },

  // STRUCTURING: 2 deposits in [80%, 100%) of the threshold within 24 hours.
  {
    name: 'STRUCTURING fires on 2 deposits of 90% and 95% of the threshold',
    build: () =>
      structuring(
        [900_000, 950_000],
        [
          fires(
            'pl-struct',
            'HIGH',
            1,
            {
              type: 'DEPOSIT',
              count: 2,
              total: 185_000_000,
              currency: 'XOF',
              threshold: 100_000_000,
              span_minutes: 60,
              lower_share: 0.8,
            },
            '2 deposits each between 80% and 100% of the 1,000,000 XOF threshold, totalling 1,850,000 XOF in 1 h',
          ),
        ],
      ),
  },
  {
    name: 'STRUCTURING: the second deposit 1 XOF under 80% of the threshold',
    build: () => structuring([900_000, 799_999], []),
  },

  // MINIMAL_PLAY_WITHDRAWAL: stakes since the deposit below 20% of it.
  {
    name: 'MINIMAL_PLAY_WITHDRAWAL fires on a withdrawal after staking 10% of the deposit',
    build: () =>
      minimalPlay(1_000, [
        fires(
          'pl-minplay',
          'HIGH',
          1,
          {
            amount: 900_000,
            deposited: 1_000_000,
            wagered: 100_000,
            currency: 'XOF',
            deposits: 1,
            wager_share: 0.2,
            window_days: 7,
          },
          'Withdrawal of 9,000 XOF after 1 deposit totalling 10,000 XOF; wagered since: 1,000 XOF (below 20%)',
        ),
      ]),
  },
  {
    name: 'MINIMAL_PLAY_WITHDRAWAL: a withdrawal after staking 20% of the deposit',
    build: () => minimalPlay(2_000, []),
  },
  {
    name: 'MINIMAL_PLAY_WITHDRAWAL fires after a 50 BRL AML bet restated as 50, 30, 50, 50 BRL (50 BRL wagered, not 230)',
    build: () =>
      restatedBet([5_000, 3_000, 5_000, 5_000], (cpf) => [
        fires(
          cpf,
          'HIGH',
          1,
          {
            amount: 90_000,
            deposited: 100_000,
            wagered: 5_000,
            currency: 'BRL',
            deposits: 1,
            wager_share: 0.2,
            window_days: 7,
          },
          'Withdrawal of 900 BRL after 1 deposit totalling 1,000 BRL; wagered since: 50 BRL (below 20%)',
        ),
      ]),
  },
  {
    name: 'MINIMAL_PLAY_WITHDRAWAL: an AML bet restated up to 300 BRL (30% of the deposit)',
    build: () => restatedBet([5_000, 5_000, 30_000], () => []),
  },

  // BALANCE_MISMATCH: balances against the amount, the chain, and the AML balance check.
  {
    name: 'BALANCE_MISMATCH fires on a 1,000 XOF deposit that moved the balance by 500',
    build: () => ({
      rule: 'BALANCE_MISMATCH',
      steps: [
        [
          monitor(
            m('pl-balance', 'DEPOSIT', 1_000, 10, {
              event: { balance_before: 5_000, balance_after: 5_500 },
            }),
          ),
        ],
      ],
      players: ['pl-balance'],
      alerts: [
        fires(
          'pl-balance',
          'HIGH',
          1,
          { check: 'movement', type: 'DEPOSIT', moved: 50_000, expected: 100_000, currency: 'XOF' },
          'Balance moved by 500 XOF on a DEPOSIT, expected 1,000 XOF',
        ),
      ],
    }),
  },
  {
    name: "BALANCE_MISMATCH fires on a balance that does not follow the player's previous event",
    build: () => ({
      rule: 'BALANCE_MISMATCH',
      steps: [
        [
          monitor(
            m('pl-chain', 'DEPOSIT', 1_000, 20, {
              event: { balance_before: 5_000, balance_after: 6_000 },
            }),
          ),
          monitor(
            m('pl-chain', 'BET_PLACED', 1_000, 10, {
              event: { balance_before: 7_000, balance_after: 6_000 },
              game: { odds: 2, bet_id: 'b-chain-1' },
            }),
          ),
        ],
      ],
      players: ['pl-chain'],
      alerts: [
        fires(
          'pl-chain',
          'HIGH',
          1,
          { check: 'chain', previous_after: 600_000, before: 700_000, currency: 'XOF' },
          "Balance before is 7,000 XOF, but the player's previous event left it at 6,000 XOF",
        ),
      ],
    }),
  },
  {
    name: 'BALANCE_MISMATCH fires on an AML bet that took 10 BRL for a 50 BRL stake',
    build: () => {
      const cpf = newCpf();
      return {
        rule: 'BALANCE_MISMATCH',
        steps: [
          [aml(newBet(cpf, `slip-bal-${cpf}`, 10, { stake: 5_000, balances: [100_000, 99_000] }))],
        ],
        players: [cpf],
        alerts: [
          fires(
            cpf,
            'HIGH',
            1,
            {
              check: 'movement',
              type: 'new_bet',
              moved: -1_000,
              expected: -5_000,
              currency: 'BRL',
            },
            'Balance moved by -10 BRL on a new_bet, expected -50 BRL',
          ),
        ],
      };
    },
  },
  {
    name: 'BALANCE_MISMATCH: a deposit and a bet whose balances add up and chain',
    build: () => ({
      rule: 'BALANCE_MISMATCH',
      steps: [
        [
          monitor(
            m('pl-balance', 'DEPOSIT', 1_000, 20, {
              event: { balance_before: 5_000, balance_after: 6_000 },
            }),
          ),
          monitor(
            m('pl-balance', 'BET_PLACED', 1_000, 10, {
              event: { balance_before: 6_000, balance_after: 5_000 },
              game: { odds: 2, bet_id: 'b-bal-1' },
            }),
          ),
        ],
      ],
      players: ['pl-balance'],
      alerts: [],
    }),
  },

  // LOW_ODDS_HIGH_STAKE: a stake above 500,000 XOF at odds 1.15 or less; raised on the withdrawal.
  {
    name: 'LOW_ODDS_HIGH_STAKE fires on a 600,000 XOF stake at odds 1.1',
    build: () =>
      lowOddsBet(1.1, [
        fires(
          'pl-lowodds',
          'MEDIUM',
          1,
          {
            variant: 'bet',
            stake: 60_000_000,
            odds: 1.1,
            currency: 'XOF',
            threshold: 50_000_000,
            max_odds: 1.15,
          },
          'Stake of 600,000 XOF at odds 1.1; thresholds: above 500,000 XOF at odds 1.15 or less',
        ),
      ]),
  },
  {
    name: 'LOW_ODDS_HIGH_STAKE is raised to HIGH by a withdrawal after that bet is won',
    build: () => {
      const scenario = lowOddsBet(1.1, [
        fires(
          'pl-lowodds',
          'HIGH',
          2,
          {
            variant: 'withdrawal',
            amount: 66_000_000,
            stake: 60_000_000,
            odds: 1.1,
            currency: 'XOF',
            bet_ref: 'b-lo-1',
            after_minutes: 10,
          },
          'Withdrawal of 660,000 XOF 10 min after a 600,000 XOF bet at odds 1.1 settled',
        ),
      ]);
      scenario.steps[0].push(
        monitor(m('pl-lowodds', 'BET_WON', 660_000, 20, { game: { odds: 1.1, bet_id: 'b-lo-1' } })),
        monitor(m('pl-lowodds', 'WITHDRAWAL', 660_000, 10)),
      );
      return scenario;
    },
  },
  {
    name: 'LOW_ODDS_HIGH_STAKE: the same stake at odds 1.16',
    build: () => lowOddsBet(1.16, []),
  },

  // HIGH_WIN_RATE: at least 20 settled bets within 30 days, at least 80% won.
  {
    name: 'HIGH_WIN_RATE fires on 16 bets won of 20 settled',
    build: () =>
      highWinRate(4, 16, [
        fires(
          'pl-winner',
          'MEDIUM',
          1,
          { won: 16, settled: 20, rate: 0.8, min_rate: 0.8, min_bets: 20, window_days: 30 },
          '16 of 20 settled bets won in 30 days (80%); threshold 80% of at least 20',
        ),
      ]),
  },
  {
    name: 'HIGH_WIN_RATE: 15 bets won of 20 settled',
    build: () => highWinRate(5, 15, []),
  },

  // SHARED_IDENTIFIER: 3 players with one phone within 24 hours; IPs are in shadow.
  {
    name: 'SHARED_IDENTIFIER fires when a third player uses the same phone',
    build: () =>
      sharedBy(3, { phone: PHONE }, ([p1, p2, p3]) => [
        fires(
          p3,
          'MEDIUM',
          1,
          {
            kind: 'phone',
            value: PHONE,
            players: 3,
            others: [p2, p1],
            min_players: 3,
            window_hours: 24,
          },
          `Phone ${PHONE} used by 3 players in 24 h (${p2}, ${p1}); threshold 3`,
        ),
      ]),
  },
  {
    name: 'SHARED_IDENTIFIER: 2 players with the same phone',
    build: () => sharedBy(2, { phone: PHONE }, () => []),
  },
  {
    name: 'SHARED_IDENTIFIER: 3 players on the same IP (shadow by default)',
    build: () => sharedBy(3, { ip: '41.138.45.22' }, () => []),
  },

  // OPPOSITE_SIDES: two bettors on other selections of one market, comparable stakes.
  {
    name: 'OPPOSITE_SIDES fires on stakes of 100 and 150 BRL on both sides of a market',
    build: () => oppositeSides(15_000),
  },
  {
    name: 'OPPOSITE_SIDES: stakes of 100 and 500 BRL (ratio 5)',
    build: () => oppositeSides(50_000),
  },
  {
    name: 'OPPOSITE_SIDES names a corrected slip once, at its stake as corrected (100, then 120 and 120 BRL)',
    build: () => oppositeSides(15_000, { corrections: [12_000, 12_000] }),
  },
  {
    name: 'OPPOSITE_SIDES: the other side’s slip cancelled before the bet',
    build: () => oppositeSides(15_000, { cancelled: true }),
  },

  // BONUS_ABUSE: a withdrawal within 72 hours of a bonus, stakes since below 5 times it.
  {
    name: 'BONUS_ABUSE fires on a withdrawal after staking 2 times the bonus',
    build: () =>
      bonusAbuse(2_000, [
        fires(
          'pl-bonus',
          'MEDIUM',
          1,
          {
            amount: 300_000,
            bonus: 100_000,
            wagered: 200_000,
            currency: 'XOF',
            after_minutes: 30,
            wagering_multiple: 5,
          },
          'Withdrawal of 3,000 XOF 30 min after a 1,000 XOF bonus; wagered since: 2,000 XOF (below 5 times the bonus)',
        ),
      ]),
  },
  {
    name: 'BONUS_ABUSE: a withdrawal after staking 5 times the bonus',
    build: () => bonusAbuse(5_000, []),
  },

  // DORMANT_REACTIVATION: 500,000 XOF or more after 90 days without activity.
  {
    name: 'DORMANT_REACTIVATION fires on a 500,000 XOF deposit after 100 idle days',
    build: () =>
      dormant(100, [
        fires(
          'pl-dormant',
          'MEDIUM',
          1,
          {
            type: 'DEPOSIT',
            amount: 50_000_000,
            currency: 'XOF',
            idle_days: 100,
            dormant_days: 90,
          },
          'Deposit of 500,000 XOF after 100 days without activity; threshold 90 days',
        ),
      ]),
  },
  {
    name: 'DORMANT_REACTIVATION: the same deposit after 80 idle days',
    build: () => dormant(80, []),
  },

  // OPERATOR_COUNTRY_MISMATCH: a deposit through another country's payment operator.
  {
    name: 'OPERATOR_COUNTRY_MISMATCH fires on a Senegalese player depositing through MTN_CI',
    build: () =>
      operatorCountry('MTN_CI', [
        fires(
          'pl-operator',
          'LOW',
          1,
          {
            type: 'DEPOSIT',
            operator: 'MTN_CI',
            operator_country: 'CIV',
            player_country: 'SEN',
          },
          'Operator MTN_CI (CIV) for a player from SEN',
        ),
      ]),
  },
  {
    name: 'OPERATOR_COUNTRY_MISMATCH: the same deposit through ORANGE_SN',
    build: () => operatorCountry('ORANGE_SN', []),
  },

  // LOW_KYC_LARGE_WITHDRAWAL: 500,000 XOF or more withdrawn below KYC level 2.
  {
    name: 'LOW_KYC_LARGE_WITHDRAWAL fires on a 500,000 XOF withdrawal at KYC level 1',
    build: () =>
      lowKyc(1, [
        fires(
          'pl-kyc',
          'HIGH',
          1,
          {
            amount: 50_000_000,
            currency: 'XOF',
            kyc_level: 1,
            min_kyc_level: 2,
            threshold: 50_000_000,
          },
          'Withdrawal of 500,000 XOF at KYC level 1 (minimum 2)',
        ),
      ]),
  },
  {
    name: 'LOW_KYC_LARGE_WITHDRAWAL: the same withdrawal at KYC level 2',
    build: () => lowKyc(2, []),
  },

  // LATE_SETTLEMENT_CHANGE: an AML result after the slip's cancellation.
  {
    name: 'LATE_SETTLEMENT_CHANGE fires on a result after the cancellation',
    build: () => lateSettlement(true),
  },
  {
    name: 'LATE_SETTLEMENT_CHANGE: a bet and its result, never cancelled',
    build: () => lateSettlement(false),
  },

  // SLIP_INCONSISTENCY: total odds more than 1% away from the product of the legs' odds.
  {
    name: 'SLIP_INCONSISTENCY fires on total odds 3 for a leg at 2.5',
    build: () => slipInconsistency(3),
  },
  {
    name: 'SLIP_INCONSISTENCY: total odds 2.52 for a leg at 2.5 (within 1%)',
    build: () => slipInconsistency(2.52),
  },
  {
    name: 'SLIP_INCONSISTENCY fires on a result whose stake is ten times the stake placed',
    build: () => stakeAtSettlement(true),
  },
  {
    name: 'SLIP_INCONSISTENCY: a result with the stake placed',
    build: () => stakeAtSettlement(false),
  },

  // THIRD_PARTY_ACCOUNT: a slip's result under another CPF than its bet.
  {
    name: "THIRD_PARTY_ACCOUNT fires on a result under another bettor's CPF",
    build: () => thirdParty(true),
  },
  {
    name: "THIRD_PARTY_ACCOUNT: the result under the bettor's own CPF",
    build: () => thirdParty(false),
  },
];

/** An alert as `GET /api/v1/alerts` lists it (the fields asserted here). */
interface ListedAlert {
  id: string;
  status: string;
  severity: string;
  rule: { code: string };
  player: { external_id: string };
  reason: { code: string; parameters: Record<string, unknown>; text: string };
  hit_count: number;
}

describe('the rule pack, end to end', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const send = async (team: TestTeam, post: Post): Promise<Response> => {
    if ('monitor' in post) {
      return t.http
        .post('/api/v1/events')
        .set('X-API-Key', team.apiKey)
        .send(post.monitor)
        .expect(202);
    }
    if ('batch' in post) {
      const response = await t.http
        .post('/api/v1/events/batch')
        .set('X-API-Key', team.apiKey)
        .send({ events: post.batch })
        .expect(200);
      expect(response.body.data).toMatchObject({
        success_count: post.batch.length,
        failed_count: 0,
      });
      return response;
    }
    return t.http.post('/betting-events').set('X-API-Key', team.apiKey).send(post.aml).expect(200);
  };

  /** Posts the scenario's events on a team of its own, draining the worker after each step. */
  const play = async (scenario: Scenario) => {
    const team = await createTeam(t);
    const responses: Response[] = [];
    for (const step of scenario.steps) {
      for (const post of step) responses.push(await send(team, post));
      await t.app.get(ProcessingWorker).drain();
    }
    return { team, responses };
  };

  const alertsOf = async (team: TestTeam, rule: string, player?: string) => {
    const { body } = await t.http
      .get('/api/v1/alerts')
      .query({ rule, ...(player !== undefined && { player }), size: '100' })
      .set('X-API-Key', team.apiKey)
      .set('Accept-Language', 'en')
      .expect(200);
    return body.data as { items: ListedAlert[]; total: number };
  };

  const shown = (alert: ListedAlert) => ({
    rule: alert.rule.code,
    player: alert.player.external_id,
    severity: alert.severity,
    status: alert.status,
    hit_count: alert.hit_count,
    parameters: alert.reason.parameters,
    text: alert.reason.text,
  });

  it.each(SCENARIOS)('$name', async ({ build }) => {
    const scenario = build();
    const { team } = await play(scenario);

    // The team's alerts of the rule: exactly the expected ones (a near miss: none at all).
    expect((await alertsOf(team, scenario.rule)).total).toBe(scenario.alerts.length);
    for (const player of scenario.players) {
      const expected = scenario.alerts
        .filter((alert) => alert.player === player)
        .map((alert) => ({ rule: scenario.rule, status: 'OPEN', ...alert }));
      const { items, total } = await alertsOf(team, scenario.rule, player);
      expect({ player, total, alerts: items.map(shown) }).toEqual({
        player,
        total: expected.length,
        alerts: expected,
      });
    }
  });

  it("lists a monitor event's alert on the event's status route", async () => {
    const scenario = SCENARIOS.find((s) => s.name.startsWith('LARGE_TRANSACTION fires'))!.build();
    const { team, responses } = await play(scenario);
    const uuid = responses[0].body.data.uuid as string;
    const [alert] = (await alertsOf(team, 'LARGE_TRANSACTION', 'pl-large')).items;

    const { body } = await t.http
      .get(`/api/v1/events/${uuid}/status`)
      .set('X-API-Key', team.apiKey)
      .expect(200);
    expect(body).toEqual({
      uuid,
      status: 'PROCESSED',
      processed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
      alerts: [{ id: alert.id, rule: 'LARGE_TRANSACTION', severity: 'MEDIUM', status: 'OPEN' }],
    });
    // A uuid reads in either case (RFC 9562), on both databases.
    const upper = await t.http
      .get(`/api/v1/events/${uuid.toUpperCase()}/status`)
      .set('X-API-Key', team.apiKey)
      .expect(200);
    expect(upper.body).toEqual(body);
    const byUpper = await t.http
      .get(`/api/v1/alerts/${alert.id.toUpperCase()}`)
      .set('X-API-Key', team.apiKey)
      .expect(200);
    expect(byUpper.body.data.id).toBe(alert.id);
  });

  it("shows an AML alert among the bettor's open alerts (GET /api/v1/players/cpf/:cpf)", async () => {
    const scenario = SCENARIOS.find((s) => s.name.startsWith('THIRD_PARTY_ACCOUNT fires'))!.build();
    const { team } = await play(scenario);
    const bettor = scenario.alerts[0].player;
    const [alert] = (await alertsOf(team, 'THIRD_PARTY_ACCOUNT', bettor)).items;

    const formatted = `${bettor.slice(0, 3)}.${bettor.slice(3, 6)}.${bettor.slice(6, 9)}-${bettor.slice(9)}`;
    const { body } = await t.http
      .get(`/api/v1/players/cpf/${formatted}`)
      .set('X-API-Key', team.apiKey)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(body.data).toMatchObject({ external_id: bettor, cpf: bettor });
    expect(body.data.open_alerts).toContainEqual(alert);

    // The alert names its event by the operator's own id too: the slip's bet_slip_id.
    const detail = await t.http
      .get(`/api/v1/alerts/${alert.id}`)
      .set('X-API-Key', team.apiKey)
      .expect(200);
    expect(detail.body.data.events.items).toEqual([
      expect.objectContaining({
        stream: 'aml',
        event_id: expect.stringMatching(/^evt_/),
        operator_ref: scenario.alerts[0].parameters.slip,
      }),
    ]);
  });
});
