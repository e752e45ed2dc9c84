// Ceiling B of bench/ingest.js: how many event rows MariaDB takes per second when nothing but a
// client feeds it. CEILING_CONNECTIONS connections each run, back to back for CEILING_SECONDS, the
// service's transaction of a batch: `INSERT IGNORE INTO events ... VALUES (...), ...` of
// CEILING_ROWS rows (mysql2 formatting the values as the service's driver does), then the
// statement that queues them for processing, then COMMIT; every row has its own uuid and
// external_event_id.
// Prints one JSON line: rows inserted, elapsed seconds, rows/s, statement latencies, own CPU time.
const { performance } = require('node:perf_hooks');
const mysql = require('mysql2/promise');
const {
  INSERT_COLUMNS,
  databaseTime,
  insertStatement,
  mysqlOptions,
  queueStatement,
  rowOf,
  sampleEvent,
} = require('./ingest-events');

const connections = Number(process.env.CEILING_CONNECTIONS);
const rowsPerStatement = Number(process.env.CEILING_ROWS);
const seconds = Number(process.env.CEILING_SECONDS);
const teamId = Number(process.env.CEILING_TEAM_ID);
const prefix = process.env.CEILING_ID_PREFIX;

let next = 0;

/** The values of one statement: `rowsPerStatement` rows of distinct events. */
function values() {
  const receivedAt = databaseTime(new Date());
  const out = [];
  for (let i = 0; i < rowsPerStatement; i++) {
    const n = next++;
    const id = `${prefix}-${n}`;
    out.push(...rowOf(sampleEvent(id, n), teamId, id, receivedAt));
  }
  return out;
}

async function main() {
  const pool = mysql.createPool(mysqlOptions(process.env.DB_URL, connections));
  const sql = insertStatement(rowsPerStatement);
  const queue = queueStatement(rowsPerStatement);
  const columns = INSERT_COLUMNS.length;
  const latencies = [];
  let rows = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const batch = values();
        const uuids = batch.filter((_, i) => i % columns === 0);
        const sent = performance.now();
        const connection = await pool.getConnection();
        try {
          await connection.query('START TRANSACTION');
          const [result] = await connection.query(sql, batch);
          await connection.query(queue, uuids);
          await connection.query('COMMIT');
          rows += result.affectedRows;
        } finally {
          connection.release();
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await pool.end();
  latencies.sort((a, b) => a - b);
  const at = (q) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  process.stdout.write(
    JSON.stringify({
      rows,
      statements: latencies.length,
      seconds: elapsed,
      rowsPerSecond: rows / elapsed,
      statementP50Ms: at(0.5),
      statementP99Ms: at(0.99),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
