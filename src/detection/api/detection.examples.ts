/**
 * Examples of the detection routes' answers, shown in Swagger. One story: player `pl_12345abc`
 * made 5 deposits in 38 minutes on 3 February 2026 (a RAPID_DEPOSITS alert, acknowledged by API
 * key 3); the team then tried `count: 4` in shadow mode (version 2 of that rule). Texts are as
 * the rules and risk-score.ts write them in English.
 */

const ok = <T>(data: T) => ({ success: true as const, data });

const failure = (code: string, message: string, details?: object[]) => ({
  success: false,
  error: { code, message, ...(details ? { details } : {}) },
});

const ALERT_ID = '0d5f1c9e-8a51-4a4f-9b55-31c1c1e0f3a2';

const RAPID_REASON = {
  code: 'RAPID_DEPOSITS',
  parameters: {
    count: 5,
    total: 240000000,
    currency: 'XOF',
    span_minutes: 38,
    min_count: 5,
    window_minutes: 60,
  },
  text: '5 deposits totalling 2,400,000 XOF in 38 min; threshold 5 in 1 h',
};

const RAPID_ALERT = {
  id: ALERT_ID,
  status: 'ACKNOWLEDGED',
  severity: 'MEDIUM',
  rule: { code: 'RAPID_DEPOSITS', title: 'Rapid succession of deposits', version: 1 },
  player: { external_id: 'pl_12345abc' },
  reason: RAPID_REASON,
  assignee: 'aminata.diallo',
  hit_count: 1,
  first_hit_at: '2026-02-03T14:32:45.000000Z',
  last_hit_at: '2026-02-03T14:32:45.000000Z',
  created_at: '2026-02-03T14:32:46.184027Z',
  updated_at: '2026-02-03T15:05:12.530911Z',
  closed_at: null,
};

const LARGE_ALERT = {
  id: '9a7b3c2d-1e0f-4a5b-8c6d-7e8f9a0b1c2d',
  status: 'OPEN',
  severity: 'MEDIUM',
  rule: { code: 'LARGE_TRANSACTION', title: 'Large deposit or withdrawal', version: 1 },
  player: { external_id: 'pl_55501kfd' },
  reason: {
    code: 'LARGE_TRANSACTION',
    parameters: { type: 'WITHDRAWAL', amount: 180000000, currency: 'XOF', threshold: 100000000 },
    text: 'Withdrawal of 1,800,000 XOF; threshold 1,000,000 XOF',
  },
  assignee: null,
  hit_count: 1,
  first_hit_at: '2026-02-04T11:26:02.000000Z',
  last_hit_at: '2026-02-04T11:26:02.000000Z',
  created_at: '2026-02-04T11:26:03.771540Z',
  updated_at: '2026-02-04T11:26:03.771540Z',
  closed_at: null,
};

/** GET /alerts */
export const ALERT_LIST_EXAMPLE = ok({
  items: [LARGE_ALERT, RAPID_ALERT],
  total: 2,
  page: 1,
  page_size: 20,
});

/** GET /alerts/:id, and PATCH /alerts/:id after `{"status":"ACKNOWLEDGED",...}`. */
export const ALERT_DETAIL_EXAMPLE = ok({
  ...RAPID_ALERT,
  events: {
    total: 1,
    items: [
      {
        stream: 'monitor',
        event_id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        operator_ref: 'dep_20260203_0042',
        event_time: '2026-02-03T14:32:45.000000Z',
        severity: 'MEDIUM',
        reason: RAPID_REASON,
        detected_at: '2026-02-03T14:32:46.184027Z',
      },
    ],
  },
  history: [
    {
      at: '2026-02-03T14:32:46.184027Z',
      actor: { kind: 'rule', id: 'RAPID_DEPOSITS@1' },
      action: 'created',
      from_status: null,
      to_status: 'OPEN',
      assignee: null,
      note: null,
    },
    {
      at: '2026-02-03T15:05:12.530911Z',
      actor: { kind: 'key', id: '3' },
      action: 'updated',
      from_status: 'OPEN',
      to_status: 'ACKNOWLEDGED',
      assignee: 'aminata.diallo',
      note: 'Checking with the PSP',
    },
  ],
});

const COOLDOWN = {
  kind: 'integer',
  unit: 'hours',
  value: 24,
  default: 24,
  min: 1,
  max: 720,
  description: 'Hits within this many hours of an open alert’s last hit join that alert',
};

const LARGE_THRESHOLDS = {
  XOF: 100000000,
  GHS: 2500000,
  NGN: 300000000,
  EUR: 200000,
  USD: 200000,
  BRL: 1000000,
};

const LARGE_RULE = {
  code: 'LARGE_TRANSACTION',
  title: 'Large deposit or withdrawal',
  reference:
    'Large transactions: UKGC AML guidance for casinos (customer due diligence from EUR 2,000); Portaria SPA/MF 1.143/2024 (operations to analyse and report to COAF)',
  mode: 'on',
  severity: 'MEDIUM',
  version: 1,
  updated_at: null,
  defaults: { mode: 'on', severity: 'MEDIUM' },
  parameters: {
    threshold: {
      kind: 'money',
      unit: 'cents per currency (amount × 100: the monitor’s amount_cents, the AML API’s cents)',
      value: LARGE_THRESHOLDS,
      default: LARGE_THRESHOLDS,
      description: 'Amount (minor units) from which a deposit or withdrawal is large',
    },
    cooldown_hours: COOLDOWN,
  },
};

/** RAPID_DEPOSITS after `{"mode":"shadow","parameters":{"count":4}}`. */
const RAPID_RULE = {
  code: 'RAPID_DEPOSITS',
  title: 'Rapid succession of deposits',
  reference:
    'Unusual frequency of deposits: Portaria SPA/MF 1.143/2024 (splitting of deposits); GIABA typologies (mobile-money layering)',
  mode: 'shadow',
  severity: 'MEDIUM',
  version: 2,
  updated_at: '2026-02-04T09:12:03.402118Z',
  defaults: { mode: 'on', severity: 'MEDIUM' },
  parameters: {
    count: {
      kind: 'integer',
      unit: 'count',
      value: 4,
      default: 5,
      min: 2,
      max: 100,
      description: 'Deposits within the window that make a hit, this one included',
    },
    window_minutes: {
      kind: 'integer',
      unit: 'minutes',
      value: 60,
      default: 60,
      min: 1,
      max: 1440,
      description: 'The window, in minutes, ending at the deposit',
    },
    cooldown_hours: COOLDOWN,
  },
};

const IDENTIFIER_MODES = { ip: 'shadow', phone: 'on', session: 'on' };

const SHARED_RULE = {
  code: 'SHARED_IDENTIFIER',
  title: 'Identifier shared by several players',
  reference:
    'Multiple or third-party accounts: Portaria SPA/MF 1.143/2024 (use of third-party accounts); GIABA typologies (nominee accounts)',
  mode: 'on',
  severity: 'MEDIUM',
  version: 1,
  updated_at: null,
  defaults: { mode: 'on', severity: 'MEDIUM' },
  parameters: {
    min_players: {
      kind: 'integer',
      unit: 'count',
      value: 3,
      default: 3,
      min: 2,
      max: 1000,
      description: 'Players using one identifier within the window that make a hit',
    },
    window_hours: {
      kind: 'integer',
      unit: 'hours',
      value: 24,
      default: 24,
      min: 1,
      max: 720,
      description: 'Uses of the identifier within this many hours count',
    },
    modes: {
      kind: 'modes',
      unit: 'mode per key',
      value: IDENTIFIER_MODES,
      default: IDENTIFIER_MODES,
      keys: ['ip', 'phone', 'session'],
      description:
        'Mode per identifier kind, never louder than the rule’s: IPs start in shadow (carrier-grade NAT)',
    },
    cooldown_hours: COOLDOWN,
  },
};

/** GET /rules (3 of the 16 rules shown). */
export const RULE_LIST_EXAMPLE = ok({
  items: [LARGE_RULE, RAPID_RULE, SHARED_RULE],
  total: 16,
  page: 1,
  page_size: 16,
});

/** PUT /rules/:code */
export const RULE_EXAMPLE = ok(RAPID_RULE);

const shadowHit = (
  player: string,
  eventId: string,
  eventTime: string,
  figures: { total: number; span_minutes: number },
  text: string,
  detectedAt: string,
) => ({
  player: { external_id: player },
  stream: 'monitor',
  event_id: eventId,
  event_time: eventTime,
  severity: 'MEDIUM',
  rule_version: 2,
  reason: {
    code: 'RAPID_DEPOSITS',
    parameters: {
      count: 4,
      total: figures.total,
      currency: 'XOF',
      span_minutes: figures.span_minutes,
      min_count: 4,
      window_minutes: 60,
    },
    text,
  },
  detected_at: detectedAt,
});

/** GET /rules/:code */
export const RULE_DETAIL_EXAMPLE = ok({
  ...RAPID_RULE,
  hits_by_day: [
    { day: '2026-02-05', on: 0, shadow: 1 },
    { day: '2026-02-04', on: 0, shadow: 1 },
    { day: '2026-02-03', on: 1, shadow: 0 },
  ],
  shadow_hits: [
    shadowHit(
      'pl_31415pqr',
      '3f2b8c1d-5e6a-4b7c-8d9e-0f1a2b3c4d5e',
      '2026-02-05T07:41:09.000000Z',
      { total: 120000000, span_minutes: 25 },
      '4 deposits totalling 1,200,000 XOF in 25 min; threshold 4 in 1 h',
      '2026-02-05T07:41:10.022716Z',
    ),
    shadowHit(
      'pl_27182ekt',
      'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f',
      '2026-02-04T16:03:44.000000Z',
      { total: 18000000, span_minutes: 52 },
      '4 deposits totalling 180,000 XOF in 52 min; threshold 4 in 1 h',
      '2026-02-04T16:03:45.310457Z',
    ),
  ],
});

/** GET /rules/:code/versions */
export const RULE_VERSIONS_EXAMPLE = ok({
  items: [
    {
      version: 2,
      mode: 'shadow',
      severity: 'MEDIUM',
      parameters: { count: 4 },
      author: { kind: 'key', id: '3' },
      created_at: '2026-02-04T09:12:03.402118Z',
    },
    {
      version: 1,
      mode: 'on',
      severity: 'MEDIUM',
      parameters: {},
      author: null,
      created_at: null,
    },
  ],
  total: 2,
  page: 1,
  page_size: 20,
});

const SHOP_IP = {
  kind: 'ip',
  value: '41.82.10.5',
  note: 'Dakar Plateau shop',
  created_at: '2026-02-02T10:15:42.906113Z',
};

/** GET /allowlist */
export const ALLOWLIST_EXAMPLE = ok({
  items: [
    SHOP_IP,
    {
      kind: 'phone',
      value: '+221770000001',
      note: 'QA team test phone',
      created_at: '2026-01-20T08:00:12.104551Z',
    },
  ],
  total: 2,
  page: 1,
  page_size: 20,
});

/** POST /allowlist: the entry as stored (201, or 200 when it was there already). */
export const ALLOWLIST_ENTRY_EXAMPLE = ok(SHOP_IP);

/** GET /players */
export const PLAYER_LIST_EXAMPLE = ok({
  items: [
    {
      external_id: 'pl_55501kfd',
      risk: { score: 64, level: 'HIGH' },
      computed_at: '2026-02-05T08:50:00.318204Z',
    },
    {
      external_id: 'pl_12345abc',
      risk: { score: 32, level: 'MEDIUM' },
      computed_at: '2026-02-05T08:50:00.318204Z',
    },
  ],
  total: 2,
  page: 1,
  page_size: 20,
});

const xof = (
  deposits: [number, number],
  withdrawals: [number, number],
  stakes: [number, number],
  wins: [number, number],
) => ({
  currency: 'XOF',
  deposits: { count: deposits[0], amount: deposits[1] },
  withdrawals: { count: withdrawals[0], amount: withdrawals[1] },
  stakes: { count: stakes[0], amount: stakes[1] },
  wins: { count: wins[0], amount: wins[1] },
});

/** GET /players/:external_id, on 5 February 2026 at 09:00 UTC. */
export const PLAYER_EXAMPLE = ok({
  external_id: 'pl_12345abc',
  cpf: null,
  profile: {
    phone: '+221771234567',
    country: 'SEN',
    kyc_level: 1,
    first_seen_at: '2026-01-12T18:03:27.000000Z',
    last_seen_at: '2026-02-04T18:10:00.000000Z',
    events_count: 42,
  },
  counters: {
    '24h': [xof([0, 0], [1, 15000000], [2, 2500000], [1, 4000000])],
    '7d': [xof([5, 240000000], [1, 15000000], [9, 31000000], [3, 12500000])],
    '30d': [xof([8, 262500000], [1, 15000000], [30, 96000000], [11, 41250000])],
  },
  open_alerts: [RAPID_ALERT],
  linked_players: [
    {
      external_id: 'pl_98765xyz',
      shared: [{ kind: 'phone', value: '+221771234567' }],
      last_seen_at: '2026-02-04T21:47:31.000000Z',
    },
    {
      external_id: 'pl_24680lmn',
      shared: [{ kind: 'session', value: 'sess_8f3k2m9q' }],
      last_seen_at: '2026-02-01T12:20:05.000000Z',
    },
  ],
  risk: {
    score: 32,
    level: 'MEDIUM',
    factors: [
      {
        factor: 'alert',
        points: 11.5,
        alert_id: ALERT_ID,
        rule: 'RAPID_DEPOSITS',
        severity: 'MEDIUM',
        status: 'ACKNOWLEDGED',
        base_points: 12,
        decay: 0.96,
        age_days: 1,
        description:
          'Alert "Rapid succession of deposits" (medium severity, acknowledged), last hit 1 day ago: 12 points × 0.96 = 11.5',
      },
      {
        factor: 'linked_players',
        points: 10,
        players: 2,
        description: 'Shares an identifier with 2 other players: 10 points',
      },
      {
        factor: 'low_kyc_withdrawals',
        points: 10,
        kyc_level: 1,
        withdrawals: 1,
        description: '1 withdrawal in 30 days at KYC level 1: 10 points',
      },
    ],
  },
});

const LOW_ODDS_ID = 'b3e1f2a4-6c7d-4e8f-9a0b-1c2d3e4f5a6b';

const brl = (stakes: [number, number], wins: [number, number]) => ({
  currency: 'BRL',
  deposits: { count: 0, amount: 0 },
  withdrawals: { count: 0, amount: 0 },
  stakes: { count: stakes[0], amount: stakes[1] },
  wins: { count: wins[0], amount: wins[1] },
});

/** GET /players/cpf/:cpf: a bettor of the AML Betting Events API. */
export const CPF_PLAYER_EXAMPLE = ok({
  external_id: '01234567890',
  cpf: '01234567890',
  profile: {
    phone: null,
    country: null,
    kyc_level: null,
    first_seen_at: '2025-11-03T20:15:00.000000Z',
    last_seen_at: '2026-02-04T20:47:10.000000Z',
    events_count: 18,
  },
  counters: {
    '24h': [brl([2, 900000], [1, 864000])],
    '7d': [brl([4, 1050000], [2, 1010000])],
    '30d': [brl([11, 1480000], [6, 1270000])],
  },
  open_alerts: [
    {
      id: LOW_ODDS_ID,
      status: 'OPEN',
      severity: 'MEDIUM',
      rule: { code: 'LOW_ODDS_HIGH_STAKE', title: 'High stake at very low odds', version: 1 },
      player: { external_id: '01234567890' },
      reason: {
        code: 'LOW_ODDS_HIGH_STAKE',
        parameters: {
          variant: 'bet',
          stake: 800000,
          odds: 1.08,
          currency: 'BRL',
          threshold: 500000,
          max_odds: 1.15,
        },
        text: 'Stake of 8,000 BRL at odds 1.08; thresholds: above 5,000 BRL at odds 1.15 or less',
      },
      assignee: null,
      hit_count: 1,
      first_hit_at: '2026-02-04T20:47:10.000000Z',
      last_hit_at: '2026-02-04T20:47:10.000000Z',
      created_at: '2026-02-04T20:47:11.402967Z',
      updated_at: '2026-02-04T20:47:11.402967Z',
      closed_at: null,
    },
  ],
  linked_players: [],
  risk: {
    score: 12,
    level: 'LOW',
    factors: [
      {
        factor: 'alert',
        points: 11.9,
        alert_id: LOW_ODDS_ID,
        rule: 'LOW_ODDS_HIGH_STAKE',
        severity: 'MEDIUM',
        status: 'OPEN',
        base_points: 12,
        decay: 0.988,
        age_days: 0,
        description:
          'Alert "High stake at very low odds" (medium severity, open), last hit 0 days ago: 12 points × 0.99 = 11.9',
      },
    ],
  },
});

/** Error answers. */
export const ERROR_EXAMPLES = {
  alertQuery: failure('VALIDATION_ERROR', 'Validation failed', [
    {
      field: 'status',
      message: 'invalid status "CLOSED"; expected OPEN, ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE',
    },
    { field: 'size', message: 'size must be an integer from 1 to 100' },
  ]),
  alertBody: failure('VALIDATION_ERROR', 'Validation failed', [
    {
      field: 'status',
      message: 'status must be one of ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE',
    },
  ]),
  alertNotFound: failure('NOT_FOUND', `Alert ${ALERT_ID} not found`),
  alertMove: failure('CONFLICT', `Alert ${ALERT_ID} cannot move from RESOLVED to ACKNOWLEDGED`),
  ruleBody: failure('VALIDATION_ERROR', 'Validation failed', [
    { field: 'parameters.count', message: 'must be from 2 to 100' },
  ]),
  ruleNotFound: failure('NOT_FOUND', 'Rule NO_SUCH_RULE not found'),
  pageQuery: failure('VALIDATION_ERROR', 'Validation failed', [
    { field: 'size', message: 'size must be an integer from 1 to 100' },
  ]),
  allowlistBody: failure('VALIDATION_ERROR', 'Validation failed', [
    { field: 'kind', message: 'kind must be one of ip, phone, session' },
  ]),
  allowlistNotFound: failure('NOT_FOUND', 'Allowlisted identifier ip:41.82.10.5 not found'),
  playerQuery: failure('VALIDATION_ERROR', 'Validation failed', [
    { field: 'min_score', message: 'min_score must be an integer from 0 to 100' },
  ]),
  playerNotFound: failure('NOT_FOUND', 'Player pl-unknown not found'),
  noQuery: failure('VALIDATION_ERROR', 'Validation failed', [
    { field: 'page', message: 'unknown query parameter page; this route takes none' },
  ]),
  notCpf: failure('VALIDATION_ERROR', 'Validation failed', [
    { field: 'cpf', message: 'cpf must be a valid CPF: 11 digits, bare or as 000.000.000-00' },
  ]),
  cpfNotFound: failure('NOT_FOUND', 'Player 98765432100 not found'),
  notJson: failure('VALIDATION_ERROR', 'Content-Type must be application/json'),
};
