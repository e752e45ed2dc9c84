// Ceiling B of bench/ingest.js: how many event rows MariaDB takes per second when nothing but a
// client feeds it. CEILING_CONNECTIONS connections each send `INSERT IGNORE INTO events ... VALUES
// (...), ...` of CEILING_ROWS rows (autocommit, mysql2 formatting the values as the service's
// driver does) back to back for CEILING_SECONDS; every row has its own uuid and external_event_id.
// Prints one JSON line: rows inserted, elapsed seconds, rows/s, statement latencies, own CPU time.
const { performance } = require('node:perf_hooks');
const mysql = require('mysql2/promise');
const {
  databaseTime,
  insertStatement,
  mysqlOptions,
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
  const latencies = [];
  let rows = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const batch = values();
        const sent = performance.now();
        const [result] = await pool.query(sql, batch);
        latencies.push(performance.now() - sent);
        rows += result.affectedRows;
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
