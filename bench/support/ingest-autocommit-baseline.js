// Baseline C of bench/ingest.js: POST /api/v1/events without group commit. A bare node:http server
// that parses the body and writes its row with ONE single-row autocommit INSERT per request (a
// commit, and so a redo log flush, per event), through a mysql2 pool of the service's default size
// (10), then answers 202. The row is the service's; validation is left out (the hash is of the raw
// body), so this is a generous baseline.
const { createServer } = require('node:http');
const mysql = require('mysql2');
const { databaseTime, insertStatement, mysqlOptions, rowOf } = require('./ingest-events');

const key = process.env.BASELINE_KEY;
const teamId = Number(process.env.BASELINE_TEAM_ID);
const pool = mysql.createPool(
  mysqlOptions(process.env.DB_URL, Number(process.env.BASELINE_POOL_SIZE ?? 10)),
);
const INSERT_ONE = insertStatement(1);

function answer(res, status, payload) {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

createServer((req, res) => {
  if (req.headers['x-api-key'] !== key) {
    res.writeHead(401).end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const receivedAt = databaseTime(new Date());
    const text = Buffer.concat(chunks).toString('utf8');
    let row;
    try {
      row = rowOf(JSON.parse(text), teamId, text, receivedAt);
    } catch (error) {
      answer(res, 400, { success: false, error: { message: String(error) } });
      return;
    }
    pool.query(INSERT_ONE, row, (error) => {
      if (error) {
        process.stderr.write(`baseline insert failed: ${error.message}\n`);
        answer(res, 500, { success: false, error: { message: error.message } });
        return;
      }
      answer(res, 202, {
        success: true,
        data: { uuid: row[0], external_event_id: row[2], received_at: receivedAt },
      });
    });
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
