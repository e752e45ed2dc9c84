import type { QueryRunner } from 'typeorm';
import { canonicalIdentifier } from '../../../common/identifiers/canonical-identifier';

/**
 * Rewrites allowlisted IPs and phones in the one spelling detection now compares
 * (src/common/identifiers/canonical-identifier.ts). An entry whose canonical spelling is allowlisted
 * already is removed: the team's other entry stands for it.
 */
export async function canonicaliseAllowlist(q: QueryRunner): Promise<void> {
  const rows = (await q.query(
    "SELECT team_id, kind, value FROM identifier_allowlist WHERE kind IN ('ip', 'phone')",
  )) as { team_id: number; kind: 'ip' | 'phone'; value: string }[];
  const kept = new Set(rows.map((row) => `${row.team_id}|${row.kind}|${row.value}`));
  for (const row of rows) {
    const value = canonicalIdentifier(row.kind, row.value);
    if (value === row.value) continue;
    const key = `${row.team_id}|${row.kind}|${value}`;
    if (kept.has(key)) {
      await q.query('DELETE FROM identifier_allowlist WHERE team_id = ? AND kind = ? AND value = ?', [
        row.team_id,
        row.kind,
        row.value,
      ]);
    } else {
      await q.query(
        'UPDATE identifier_allowlist SET value = ? WHERE team_id = ? AND kind = ? AND value = ?',
        [value, row.team_id, row.kind, row.value],
      );
      kept.add(key);
    }
  }
}
