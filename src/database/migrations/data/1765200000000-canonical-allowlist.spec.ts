import Database from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';
import { canonicaliseAllowlist } from './1765200000000-canonical-allowlist';

describe('canonicaliseAllowlist', () => {
  it('rewrites IPs and phones in their one spelling, and drops an entry the team has already', async () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE identifier_allowlist (team_id int, kind text, value text, note text, PRIMARY KEY (team_id, kind, value))',
    );
    const insert = db.prepare('INSERT INTO identifier_allowlist VALUES (?, ?, ?, ?)');
    insert.run(1, 'ip', '2001:DB8::1', 'shop');
    insert.run(1, 'ip', '2001:db8::1', 'shop again');
    insert.run(1, 'ip', '41.82.10.5', null);
    insert.run(1, 'phone', '00221 77 123 45 67', 'test phone');
    insert.run(2, 'ip', '::ffff:41.82.10.5', null);
    insert.run(2, 'session', 'Sess A', null);
    const runner = {
      query: (sql: string, params: unknown[] = []) =>
        Promise.resolve(
          sql.startsWith('SELECT') ? db.prepare(sql).all(...params) : db.prepare(sql).run(...params),
        ),
    } as unknown as QueryRunner;

    await canonicaliseAllowlist(runner);

    expect(db.prepare('SELECT * FROM identifier_allowlist ORDER BY team_id, kind, value').all()).toEqual([
      { team_id: 1, kind: 'ip', value: '2001:db8::1', note: 'shop again' },
      { team_id: 1, kind: 'ip', value: '41.82.10.5', note: null },
      { team_id: 1, kind: 'phone', value: '+221771234567', note: 'test phone' },
      { team_id: 2, kind: 'ip', value: '41.82.10.5', note: null },
      { team_id: 2, kind: 'session', value: 'Sess A', note: null },
    ]);
  });
});
