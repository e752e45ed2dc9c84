// The realistic mix of bench/processing.js: monitor events of 20,000 players, a few hundred of
// them very active, about 40 % bets placed, 35 % settled, 15 % deposits, 10 % withdrawals and
// bonuses. Deterministic for a seed: the same run makes the same events in the same order.
//
// Identifiers, as West African mobile traffic shares them (SHARED_IDENTIFIER, issue 15):
// - IPs: carrier-grade NAT, 2,000 public IPs for the 20,000 players (10 players per IP, each
//   player always on the same one);
// - phones: each player has its own, except 1 % of players (occasional ones), in rings of 3
//   sharing one phone (multi-accounting: the rings raise alerts);
// - sessions: one per player and hour of event time.
// Balances follow each player's own events (a player starts at 20,000,000 XOF, so that no
// balance goes below zero in the longest phase); 1 event in 500
// carries a balance off by 1,000 XOF (BALANCE_MISMATCH has something to find).

const PLAYERS = 20_000;
const IPS = 2_000;
/** Players after the hot ones share phones in rings of 3: 1 % of the players. */
const RING_PLAYERS = PLAYERS / 100;
/** Players behind about half of the events. */
const HOT_PLAYERS = 300;
const CASINO_GAMES = [
  ['LIVE_CASINO', 'evolution', 'lightning_roulette', 'Lightning Roulette'],
  ['CASINO', 'pragmatic', 'gates_of_olympus', 'Gates of Olympus'],
  ['VIRTUAL', 'golden_race', 'virtual_football', 'Virtual Football'],
];
const SPORTS = [
  ['football', 'CAN 2025', 'Senegal vs Nigeria'],
  ['football', 'Ligue 1 Sénégal', 'Jaraaf vs Casa Sports'],
  ['basketball', 'BAL', 'AS Douanes vs Petro de Luanda'],
];

/** A small deterministic generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `next()` gives the grouped body of the next event; event ids start with `prefix`, so that
 * several workloads can write into one team.
 */
function workload(prefix, seed = 1) {
  const rand = random(seed);
  const open = []; // bets placed, not settled yet: { playerId, amount, game }
  let n = 0;
  const start = Date.parse('2026-02-01T00:00:00Z');
  const pick = (list) => list[Math.floor(rand() * list.length)];

  const balances = new Map();
  const identity = (playerId) => {
    const i = Number(playerId.slice(3));
    const ring = i >= HOT_PLAYERS && i < HOT_PLAYERS + RING_PLAYERS;
    const phone = ring
      ? `+22177${String(Math.floor((i - HOT_PLAYERS) / 3)).padStart(7, '0')}`
      : `+22170${String(i).padStart(7, '0')}`;
    const ip = `41.${82 + Math.floor((i % IPS) / 256)}.${(i % IPS) % 256}.7`;
    return { phone, ip };
  };
  /** The balance moves of one event, with 1 in 500 off by 1,000 XOF. */
  const move = (playerId, delta) => {
    const before = balances.get(playerId) ?? 20_000_000;
    const after = before + delta;
    balances.set(playerId, after);
    const off = rand() < 0.002 ? 1000 : 0;
    return { balance_before: before + off, balance_after: after };
  };

  function player() {
    const hot = rand() < 0.5;
    return `pl_${hot ? Math.floor(rand() * HOT_PLAYERS) : Math.floor(rand() * PLAYERS)}`;
  }

  function next() {
    const id = `${prefix}-${n}`;
    const timestamp = new Date(start + n * 20).toISOString();
    n++;
    const roll = rand();
    // A settlement settles a bet placed earlier (any player's, the older ones more often).
    const settles = roll < 0.35 && open.length > 0;
    const index = settles ? Math.floor(rand() * rand() * open.length) : -1;
    const bet = settles ? open.splice(index, 1)[0] : null;
    const playerId = bet ? bet.playerId : player();
    const { phone, ip } = identity(playerId);
    const hour = Math.floor((start + n * 20) / 3_600_000);
    const base = {
      event_id: id,
      player: { id: playerId, phone, country: 'SEN', kyc_level: 2 },
      metadata: { device_type: 'MOBILE', ip_address: ip, session_id: `s_${playerId}_${hour}` },
    };
    if (bet) {
      const won = rand() < 0.45;
      const amount = won ? bet.amount * 2 : 0;
      return {
        ...base,
        event: {
          type: won ? 'BET_WON' : 'BET_LOST',
          timestamp,
          amount,
          currency: 'XOF',
          ...move(playerId, amount),
        },
        game: bet.game,
      };
    }
    if (roll < 0.75) {
      const amount = 100 * (1 + Math.floor(rand() * 50));
      const sports = rand() < 0.3;
      const game = sports
        ? (([sport, competition, name]) => ({
            type: 'SPORTS',
            id: `match_${Math.floor(rand() * 200)}`,
            name,
            sport,
            competition,
            odds: 1.2 + Math.floor(rand() * 40) / 10,
            bet_id: `bet_${id}`,
            provider: 'betradar',
          }))(pick(SPORTS))
        : (([type, provider, gameId, name]) => ({
            type,
            id: gameId,
            name,
            bet_id: `round_${id}`,
            provider,
          }))(pick(CASINO_GAMES));
      open.push({ playerId, amount, game });
      return {
        ...base,
        event: {
          type: 'BET_PLACED',
          timestamp,
          amount,
          currency: 'XOF',
          ...move(playerId, -amount),
        },
        game,
      };
    }
    const type = roll < 0.9 ? 'DEPOSIT' : rand() < 0.7 ? 'WITHDRAWAL' : 'BONUS_CREDITED';
    const amount = 1000 * (1 + Math.floor(rand() * 20));
    return {
      ...base,
      event: {
        type,
        timestamp,
        amount,
        currency: 'XOF',
        ...move(playerId, type === 'WITHDRAWAL' ? -amount : amount),
      },
      metadata: { ...base.metadata, operator: 'ORANGE_SN' },
    };
  }

  return { next };
}

module.exports = { workload, PLAYERS, HOT_PLAYERS, IPS, RING_PLAYERS };
