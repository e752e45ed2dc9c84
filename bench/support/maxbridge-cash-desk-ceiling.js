// Ceiling of bench/maxbridge-cash-desk.js: what MariaDB does when nothing but a raw mysql2 loop
// asks it for the service's own statements. No class of the service runs here: the SQL is loaded
// from dist/maxbridge/cash-desk/cash-desk.statements.js and dist/maxbridge/wallet/
// wallet.statements.js, the very strings the service's repositories run (never a copy that could
// drift; run `npm run build` first), its dialect's pieces (locking clause, INSERT IGNORE, the
// timestamp's text) from dist/database/sql-dialect.js, and the user-status rule from
// dist/maxbridge/wallet/user-statuses.js.
//
// CEILING_WORKERS operations in flight share a mysql2 pool of CEILING_POOL_SIZE connections (the
// service's DB_POOL_SIZE), every connection READ COMMITTED, set once when it opens (the service
// sets it once per connection too, before its first transaction). Per operation, as the service
// does per request:
//   key     the retail key's check (RetailKeysService.isValid, run by the guard): its SHA-256, then
//           VALID_RETAIL_KEY on a pooled connection of its own, outside any transaction. The
//           service shares one lookup among the concurrent requests with the same key (nothing is
//           kept after it): so does this loop, which counts the lookups it ran (keyLookups), so a
//           request costs here exactly what it costs the service, a lookup or a share of one.
//           CEILING_KEY_LOOKUPS=each runs one lookup per operation instead (what a request alone
//           costs), to see what the sharing is worth;
// then, on another pooled connection, START TRANSACTION, by CEILING_MODE:
//   create  ReservationsService.create: RESERVATION_FACTS (user, status, limits, desk, balance),
//           checked as the service checks them; INSERT_RESERVATION with a new UUID, 8-digit pickup
//           code and 6-digit PIN (a code clash draws again, up to 5 tries; the user's open
//           reservation in the way runs EXPIRED_OPEN_RESERVATION and, when it is expired,
//           EXPIRE_OPEN_RESERVATION, then the INSERT again, as the service does);
//   commit  SsbtDepositsService.credit: SETTLE_SSBT_DEPOSIT_OF_USER to Success (via retail), the
//           deposit read back (ssbtDepositById), then WalletService.deposit: openAccountAtZero,
//           ACCOUNT_ID_OF_USER, CREDIT_UP_TO (ceiling 2^53 - 1), APPEND_LEDGER_ENTRY (a deposit,
//           a new core transaction id, the terminal as service id, the service's note), and
//           SET_SSBT_LEDGER_ENTRY;
// COMMIT, release. A deadlock or lock wait timeout rolls back and runs the transaction again, up
// to 5 times, as the service's SqlDatabase.transaction does. A refusal (the checks, a deposit no
// longer Pending) rolls back and counts as refused. Items (CEILING_ITEMS, a JSON file:
// [{userId, depositId?}]) are used once each, in order; CEILING_RETAIL_KEY is the key,
// CEILING_LOCATION_ID the desk of the reservations. Prints one JSON line: operations done,
// refused, elapsed seconds, rate, latencies, key lookups run, own CPU seconds.
const { createHash, randomBytes, randomInt, randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const mysql = require('mysql2/promise');
const { databaseTime, mysqlOptions } = require('./ingest-events');

const dist = (path) => require(`../../dist/${path}`);
const {
  VALID_RETAIL_KEY,
  RESERVATION_FACTS,
  INSERT_RESERVATION,
  EXPIRED_OPEN_RESERVATION,
  EXPIRE_OPEN_RESERVATION,
  SETTLE_SSBT_DEPOSIT_OF_USER,
  ssbtDepositById,
  SET_SSBT_LEDGER_ENTRY,
} = dist('maxbridge/cash-desk/cash-desk.statements.js');
const { openAccountAtZero, ACCOUNT_ID_OF_USER, CREDIT_UP_TO, APPEND_LEDGER_ENTRY } = dist(
  'maxbridge/wallet/wallet.statements.js',
);
const { SqlDialect } = dist('database/sql-dialect.js');
const { blocksWithdrawals } = dist('maxbridge/wallet/user-statuses.js');

const mode = process.env.CEILING_MODE;
const workers = Number(process.env.CEILING_WORKERS);
const poolSize = Number(process.env.CEILING_POOL_SIZE);
const items = JSON.parse(readFileSync(process.env.CEILING_ITEMS, 'utf8'));
const key = process.env.CEILING_RETAIL_KEY;
const locationId = process.env.CEILING_LOCATION_ID;
const shareKeyLookups = process.env.CEILING_KEY_LOOKUPS !== 'each';

const dialect = SqlDialect.of(process.env.DB_URL.startsWith('mariadb:') ? 'mariadb' : 'mysql');
const DEPOSIT_BY_ID = ssbtDepositById(dialect.timestampText('created_at'));
const OPEN_ACCOUNT_AT_ZERO = openAccountAtZero(dialect.insertIgnoring);

// What the retail system sends in the bench (bench/maxbridge-cash-desk.js, serviceCreate).
const RESERVATION = { amount: 100, currency: 'EUR', declaredBalance: 1_000_000 };
const RESERVATION_TTL_MS = 86_400_000;
const CODE_TRIES = 5;
const RETRIES = 5;

/** A refusal the service would answer with a 4xx: the transaction rolls back. */
class Refused extends Error {}

// MariaDB names the key 'index', MySQL 8 'table.index'.
const isDuplicateOn = (error, index) =>
  error.errno === 1062 && String(error.message).includes(`${index}'`);
const isRetryableConflict = (error) => error.errno === 1213 || error.errno === 1205;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let keyLookups = 0;

async function main() {
  const pool = mysql.createPool({ ...mysqlOptions(process.env.DB_URL, poolSize), trace: false });
  pool.on('connection', (connection) =>
    connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', () => undefined),
  );

  // RetailKeysService.isValid: one lookup shared by the requests with the same key at once.
  const lookupsInFlight = new Map();
  const keyIsValid = () => {
    const keyHash = createHash('sha256').update(key).digest('hex');
    let lookup = shareKeyLookups ? lookupsInFlight.get(keyHash) : undefined;
    if (!lookup) {
      keyLookups++;
      lookup = (async () => {
        const connection = await pool.getConnection();
        try {
          const [rows] = await connection.query(VALID_RETAIL_KEY, [keyHash]);
          return rows.length > 0;
        } finally {
          connection.release();
        }
      })();
      if (shareKeyLookups) {
        lookup = lookup.finally(() => lookupsInFlight.delete(keyHash));
        lookupsInFlight.set(keyHash, lookup);
      }
    }
    return lookup;
  };

  /** SqlDatabase.transaction: READ COMMITTED (set per connection), retried on a deadlock. */
  const transaction = async (work) => {
    for (let tries = 1; ; tries++) {
      const connection = await pool.getConnection();
      try {
        await connection.query('START TRANSACTION');
        const result = await work(connection);
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        if (tries > RETRIES || !isRetryableConflict(error)) throw error;
      } finally {
        connection.release();
      }
      await sleep(Math.random() * 5 * tries);
    }
  };

  const create = (item) => {
    const now = new Date();
    const nowText = databaseTime(now);
    const expiresText = databaseTime(new Date(now.getTime() + RESERVATION_TTL_MS));
    return transaction(async (connection) => {
      const [[facts]] = await connection.query(RESERVATION_FACTS, [
        item.userId,
        locationId,
        RESERVATION.currency,
      ]);
      if (
        facts.user_id === null ||
        facts.location_id === null ||
        blocksWithdrawals(facts.block_type === null ? null : Number(facts.block_type)) ||
        RESERVATION.amount < Number(facts.min_limit) ||
        RESERVATION.amount > Number(facts.max_limit) ||
        facts.balance === null ||
        Number(facts.balance) < RESERVATION.amount
      ) {
        throw new Refused(`user ${item.userId}: the reservation's checks refuse it`);
      }
      let expired = false;
      for (let tries = 1; ; tries++) {
        try {
          await connection.query(INSERT_RESERVATION, [
            randomUUID(),
            String(randomInt(10_000_000, 100_000_000)),
            String(randomInt(0, 1_000_000)).padStart(6, '0'),
            item.userId,
            item.userId,
            RESERVATION.amount,
            RESERVATION.currency,
            facts.location_id,
            null,
            RESERVATION.declaredBalance,
            'retail',
            nowText,
            expiresText,
          ]);
          return;
        } catch (error) {
          if (!expired && isDuplicateOn(error, 'uq_maxbridge_reservations_open_user')) {
            expired = true;
            const [[open]] = await connection.query(EXPIRED_OPEN_RESERVATION, [
              item.userId,
              nowText,
            ]);
            if (open) {
              const [closed] = await connection.query(EXPIRE_OPEN_RESERVATION, [
                open.id,
                item.userId,
                nowText,
              ]);
              if (closed.affectedRows > 0) continue;
            }
            throw new Refused(`user ${item.userId} has an open reservation`);
          }
          if (tries >= CODE_TRIES || !isDuplicateOn(error, 'uq_maxbridge_reservations_code'))
            throw error;
        }
      }
    });
  };

  const commit = (item) => {
    const now = databaseTime(new Date());
    return transaction(async (connection) => {
      const [settled] = await connection.query(SETTLE_SSBT_DEPOSIT_OF_USER, [
        'Success',
        'retail',
        now,
        item.depositId,
        item.userId,
      ]);
      if (settled.affectedRows !== 1) throw new Refused(`deposit ${item.depositId} not Pending`);
      const [[deposit]] = await connection.query(DEPOSIT_BY_ID, [item.depositId]);
      const amount = Number(deposit.amount);
      await connection.query(OPEN_ACCOUNT_AT_ZERO, [item.userId, deposit.currency, now, now]);
      const [[account]] = await connection.query(ACCOUNT_ID_OF_USER, [
        item.userId,
        deposit.currency,
      ]);
      const [credited] = await connection.query(CREDIT_UP_TO, [
        amount,
        now,
        Number(account.id),
        Number.MAX_SAFE_INTEGER - amount,
      ]);
      if (credited.affectedRows !== 1) throw new Refused('the balance would be too large');
      const [entry] = await connection.query(APPEND_LEDGER_ENTRY, [
        'deposit',
        amount,
        null,
        null,
        randomBytes(8).toString('hex'),
        Number(deposit.device_id),
        null,
        null,
        `SSBT deposit ${deposit.id}, terminal reference ${deposit.reference}`.slice(0, 200),
        now,
        Number(account.id),
      ]);
      await connection.query(SET_SSBT_LEDGER_ENTRY, [entry.insertId, item.depositId]);
    });
  };

  const operation = mode === 'create' ? create : commit;
  const latencies = [];
  let done = 0;
  let refused = 0;
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const sent = performance.now();
        try {
          if (!(await keyIsValid())) throw new Refused('the retail key is not valid');
          await operation(item);
          done++;
        } catch (error) {
          refused++;
          if (refused === 1) process.stderr.write(`ceiling refusal: ${error.message}\n`);
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  process.stdout.write(
    JSON.stringify({
      done,
      refused,
      seconds,
      perSecond: done / seconds,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      keyLookups,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
