import { ownsRow, requireScope, scopeCondition, type TenantScope } from './tenant-scope';

const team: TenantScope = { teamId: 7, brandId: null };
const brand: TenantScope = { teamId: 7, brandId: 3 };

describe('TenantScope', () => {
  it('limits a query to the team, and to the brand for a brand key', () => {
    expect(scopeCondition(team)).toEqual({ sql: 'team_id = ?', params: [7] });
    expect(scopeCondition(brand, 'r')).toEqual({
      sql: 'r.team_id = ? AND r.brand_id = ?',
      params: [7, 3],
    });
  });

  it.each([
    ['no scope at all', undefined],
    ['no team', { brandId: null }],
    ['a team id of 0', { teamId: 0, brandId: null }],
    ['a forgotten brand (undefined, not null)', { teamId: 7 }],
    ['a brand id of 0', { teamId: 7, brandId: 0 }],
    ['a brand id as text', { teamId: 7, brandId: '3' }],
  ])('refuses to build a query from %s', (_case, scope) => {
    expect(() => scopeCondition(scope as unknown as TenantScope)).toThrow(/scoped query/);
    expect(() => requireScope(scope as unknown as TenantScope)).toThrow(/scoped query/);
  });

  it.each([
    [team, null, true],
    [team, 3, true],
    [team, '9', true],
    [brand, 3, true],
    [brand, '3', true],
    [brand, 4, false],
    [brand, null, false],
  ])('lets %j own a row of brand %j: %s', (scope, rowBrand, owns) => {
    expect(ownsRow(scope, rowBrand)).toBe(owns);
  });
});
