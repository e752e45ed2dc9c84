import { placeholders } from '../../database/sql-dialect';

/** One row of a keyed update: its key and the new value of each assigned column. */
export interface KeyedValues {
  key: string;
  values: readonly unknown[];
}

/**
 * `UPDATE table SET c1 = CASE key WHEN ? THEN ? ... END, ... WHERE <scope> AND key IN (...)`: many
 * rows, each with its own values, in one statement that both dialects run. `keepWhenNull` columns
 * keep their stored value when the new one is null.
 */
export function caseUpdate(
  table: string,
  keyColumn: string,
  columns: readonly { name: string; keepWhenNull?: boolean }[],
  rows: readonly KeyedValues[],
  scope: { sql: string; params: readonly unknown[] },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const assignments = columns.map((column, index) => {
    const branches = rows.map((row) => {
      params.push(row.key, row.values[index]);
      return 'WHEN ? THEN ?';
    });
    const value = `CASE ${keyColumn} ${branches.join(' ')} END`;
    return `${column.name} = ${column.keepWhenNull ? `COALESCE(${value}, ${column.name})` : value}`;
  });
  params.push(...scope.params, ...rows.map((row) => row.key));
  return {
    sql:
      `UPDATE ${table} SET ${assignments.join(', ')} WHERE ${scope.sql} ` +
      `AND ${keyColumn} IN (${placeholders(rows.length)})`,
    params,
  };
}
