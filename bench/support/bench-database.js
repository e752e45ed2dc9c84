// The benches' MariaDB: a root connection, and fresh databases migrated by the service's own CLI
// with one enterprise team each.
const mysql = require('mysql2/promise');
const { execFileSync } = require('node:child_process');
const { ROOT } = require('./process');

const SERVER_URL = process.env.DB_SERVER_URL || 'mariadb://root@127.0.0.1:3306';

async function admin() {
  const server = new URL(SERVER_URL);
  return mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password || ''),
  });
}

/** A fresh database `name` migrated by the service's CLI, with one enterprise team. */
async function freshDatabase(root, name, teamName) {
  await root.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const env = { PATH: process.env.PATH, DB_URL: url.toString(), LOG_LEVEL: 'warn' };
  execFileSync(process.execPath, ['dist/cli.js', 'migrate'], { cwd: ROOT, env });
  const created = JSON.parse(
    execFileSync(
      process.execPath,
      ['dist/cli.js', 'team', 'create', '--name', teamName, '--plan', 'enterprise', '--json'],
      { cwd: ROOT, env },
    ).toString(),
  );
  return { name, url: url.toString(), apiKey: created.api_key, teamId: created.team.id };
}

module.exports = { SERVER_URL, admin, freshDatabase };
