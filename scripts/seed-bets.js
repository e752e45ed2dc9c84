#!/usr/bin/env node
/**
 * `npm run seed:bets -- [--rows 1000000] [--sports-rows N] [--db-url mariadb://root@127.0.0.1:3306/bm_bets_seed]
 *                      [--teams 4] [--seed 1] [--reset] [--build | --skip-build]`
 *
 * Fills a MariaDB/MySQL database with bet records (seed 002) for benchmarks and manual checks:
 * `--rows` Live/Slots bets (`bets`) and `--sports-rows` sports bets (default rows / 2, about 30 %
 * of them parlays of 2 to 6 lines, the others one line each).
 *
 *   1. The database (created when missing) is migrated by the service's own CLI (dist/cli.js,
 *      built first when dist/ lacks a migration of src/; --build forces it, --skip-build skips it).
 *   2. Teams and brands are created through that CLI too (`team create`, `brand create`): one big
 *      team with 60 % of the rows (all of them with --teams 1), the others sharing the rest in
 *      decreasing shares; 3 to 5 brands each, of unequal sizes. Each team's first API key is in
 *      the summary.
 *   3. Players (thousands per team, in proportion to its rows; 40 % with a valid CPF), each of one
 *      brand (a few of none), are inserted with SQL; so are 10 casino providers with their games
 *      and 3 sports-book providers (`providers` and `games` are shared by all teams).
 *   4. Bets and sports bets are generated in time order over the last 180 days (ids ascending with
 *      created_at, teams interleaved) and written with multi-row INSERTs of --batch rows through
 *      mysql2, the next statement built while the previous one runs. Per team, 3 "whale" players
 *      make 4 %, 3 % and 2 % of its rows; the others follow a power law (a median player has about
 *      20 bets at 1 M rows). Status: about 5 % pending (settled_at, result_type null), 90 %
 *      settled (Live/Slots: 55 % lost, 42 % won, 2.9 % cashed out, 0.1 % jackpots; sports: won
 *      with a probability from the odds), 5 % cancelled (balance unchanged). Amounts in cents,
 *      log-normal stakes; balances follow each player's wallet (null for one provider that does
 *      not report them, which also reports no game and no result type); 0.5 % of the bets have no
 *      provider. Sports bets: 85 % `monitor` (a sports-book provider), 15 % `aml` (no provider,
 *      odds always set; 40 % of them of no brand, as sent by a key of the whole team).
 *   5. `bet_record_counts` is filled by one INSERT ... SELECT ... GROUP BY per kind, then checked
 *      against the counts kept while generating (they must be equal), and the tables analysed.
 *
 * It refuses to run when bets, sports_bets or bet_record_counts already hold rows, unless --reset,
 * which empties the bet-record tables (bets, sports bets and lines, counts, pending settlements,
 * games, providers) first; teams, brands and players of earlier runs are left in place (team names
 * carry a run id, so new ones never collide). The same --seed and --rows on a fresh database give
 * the same records (times relative to now).
 * Progress goes to stderr; a JSON summary (teams with their API keys, brands, a few players with
 * many bets and a typical one, provider codes, row counts, seconds taken) to stdout.
 */
const mysql = require('mysql2/promise');
const { execFile, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs, promisify } = require('node:util');

const ROOT = join(__dirname, '..');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'sports-rows': { type: 'string' },
    'db-url': { type: 'string', default: 'mariadb://root@127.0.0.1:3306/bm_bets_seed' },
    teams: { type: 'string', default: '4' },
    batch: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    days: { type: 'string', default: '180' },
    reset: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write(require('node:fs').readFileSync(__filename, 'utf8').split('*/')[0] + '*/\n');
  process.exit(0);
}

const ROWS = Number(args.rows);
const SPORTS_ROWS =
  args['sports-rows'] === undefined ? Math.floor(ROWS / 2) : Number(args['sports-rows']);
const TEAMS = Number(args.teams);
const BATCH = Number(args.batch);
const DAYS = Number(args.days);
for (const [name, value, min] of [
  ['--rows', ROWS, 0],
  ['--sports-rows', SPORTS_ROWS, 0],
  ['--teams', TEAMS, 1],
  ['--batch', BATCH, 1],
  ['--days', DAYS, 1],
]) {
  if (!Number.isSafeInteger(value) || value < min) {
    process.stderr.write(`${name} must be an integer >= ${min}\n`);
    process.exit(2);
  }
}

const RUN = randomBytes(3).toString('hex');
/** An expected refusal: its message alone is printed. */
class Refused extends Error {}
const log = (line) => process.stderr.write(`${line}\n`);
const seconds = (since) => Math.round((performance.now() - since) / 100) / 10;

// ---- deterministic randomness -------------------------------------------------------------

/** mulberry32: small, fast, seeded; the same --seed gives the same records. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(Number(args.seed) || 1);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
function normal() {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
/** Log-normal amount in cents around `medianCents`, rounded to 10 cents, within [min, max]. */
const amountCents = (medianCents, sigma, min, max) =>
  Math.min(max, Math.max(min, Math.round((medianCents * Math.exp(sigma * normal())) / 10) * 10));

/** Picks an index by weight, from a prebuilt cumulative table. */
function weighted(weights) {
  const cumulative = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

// ---- the world: providers, games, teams, brands, players ------------------------------------

const CASINO_PROVIDERS = [
  // weight: share of the bets; live: rounds settle in 20 to 90 s (slots: 1 to 6 s); games: how many.
  { code: 'evolution', prefix: 'evo', weight: 30, live: true, games: 24 },
  { code: 'pragmaticplay', prefix: 'pp', weight: 22, live: false, games: 40 },
  { code: 'pgsoft', prefix: 'pgs', weight: 12, live: false, games: 30 },
  { code: 'playtech', prefix: 'pt', weight: 8, live: true, games: 20 },
  { code: 'ezugi', prefix: 'ezg', weight: 6, live: true, games: 12 },
  { code: 'netent', prefix: 'ne', weight: 6, live: false, games: 25 },
  { code: 'hacksaw', prefix: 'hs', weight: 5, live: false, games: 18 },
  { code: 'nolimitcity', prefix: 'nlc', weight: 4, live: false, games: 15 },
  { code: 'relaxgaming', prefix: 'rlx', weight: 4, live: false, games: 12 },
  // Reports no game, no result type and no balances: what a thin integration sends.
  { code: 'spribe', prefix: 'spb', weight: 3, live: false, games: 0, thin: true },
];
const SPORTS_PROVIDERS = [
  { code: 'betconstruct', prefix: 'bc', weight: 50 },
  { code: 'sportradar', prefix: 'sr', weight: 30 },
  { code: 'kambi', prefix: 'kmb', weight: 20 },
];
const GAME_WORDS = (
  'baccarat roulette blackjack crazy_time lightning sweet_bonanza gates fortune_tiger mahjong book ' +
  'wolf starlight sugar_rush big_bass aztec dragon_tiger mega_wheel poker sic_bo fruit_party wild_west'
).split(' ');
/** League: its sides, separated by commas. */
const LEAGUES = Object.fromEntries(
  Object.entries({
    'Premier League':
      'Arsenal,Chelsea,Liverpool,Manchester United,Manchester City,Tottenham,Newcastle,Aston Villa',
    'La Liga':
      'Real Madrid,Barcelona,Atletico Madrid,Sevilla,Valencia,Villarreal,Real Sociedad,Betis',
    'Serie A': 'Inter,Milan,Juventus,Napoli,Roma,Lazio,Atalanta,Fiorentina',
    'Brasileirao Serie A':
      'Flamengo,Palmeiras,Corinthians,Sao Paulo,Gremio,Internacional,Fluminense,Botafogo,Santos',
    NBA: 'Lakers,Celtics,Warriors,Bucks,Nuggets,Heat,Knicks,Suns',
    'ATP Tour': 'Sinner,Alcaraz,Djokovic,Zverev,Medvedev,Rune,Fritz,Ruud',
  }).map(([league, sides]) => [league, sides.split(',')]),
);
const LEAGUE_NAMES = Object.keys(LEAGUES);
const MARKETS = (
  'Match Winner,Over/Under 2.5,Both Teams To Score,Double Chance,Asian Handicap -1,Correct Score,' +
  'Draw No Bet,Total Points Over/Under'
).split(',');
const BRAND_NAMES = ['Aurora Bet', 'Copa Sports', 'Lucky Star', 'Rio Casino', 'Vega Play'];

for (const text of [...GAME_WORDS, ...LEAGUE_NAMES, ...Object.values(LEAGUES).flat(), ...MARKETS])
  if (/['\\]/.test(text)) throw new Error(`no quote or backslash in literals: ${text}`);

/** Shares of the rows per team: 60 % for the first, the rest in decreasing shares. */
function teamShares(count) {
  if (count === 1) return [1];
  const rest = Array.from({ length: count - 1 }, (_, i) => 1 / (i + 1));
  const sum = rest.reduce((a, b) => a + b, 0);
  return [0.6, ...rest.map((w) => (0.4 * w) / sum)];
}

/** A valid CPF (11 digits with both check digits) from a 9-digit base. */
function cpfOf(base) {
  const digits = String(base).padStart(9, '0').split('').map(Number);
  for (const length of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += digits[i] * (length + 1 - i);
    const rest = (sum * 10) % 11;
    digits.push(rest === 10 ? 0 : rest);
  }
  return digits.join('');
}

// ---- SQL helpers --------------------------------------------------------------------------

/** 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC, as the service stores its timestamps. */
const ts = (ms) => {
  const iso = new Date(ms).toISOString();
  return `'${iso.slice(0, 10)} ${iso.slice(11, 23)}000'`;
};
const num = (value) => (value === null ? 'NULL' : String(value));
const str = (value) => (value === null ? 'NULL' : `'${value}'`);

function connectionOptions(url) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
  };
}

// ---- service CLI --------------------------------------------------------------------------

/** Builds dist/ when forced, or when a migration of src/ is not in dist/ yet. */
function ensureBuilt() {
  if (args['skip-build']) return;
  const sourceDir = join(ROOT, 'src', 'database', 'migrations', 'mysql');
  const distDir = join(ROOT, 'dist', 'database', 'migrations', 'mysql');
  const stale =
    !existsSync(join(ROOT, 'dist', 'cli.js')) ||
    readdirSync(sourceDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .some((f) => !existsSync(join(distDir, f.replace(/\.ts$/, '.js'))));
  if (!stale && !args.build) return;
  log('building dist/ (nest build)');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

const execFileAsync = promisify(execFile);
async function cli(cliArgs) {
  const { stdout } = await execFileAsync(process.execPath, ['dist/cli.js', ...cliArgs, '--json'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DB_URL: args['db-url'], LOG_LEVEL: 'warn' },
  });
  const answer = JSON.parse(stdout);
  if (answer.error) throw new Error(`cli ${cliArgs.join(' ')}: ${answer.error.message}`);
  return answer;
}

// ---- main steps ---------------------------------------------------------------------------

async function prepareDatabase() {
  const options = connectionOptions(args['db-url']);
  if (!options.database) throw new Error('--db-url must name a database');
  const admin = await mysql.createConnection({ ...options, database: undefined });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${options.database}\``);
  await admin.end();
  const migrated = await cli(['migrate']);
  const db = await mysql.createConnection({
    ...options,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  await db.query('SET SESSION foreign_key_checks = 0, unique_checks = 0, time_zone = "+00:00"');
  const filled = [];
  for (const table of ['bets', 'sports_bets', 'bet_record_counts']) {
    const [[row]] = await db.query(`SELECT EXISTS(SELECT 1 FROM \`${table}\`) AS filled`);
    if (Number(row.filled)) filled.push(table);
  }
  if (filled.length && !args.reset) {
    await db.end();
    throw new Refused(
      `${options.database}: ${filled.join(', ')} already hold rows; run with --reset to empty the bet-record tables first`,
    );
  }
  if (args.reset) {
    log(`--reset: emptying the bet-record tables of ${options.database}`);
    for (const table of [
      'sports_bet_lines',
      'sports_bets',
      'bets',
      'bet_record_counts',
      'pending_settlements',
      'games',
      'providers',
    ])
      await db.query(`TRUNCATE TABLE \`${table}\``);
  }
  return { db, database: options.database, migrationsApplied: migrated.migrations_applied };
}

async function createTeams() {
  const shares = teamShares(TEAMS);
  // One after the other (about 0.4 s each): ids then follow the order, run after run.
  const teams = [];
  for (const [i, share] of shares.entries()) {
    const name = `bets-seed-${RUN}-${i + 1}${i === 0 ? '-big' : ''}`;
    const created = await cli([
      'team',
      'create',
      '--name',
      name,
      '--plan',
      i === 0 ? 'enterprise' : 'standard',
    ]);
    const team = {
      index: i,
      id: created.team.id,
      name,
      plan: created.team.plan,
      apiKey: created.api_key,
      share,
      brands: [],
    };
    const count = 3 + ((i * 2) % 3); // 3, 5, 4, 3, 5, ...
    for (let b = 0; b < count; b++) {
      const { brand } = await cli([
        'brand',
        'create',
        '--team',
        String(team.id),
        '--name',
        BRAND_NAMES[b],
      ]);
      team.brands.push({ id: brand.id, name: brand.name, weight: 1 / (b + 1) ** 1.2 });
    }
    teams.push(team);
  }
  return teams;
}

async function insertProviders(db) {
  const now = ts(Date.now());
  const all = [...CASINO_PROVIDERS, ...SPORTS_PROVIDERS];
  await db.query(
    `INSERT IGNORE INTO providers (code, created_at) VALUES ${all.map((p) => `(${str(p.code)}, ${now})`).join(', ')}`,
  );
  const [rows] = await db.query('SELECT id, code FROM providers WHERE code IN (?)', [
    all.map((p) => p.code),
  ]);
  const idOf = new Map(rows.map((r) => [r.code, Number(r.id)]));
  for (const p of all) p.id = idOf.get(p.code);
  const games = [];
  for (const p of CASINO_PROVIDERS) {
    for (let g = 0; g < p.games; g++) {
      const word = GAME_WORDS[(g * 7 + p.id) % GAME_WORDS.length];
      const code = `${word}_${p.prefix}_${g + 1}`;
      games.push(`(${p.id}, ${str(code)}, ${str(`${word.replace(/_/g, ' ')} ${g + 1}`)}, ${now})`);
    }
  }
  if (games.length)
    await db.query(
      `INSERT IGNORE INTO games (provider_id, code, name, created_at) VALUES ${games.join(', ')}`,
    );
  const [gameRows] = await db.query('SELECT id, provider_id, code FROM games ORDER BY id');
  for (const p of CASINO_PROVIDERS) {
    p.gameList = gameRows
      .filter((g) => Number(g.provider_id) === p.id)
      .map((g) => ({ id: Number(g.id), code: g.code }));
    // Popular games first: a power law over the provider's games.
    p.pickGame = p.gameList.length ? weighted(p.gameList.map((_, i) => 1 / (i + 1))) : null;
  }
  return { providers: all.length, games: gameRows.length };
}

/**
 * Players of every team: thousands each, in proportion to the team's rows. Returns per team the
 * pickers used by the generators (whales, then a power law over the others).
 */
async function insertPlayers(db, teams, startMs, nowMs) {
  const [[{ maxId }]] = await db.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM players');
  let nextId = Number(maxId) + 1;
  const perBig = Math.min(20000, Math.max(1000, Math.round(ROWS / 50)));
  const players = []; // global: { id, team, brandId, externalId, balance, bets, sports }
  const values = [];
  let cpfBase = 100000001 + int(0, 1000);
  for (const team of teams) {
    const count = Math.max(200, Math.round((perBig * team.share) / teamShares(TEAMS)[0]));
    const pickBrand = weighted(team.brands.map((b) => b.weight));
    team.players = [];
    for (let n = 0; n < count; n++) {
      // A few players of no brand; never the whales (the first three), so that they show in brand lists.
      const brandId = n >= 3 && chance(0.02) ? null : team.brands[pickBrand()].id;
      const player = {
        id: nextId++,
        teamId: team.id,
        brandId,
        externalId: `pl-${team.index + 1}-${String(n + 1).padStart(6, '0')}`,
        balance: amountCents(50000, 1, 1000, 50_000_000),
        bets: 0,
        sports: 0,
      };
      players.push(player);
      team.players.push(player);
      const firstSeen = startMs - int(0, 365) * 86_400_000 - int(0, 86_399_999);
      const cpf = chance(0.4) ? cpfOf((cpfBase += 7)) : null;
      values.push(
        `(${player.id}, ${team.id}, ${str(player.externalId)}, ${chance(0.3) ? `'+5511${String(int(0, 99999999)).padStart(9, '9')}'` : 'NULL'}, ` +
          `'BR', ${int(1, 3)}, ${ts(firstSeen)}, ${ts(nowMs)}, 0, ${ts(firstSeen)}, ${ts(nowMs)}, ${str(cpf)})`,
      );
    }
    // Whales: the first three players of the team (by id) make 4 %, 3 % and 2 % of its rows.
    const whaleShares = [0.04, 0.03, 0.02].slice(0, Math.max(0, team.players.length - 1));
    const whaleTotal = whaleShares.reduce((a, b) => a + b, 0);
    const others = team.players.length - whaleShares.length;
    team.pickPlayer = () => {
      const x = random();
      let acc = 0;
      for (let w = 0; w < whaleShares.length; w++) {
        acc += whaleShares[w];
        if (x < acc) return team.players[w];
      }
      // Power law over the others: index = others * u^2 (density ~ 1/sqrt(index)).
      const u = (x - whaleTotal) / (1 - whaleTotal);
      return team.players[whaleShares.length + Math.min(others - 1, Math.floor(others * u * u))];
    };
  }
  for (let i = 0; i < values.length; i += BATCH) {
    await db.query(
      'INSERT INTO players (id, team_id, external_id, phone, country, kyc_level, first_seen_at, last_seen_at, ' +
        `events_count, created_at, updated_at, cpf) VALUES ${values.slice(i, i + BATCH).join(', ')}`,
    );
  }
  return players;
}

/** Exact counts kept while generating, as bet_record_counts must hold them. */
class Tally {
  constructor() {
    this.map = new Map();
  }
  add(teamId, kind, brandId, providerId, status) {
    const key = `${teamId}|${kind}|${brandId ?? 0}|${providerId ?? 0}|${status}`;
    this.map.set(key, (this.map.get(key) ?? 0) + 1);
  }
}

/**
 * Writes rows produced by `build(from, to)` (one multi-row statement's worth of SQL strings)
 * statement by statement, building the next one while the previous runs.
 */
async function pipelined(db, label, total, build) {
  const started = performance.now();
  let pending = null;
  let lastLog = started;
  for (let from = 0; from < total; from += BATCH) {
    const statements = build(from, Math.min(total, from + BATCH));
    if (pending) await pending;
    pending = (async () => {
      for (const sql of statements) await db.query(sql);
    })();
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(
        `  ${label}: ${from + BATCH} / ${total} (${Math.round((from + BATCH) / ((lastLog - started) / 1000))} rows/s)`,
      );
    }
  }
  if (pending) await pending;
  const took = (performance.now() - started) / 1000;
  log(
    `  ${label}: ${total} rows in ${took.toFixed(1)} s (${Math.round(total / Math.max(took, 0.001))} rows/s)`,
  );
  return Math.round(took * 10) / 10;
}

const RESULT_LOST = 0;
const RESULT_WON = 1;
const RESULT_CASHOUT = 2;
const RESULT_JACKPOT = 3;

/** Applies a bet to the player's wallet; tops it up first when it cannot cover the stake. */
function wallet(player, stake, payout, cancelled) {
  if (player.balance < stake)
    player.balance += amountCents(100000, 0.8, stake, 100_000_000) + stake;
  const before = player.balance;
  const after = cancelled ? before : before - stake + payout;
  player.balance = after;
  return [before, after];
}

async function insertBets(db, teams, tally, startMs, nowMs) {
  const [[{ maxId }]] = await db.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM bets');
  const firstId = Number(maxId) + 1;
  const pickTeam = weighted(teams.map((t) => t.share));
  const pickProvider = weighted(CASINO_PROVIDERS.map((p) => p.weight));
  const step = (nowMs - startMs) / Math.max(1, ROWS);
  return pipelined(db, 'bets', ROWS, (from, to) => {
    const values = [];
    for (let i = from; i < to; i++) {
      const id = firstId + i;
      const created = Math.floor(startMs + i * step + random() * step * 0.9);
      const team = teams[pickTeam()];
      const player = team.pickPlayer();
      player.bets++;
      const provider = chance(0.005) ? null : CASINO_PROVIDERS[pickProvider()];
      const game = provider && provider.pickGame ? provider.gameList[provider.pickGame()] : null;
      const x = random();
      const status = x < 0.05 ? 0 : x < 0.95 ? 1 : 2;
      const stake =
        provider && provider.live
          ? amountCents(5000, 1.3, 100, 20_000_000)
          : amountCents(800, 1.1, 20, 2_000_000);
      let payout = 0;
      let result = null;
      if (status === 1) {
        const r = random();
        // About 0.97 of the stakes paid back in all: many small wins, a few big ones.
        if (r < 0.55) result = RESULT_LOST;
        else if (r < 0.97) {
          result = RESULT_WON;
          const multiplier = chance(0.01) ? 5 + random() * 25 : 1.1 + random() * 1.4;
          payout = Math.round((stake * multiplier) / 10) * 10;
        } else if (r < 0.999) {
          result = RESULT_CASHOUT;
          payout = Math.round((stake * (0.3 + random() * 0.6)) / 10) * 10;
        } else {
          result = RESULT_JACKPOT;
          payout = stake * int(50, 250);
        }
      }
      if (provider && provider.thin) result = null;
      const [before, after] = wallet(player, stake, payout, status === 2);
      const thin = provider && provider.thin;
      const settled =
        status === 0
          ? null
          : Math.min(
              nowMs,
              created + (provider && provider.live ? int(20_000, 90_000) : int(1_000, 6_000)),
            );
      const prefix = provider ? provider.prefix : 'unk';
      tally.add(team.id, 'bet', player.brandId, provider && provider.id, status);
      values.push(
        `(${id},${team.id},${num(player.brandId)},${player.id},${num(provider && provider.id)},${str(provider && provider.code)},` +
          `${num(game && game.id)},${str(game && game.code)},'${prefix}_txn_${(id * 2654435761) % 4294967296}','${prefix}_rnd_${id}',` +
          `${stake},${payout},${status},${num(result)},${thin ? 'NULL' : before},${thin ? 'NULL' : after},` +
          `${settled === null ? 'NULL' : ts(settled)},${ts(created)})`,
      );
    }
    return [
      'INSERT INTO bets (id, team_id, brand_id, player_id, provider_id, provider_code, game_id, game_code, transaction_id, ' +
        'round_id, bet_amount, payout_amount, status, result_type, balance_before, balance_after, settled_at, created_at) VALUES ' +
        values.join(','),
    ];
  });
}

function lineOf(betId, position, bet, createdMs) {
  const league = pick(LEAGUE_NAMES);
  const sides = LEAGUES[league];
  const home = pick(sides);
  let away = pick(sides);
  if (away === home) away = sides[(sides.indexOf(home) + 1) % sides.length];
  const odds = Math.round((1.15 + random() * random() * 4) * 100) / 100;
  // A leg's status: pending bets have some legs still open; cancelled bets' legs are cancelled.
  const status = bet.status === 2 ? 2 : bet.status === 0 ? (chance(0.6) ? 0 : 1) : 1;
  const score = status === 1 ? `${int(0, 4)}-${int(0, 4)}` : null;
  return {
    odds,
    sql:
      `(${bet.lineIdBase + position},${betId},${position},'${bet.prefix}_line_${betId}_${position}','${home} vs ${away}','${league}',` +
      `'${pick(MARKETS)}','${home}','${away}',${odds},${str(score)},${status},${chance(0.35) ? 1 : 0},${ts(createdMs)})`,
  };
}

async function insertSportsBets(db, teams, tally, startMs, nowMs) {
  const [[{ maxId }]] = await db.query('SELECT COALESCE(MAX(id), 0) AS maxId FROM sports_bets');
  const [[{ maxLine }]] = await db.query(
    'SELECT COALESCE(MAX(id), 0) AS maxLine FROM sports_bet_lines',
  );
  const firstId = Number(maxId) + 1;
  let nextLineId = Number(maxLine) + 1;
  const pickTeam = weighted(teams.map((t) => t.share));
  const pickProvider = weighted(SPORTS_PROVIDERS.map((p) => p.weight));
  const step = (nowMs - startMs) / Math.max(1, SPORTS_ROWS);
  let lines = 0;
  let parlays = 0;
  const took = await pipelined(db, 'sports bets', SPORTS_ROWS, (from, to) => {
    const betValues = [];
    const lineValues = [];
    for (let i = from; i < to; i++) {
      const id = firstId + i;
      const created = Math.floor(startMs + i * step + random() * step * 0.9);
      const team = teams[pickTeam()];
      const player = team.pickPlayer();
      player.sports++;
      const aml = chance(0.15);
      const provider = aml ? null : SPORTS_PROVIDERS[pickProvider()];
      // An AML slip has the brand of the key that sent it: none for a key of the whole team.
      const brandId = aml && chance(0.4) ? null : player.brandId;
      const parlay = chance(0.3) ? 1 : 0;
      const legs = parlay ? int(2, 6) : 1;
      const x = random();
      const status = x < 0.05 ? 0 : x < 0.95 ? 1 : 2;
      const bet = { status, prefix: provider ? provider.prefix : 'aml', lineIdBase: nextLineId };
      nextLineId += legs;
      lines += legs;
      parlays += parlay;
      let odds = 1;
      for (let p = 0; p < legs; p++) {
        const line = lineOf(id, p, bet, created);
        odds *= line.odds;
        lineValues.push(line.sql);
      }
      odds = Math.round(odds * 100) / 100;
      const stake = amountCents(parlay ? 1500 : 3000, 1.2, 100, 10_000_000);
      let payout = 0;
      if (status === 1) {
        if (chance(0.03))
          payout = Math.round((stake * odds * (0.2 + random() * 0.6)) / 10) * 10; // cash-out
        else if (chance(0.93 / odds)) payout = Math.round(stake * odds);
      }
      const [before, after] = wallet(player, stake, payout, status === 2);
      const settled = status === 0 ? null : Math.min(nowMs, created + int(600_000, 3 * 86_400_000));
      const ref = aml ? `slip_${id}` : `${bet.prefix}_bet_${id}`;
      tally.add(team.id, 'sports', brandId, provider && provider.id, status);
      betValues.push(
        `(${id},${team.id},${num(brandId)},${player.id},${num(provider && provider.id)},${str(provider && provider.code)},` +
          `'${aml ? 'aml' : 'monitor'}','${ref}',${!aml && !parlay && chance(0.3) ? 'NULL' : odds},${stake},${payout},${parlay},${status},` +
          `${before},${after},${settled === null ? 'NULL' : ts(settled)},${ts(created)})`,
      );
    }
    return [
      'INSERT INTO sports_bets (id, team_id, brand_id, player_id, provider_id, provider_code, source, bet_ref, odds, stake, ' +
        'payout, parlay, status, balance_before, balance_after, settled_at, created_at) VALUES ' +
        betValues.join(','),
      'INSERT INTO sports_bet_lines (id, sports_bet_id, position, line_id, event_name, league_name, market, home_name, ' +
        'away_name, odds, score, status, is_live, created_at) VALUES ' +
        lineValues.join(','),
    ];
  });
  return { took, lines, parlays };
}

/** Fills bet_record_counts from the rows, then checks it equals the counts kept while generating. */
async function fillCounts(db, tally) {
  await db.query(
    "INSERT INTO bet_record_counts (team_id, kind, brand_id, provider_id, status, total) SELECT team_id, 'bet', " +
      'COALESCE(brand_id, 0), COALESCE(provider_id, 0), status, COUNT(*) FROM bets ' +
      'GROUP BY team_id, COALESCE(brand_id, 0), COALESCE(provider_id, 0), status',
  );
  await db.query(
    "INSERT INTO bet_record_counts (team_id, kind, brand_id, provider_id, status, total) SELECT team_id, 'sports', " +
      'COALESCE(brand_id, 0), COALESCE(provider_id, 0), status, COUNT(*) FROM sports_bets ' +
      'GROUP BY team_id, COALESCE(brand_id, 0), COALESCE(provider_id, 0), status',
  );
  const [rows] = await db.query(
    'SELECT team_id, kind, brand_id, provider_id, status, total FROM bet_record_counts',
  );
  const stored = new Map(
    rows.map((r) => [
      `${r.team_id}|${r.kind}|${r.brand_id}|${r.provider_id}|${r.status}`,
      Number(r.total),
    ]),
  );
  const differences = [];
  for (const key of new Set([...stored.keys(), ...tally.map.keys()])) {
    if (stored.get(key) !== tally.map.get(key))
      differences.push(
        `${key}: stored ${stored.get(key) ?? 0}, generated ${tally.map.get(key) ?? 0}`,
      );
  }
  if (differences.length)
    throw new Error(
      `bet_record_counts differs from the rows generated:\n${differences.slice(0, 20).join('\n')}`,
    );
  return rows.length;
}

async function main() {
  const started = performance.now();
  const took = {};
  let t = performance.now();
  ensureBuilt();
  const { db, database, migrationsApplied } = await prepareDatabase();
  took.migrate = seconds(t);
  try {
    log(
      `database ${database}: ${ROWS} bets, ${SPORTS_ROWS} sports bets, ${TEAMS} team(s), seed ${args.seed}`,
    );
    t = performance.now();
    const teams = await createTeams();
    took.teams = seconds(t);
    const nowMs = Date.now();
    const startMs = nowMs - DAYS * 86_400_000;
    t = performance.now();
    const catalogue = await insertProviders(db);
    const players = await insertPlayers(db, teams, startMs, nowMs);
    took.players = seconds(t);
    log(
      `  ${teams.length} teams, ${players.length} players, ${catalogue.providers} providers, ${catalogue.games} games`,
    );
    const tally = new Tally();
    took.bets = await insertBets(db, teams, tally, startMs, nowMs);
    const sports = await insertSportsBets(db, teams, tally, startMs, nowMs);
    took.sports = sports.took;
    t = performance.now();
    const countRows = await fillCounts(db, tally);
    took.counts = seconds(t);
    t = performance.now();
    await db.query('ANALYZE TABLE bets, sports_bets, sports_bet_lines, players');
    took.analyze = seconds(t);

    const statusOf = (kind) => {
      const byStatus = { pending: 0, settled: 0, cancelled: 0 };
      for (const [key, n] of tally.map) {
        const [, k, , , status] = key.split('|');
        if (k === kind) byStatus[['pending', 'settled', 'cancelled'][status]] += n;
      }
      return byStatus;
    };
    const totalsOf = (teamId, kind) => {
      let n = 0;
      for (const [key, count] of tally.map) if (key.startsWith(`${teamId}|${kind}|`)) n += count;
      return n;
    };
    const brandTotal = (teamId, brandId) => {
      let n = 0;
      for (const [key, count] of tally.map)
        if (key.startsWith(`${teamId}|bet|${brandId}|`)) n += count;
      return n;
    };
    const summary = {
      database,
      db_url: args['db-url'],
      seed: Number(args.seed),
      run: RUN,
      migrations_applied: migrationsApplied,
      rows: {
        bets: ROWS,
        sports_bets: SPORTS_ROWS,
        sports_bet_lines: sports.lines,
        sports_parlays: sports.parlays,
        players: players.length,
        providers: catalogue.providers,
        games: catalogue.games,
        bet_record_counts: countRows,
      },
      status_mix: { bets: statusOf('bet'), sports_bets: statusOf('sports') },
      providers: {
        casino: CASINO_PROVIDERS.map((p) => ({ id: p.id, code: p.code })),
        sports: SPORTS_PROVIDERS.map((p) => ({ id: p.id, code: p.code })),
      },
      teams: teams.map((team) => {
        const byBets = [...team.players].sort((a, b) => b.bets - a.bets);
        const typical = byBets[Math.floor(byBets.length / 2)];
        const view = (p) => ({
          id: p.id,
          external_id: p.externalId,
          brand_id: p.brandId,
          bets: p.bets,
          sports_bets: p.sports,
        });
        return {
          id: team.id,
          name: team.name,
          plan: team.plan,
          api_key: team.apiKey,
          bets: totalsOf(team.id, 'bet'),
          sports_bets: totalsOf(team.id, 'sports'),
          players: team.players.length,
          brands: team.brands.map((b) => ({
            id: b.id,
            name: b.name,
            bets: brandTotal(team.id, b.id),
          })),
          heavy_players: byBets.slice(0, 3).map(view),
          typical_player: view(typical),
        };
      }),
      seconds: { ...took, total: seconds(started) },
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    log(`done in ${summary.seconds.total} s`);
  } finally {
    await db.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Refused ? error.message : (error.stack ?? error)}\n`);
  process.exit(1);
});
