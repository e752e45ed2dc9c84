import { randomBytes } from 'node:crypto';
import { runCli } from '../../src/cli/run-cli';
import { runCliWith } from '../support/cli';
import { loadConfig } from '../../src/config/app-config';
import { newSqlitePath, removeSqliteFiles } from '../support/test-database';
import { spawnService } from '../support/service-process';
import { startTestApp, TestApp } from '../support/test-app';

describe('command line (npm run cli)', () => {
  let t: TestApp;

  /** The CLI against the running service's own database. */
  const cli = (...argv: string[]) => runCliWith(t.config, argv);
  const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('team create prints the team and its first key as one JSON object, and the key works', async () => {
    const name = unique('Acme');
    const run = await cli('team', 'create', '--name', name, '--plan', 'enterprise', '--json');
    expect(run.code).toBe(0);
    expect(run.json).toEqual({
      team: { id: expect.any(Number), name, plan: 'enterprise' },
      api_key: expect.stringMatching(/^bmk_[A-Za-z0-9_-]{43}$/),
    });
    const res = await t.http.get('/api/v1/lookups').set('X-API-Key', run.json.api_key).expect(200);
    expect(res.headers['x-ratelimit-limit']).toBe('10000');
  });

  it('team create defaults to the standard plan and prints text without --json', async () => {
    const name = unique('Text');
    const run = await cli('team', 'create', '--name', name);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Team \\d+ "${name}" created on the standard plan\\.\\nAPI key \\(shown only now, store it safely\\): bmk_`,
      ),
    );
  });

  it('team list includes the new team', async () => {
    const name = unique('Listed');
    const created = await cli('team', 'create', '--name', name, '--json');
    const run = await cli('team', 'list', '--json');
    expect(run.code).toBe(0);
    expect(run.json.teams).toContainEqual({
      id: created.json.team.id,
      name,
      plan: 'standard',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  it('brand create, key create for a brand, key list, key revoke: end to end with the running service', async () => {
    const team = (await cli('team', 'create', '--name', unique('Full'), '--json')).json.team;
    const brand = await cli(
      'brand',
      'create',
      '--team',
      String(team.id),
      '--name',
      'Acme Bet',
      '--json',
    );
    expect(brand.json).toEqual({
      brand: {
        id: expect.any(Number),
        team_id: team.id,
        name: 'Acme Bet',
        created_at: expect.any(String),
      },
    });

    const key = await cli(
      'key',
      'create',
      '--team',
      String(team.id),
      '--brand',
      String(brand.json.brand.id),
      '--label',
      'staging',
      '--json',
    );
    expect(key.code).toBe(0);
    expect(key.json).toEqual({
      api_key: expect.stringMatching(/^bmk_/),
      key: {
        id: expect.any(Number),
        team_id: team.id,
        brand_id: brand.json.brand.id,
        prefix: key.json.api_key.slice(0, 12),
        label: 'staging',
        created_at: expect.any(String),
        last_used_at: null,
        revoked_at: null,
      },
    });
    await t.http.get('/api/v1/lookups').set('X-API-Key', key.json.api_key).expect(200);

    const list = await cli('key', 'list', '--team', String(team.id), '--json');
    expect(list.json.keys.map((k: { prefix: string }) => k.prefix)).toContain(key.json.key.prefix);
    expect(list.stdout).not.toContain(key.json.api_key);

    const revoked = await cli('key', 'revoke', '--prefix', key.json.key.prefix, '--json');
    expect(revoked.code).toBe(0);
    expect(revoked.json.key.revoked_at).toEqual(expect.any(String));
    const refused = await t.http
      .get('/api/v1/lookups')
      .set('X-API-Key', key.json.api_key)
      .expect(401);
    expect(refused.body.error.message).toBe('This API key has been revoked');
  });

  it('team set-plan changes the limit the running service applies', async () => {
    const created = (await cli('team', 'create', '--name', unique('Plan'), '--json')).json;
    const run = await cli(
      'team',
      'set-plan',
      '--team',
      String(created.team.id),
      '--plan',
      'free',
      '--json',
    );
    expect(run.json.team.plan).toBe('free');
    const res = await t.http.get('/api/v1/lookups').set('X-API-Key', created.api_key).expect(200);
    expect(res.headers['x-ratelimit-limit']).toBe('60');
  });

  it.each([
    [
      ['team', 'create', '--name', 'x', '--plan', 'gold', '--json'],
      1,
      'INVALID_INPUT',
      'Unknown plan "gold": use one of free, standard, enterprise',
    ],
    [
      ['brand', 'create', '--team', '999999', '--name', 'x', '--json'],
      1,
      'TEAM_NOT_FOUND',
      'Team 999999 does not exist',
    ],
    [
      ['key', 'revoke', '--prefix', 'bmk_nothing', '--json'],
      1,
      'API_KEY_NOT_FOUND',
      'No API key has the prefix "bmk_nothing"',
    ],
    [
      ['key', 'list', '--team', 'abc', '--json'],
      2,
      'USAGE',
      '--team must be a positive integer id',
    ],
    [['team', 'create', '--json'], 2, 'USAGE', '--name is required'],
  ])('%p fails with exit code %p and a JSON error', async (argv, exitCode, code, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(exitCode);
    expect(run.json).toEqual({ error: { code, message } });
  });

  it('refuses a second team with the same name', async () => {
    const name = unique('Twice');
    await cli('team', 'create', '--name', name);
    const run = await cli('team', 'create', '--name', name);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Error: A team named "${name}" already exists`);
  });

  it('answers an unknown command or option with usage and exit code 2', async () => {
    const unknown = await cli('team', 'delete');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "team delete"');
    expect(unknown.stderr).toContain('team create --name NAME');
    const badOption = await cli('team', 'list', '--colour');
    expect(badOption.code).toBe(2);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('key revoke --prefix PREFIX');
  });

  it('migrate (npm run migration:run) applies the migrations of a new database once', async () => {
    const path = newSqlitePath();
    try {
      const config = loadConfig({ DB_URL: `sqlite:${path}` });
      const run = async () => {
        const out: string[] = [];
        const code = await runCli(['migrate', '--json'], config, {
          stdout: (l) => out.push(l),
          stderr: () => undefined,
        });
        return { code, json: JSON.parse(out.join('')) };
      };
      expect(await run()).toEqual({
        code: 0,
        json: {
          migrations_applied: [
            'Foundation1763700000000',
            'Events1763800000000',
            'BettingEvents1763900000000',
            'BetRecords1764000000000',
            'MaxBridgeWallet1764100000000',
            'SlipBrands1764200000000',
            'ProcessingPipeline1764300000000',
            'Detection1764400000000',
            'Webhooks1764500000000',
            'MaxBridgeCashDesk1764600000000',
            'MaxBridgeSessions1764700000000',
            'Dashboard1764800000000',
            'AlertSeverityIndex1764900000000',
            'TeamTimeZone1765000000000',
            'PlayerStateRevision1765100000000',
            'CanonicalAllowlist1765200000000',
            'BetRecordCountShards1765300000000',
            'AlertHitsByEventTime1765400000000',
            'WebhookResends1765500000000',
            'MarketPositionSlips1765600000000',
          ],
        },
      });
      expect(await run()).toEqual({ code: 0, json: { migrations_applied: [] } });
    } finally {
      removeSqliteFiles(path);
    }
  });

  it('runs as the built dist/cli.js, printing only JSON on stdout', async () => {
    const env =
      t.config.database.dialect === 'sqlite'
        ? `sqlite:${t.config.database.path}`
        : t.config.database.url;
    const service = spawnService('cli', { DB_URL: env }, [
      'team',
      'create',
      '--name',
      unique('Bin'),
      '--json',
    ]);
    expect(await service.exited).toBe(0);
    expect(JSON.parse(service.stdout())).toEqual({
      team: { id: expect.any(Number), name: expect.stringMatching(/^Bin-/), plan: 'standard' },
      api_key: expect.stringMatching(/^bmk_/),
    });
  });
});
