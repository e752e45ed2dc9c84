// Ceiling of bench/maxbridge.js for withdrawals: what MariaDB does when nothing but a raw mysql2
// loop asks it for the service's debit. CEILING_WORKERS workers share a pool of CEILING_POOL_SIZE
// connections (the service's DB_POOL_SIZE) and, for CEILING_SECONDS, each repeats on a pooled
// connection: START TRANSACTION; the service's conditional UPDATE of wallet_accounts (funds,
// limits and status checked in the statement); its INSERT ... SELECT into wallet_ledger (same
// values: 1 cent, fee null, service 1, ip, lang, a new provider and core transaction id); the
// SELECT ... FOR UPDATE of the user's open reservation that the withdrawal would pay; COMMIT;
// release. The statements are loaded from dist/maxbridge/wallet/wallet.statements.js and
// dist/maxbridge/cash-desk/cash-desk.statements.js: the
// service's own, never a copy that could drift (run `npm run build` first; bench/maxbridge.js
// does). The wallet is a random one of CEILING_USERS (comma-separated user ids; one id: the hot
// wallet), in EUR. Every connection runs READ COMMITTED, the service's isolation, set once when it
// opens, as the service does. Prints one JSON line: transactions committed, refused (UPDATE
// changed no row: rolled back), elapsed seconds, rate, transaction latencies, own CPU time.
const { randomBytes } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const mysql = require('mysql2/promise');
const { databaseTime, mysqlOptions } = require('./ingest-events');

const workers = Number(process.env.CEILING_WORKERS);
const poolSize = Number(process.env.CEILING_POOL_SIZE);
const seconds = Number(process.env.CEILING_SECONDS);
const users = process.env.CEILING_USERS.split(',').map(Number);
const prefix = process.env.CEILING_ID_PREFIX;

const {
  DEBIT_IF_ALLOWED,
  APPEND_LEDGER_ENTRY_FOR_USER,
} = require('../../dist/maxbridge/wallet/wallet.statements.js');
const OPEN_RESERVATION_MATCHING =
  require('../../dist/maxbridge/cash-desk/cash-desk.statements.js').openReservationMatching(
    'FOR UPDATE',
  );
const AMOUNT = 1;
const CURRENCY = 'EUR';

let next = 0;

async function main() {
  const pool = mysql.createPool(mysqlOptions(process.env.DB_URL, poolSize));
  pool.on('connection', (connection) =>
    connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', () => undefined),
  );
  const latencies = [];
  let committed = 0;
  let refused = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const userId = users[Math.floor(Math.random() * users.length)];
        const providerId = `${prefix}${(next++).toString(36)}`;
        const coreId = randomBytes(8).toString('hex');
        const sent = performance.now();
        const connection = await pool.getConnection();
        try {
          const now = databaseTime(new Date());
          await connection.query('START TRANSACTION');
          const [debited] = await connection.query(DEBIT_IF_ALLOWED, [
            AMOUNT,
            now,
            userId,
            CURRENCY,
            AMOUNT,
            AMOUNT,
            AMOUNT,
          ]);
          if (debited.affectedRows !== 1) {
            await connection.query('ROLLBACK');
            refused++;
            continue;
          }
          await connection.query(APPEND_LEDGER_ENTRY_FOR_USER, [
            'withdraw',
            -AMOUNT,
            null,
            providerId,
            coreId,
            1,
            '203.0.113.7',
            'en',
            null,
            now,
            userId,
            CURRENCY,
          ]);
          // The withdrawal pays the user's open reservation when it matches one (none here).
          await connection.query(OPEN_RESERVATION_MATCHING, [userId, CURRENCY, AMOUNT, now]);
          await connection.query('COMMIT');
          committed++;
          latencies.push(performance.now() - sent);
        } finally {
          connection.release();
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    latencies.length
      ? Math.round(
          latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] * 100,
        ) / 100
      : null;
  process.stdout.write(
    JSON.stringify({
      committed,
      refused,
      seconds: elapsed,
      perSecond: committed / elapsed,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: at(1),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
