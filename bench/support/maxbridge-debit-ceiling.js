// Ceiling of bench/maxbridge.js for withdrawals: what MariaDB does when nothing but a raw mysql2
// loop asks it for the service's debit. CEILING_WORKERS workers share a pool of CEILING_POOL_SIZE
// connections (the service's DB_POOL_SIZE) and, for CEILING_SECONDS, each repeats on a pooled
// connection: START TRANSACTION; the service's conditional UPDATE of wallet_accounts; its
// INSERT ... SELECT into wallet_ledger (same columns and values: 1 cent, fee null, service 1, ip,
// lang, a new provider and core transaction id); COMMIT; release. The account is a random one of
// CEILING_ACCOUNTS (comma-separated ids; one id: the hot wallet). Every connection runs READ
// COMMITTED, the service's isolation, set once when it opens (the service sends SET TRANSACTION
// ISOLATION LEVEL before each transaction: a round trip this loop does not make). Prints one JSON
// line: transactions committed, refused (UPDATE changed no row: rolled back), elapsed seconds,
// rate, transaction latencies, own CPU time.
const { randomBytes } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const mysql = require('mysql2/promise');
const { databaseTime, mysqlOptions } = require('./ingest-events');

const workers = Number(process.env.CEILING_WORKERS);
const poolSize = Number(process.env.CEILING_POOL_SIZE);
const seconds = Number(process.env.CEILING_SECONDS);
const accounts = process.env.CEILING_ACCOUNTS.split(',').map(Number);
const prefix = process.env.CEILING_ID_PREFIX;

/** src/maxbridge/wallet/wallet.repository.ts: debit() and appendEntry(). */
const DEBIT =
  'UPDATE wallet_accounts SET balance = balance - ?, updated_at = ? WHERE id = ? AND balance >= ?';
const APPEND =
  'INSERT INTO wallet_ledger (account_id, type, amount, fee, currency, balance_after, provider_transaction_id, ' +
  'core_transaction_id, service_id, client_ip, language, note, created_at) ' +
  'SELECT ?, ?, ?, ?, ?, balance, ?, ?, ?, ?, ?, ?, ? FROM wallet_accounts WHERE id = ?';
const AMOUNT = 1;

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
        const accountId = accounts[Math.floor(Math.random() * accounts.length)];
        const providerId = `${prefix}${(next++).toString(36)}`;
        const coreId = randomBytes(8).toString('hex');
        const sent = performance.now();
        const connection = await pool.getConnection();
        try {
          const now = databaseTime(new Date());
          await connection.query('START TRANSACTION');
          const [debited] = await connection.query(DEBIT, [AMOUNT, now, accountId, AMOUNT]);
          if (debited.affectedRows !== 1) {
            await connection.query('ROLLBACK');
            refused++;
            continue;
          }
          await connection.query(APPEND, [
            accountId,
            'withdraw',
            -AMOUNT,
            null,
            'EUR',
            providerId,
            coreId,
            1,
            '203.0.113.7',
            'en',
            null,
            now,
            accountId,
          ]);
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
