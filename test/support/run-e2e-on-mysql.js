#!/usr/bin/env node
/**
 * `npm run test:e2e:mysql [-- jest options]`: the e2e suite on a MySQL/MariaDB server, in a new
 * database made for this run and dropped after it (KEEP_E2E_DB=1 keeps it).
 * Server: DB_SERVER_URL, default mariadb://root@127.0.0.1:3306 (a mysql:// URL for MySQL 8).
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const mysql = require('mysql2/promise');

async function main() {
  const server = new URL(process.env.DB_SERVER_URL || 'mariadb://root@127.0.0.1:3306');
  const database = `bm_e2e_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const connection = await mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password || ''),
  });
  await connection.query(
    `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
  );
  const url = new URL(server.toString());
  url.pathname = `/${database}`;
  process.stderr.write(`[e2e] ${server.protocol}//${server.host}/${database}\n`);

  const jest = join(__dirname, '..', '..', 'node_modules', 'jest', 'bin', 'jest.js');
  const run = spawnSync(
    process.execPath,
    // The caller's arguments first: --selectProjects would take a test path after it as a project.
    [jest, ...process.argv.slice(2), '--selectProjects', 'e2e'],
    {
      stdio: 'inherit',
      env: { ...process.env, DB_URL: url.toString() },
    },
  );

  if (process.env.KEEP_E2E_DB !== '1') {
    // The run's database and those of its Jest workers (test/support/test-database.ts).
    const [rows] = await connection.query('SHOW DATABASES LIKE ?', [`${database}%`]);
    for (const row of rows) await connection.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
  }
  await connection.end();
  return run.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[e2e] cannot run on MySQL/MariaDB: ${error.message}\n`);
    process.exit(1);
  },
);
