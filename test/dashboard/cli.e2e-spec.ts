import { createTeam } from '../support/fixtures';
import { runCliWith } from '../support/cli';
import { startTestApp, type TestApp } from '../support/test-app';
import { newEmail } from './support';

/** `npm run cli -- user create`: a team's first dashboard admin, who logs in at once. */
describe('command line: dashboard users', () => {
  let t: TestApp;
  const cli = (...argv: string[]) => runCliWith(t.config, argv);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates an admin with a password made and shown once, who logs in', async () => {
    const team = await createTeam(t);
    const email = newEmail('first-admin');
    const run = await cli(
      'user',
      'create',
      '--team',
      String(team.id),
      '--email',
      email,
      '--role',
      'admin',
      '--json',
    );
    expect(run.code).toBe(0);
    expect(run.json).toEqual({
      user: { id: expect.any(Number), team_id: team.id, email, role: 'admin' },
      password: expect.stringMatching(/^[\w-]{16}$/),
    });
    const login = await t.http
      .post('/dashboard/api/login')
      .send({ email, password: run.json.password })
      .expect(200);
    expect(login.body.user).toMatchObject({ email, role: 'admin' });

    const text = await cli(
      'user',
      'create',
      '--team',
      String(team.id),
      '--email',
      newEmail('viewer'),
      '--role',
      'viewer',
      '--password',
      'a long passphrase of mine',
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^Dashboard user \d+ viewer-[0-9a-f]{8}@team\.test \(viewer\) created in team \d+\.\nLog in at \/dashboard\.$/,
    );
  });

  it('refuses a bad role (usage), an unknown team, a taken email and a short password', async () => {
    const team = await createTeam(t);
    const email = newEmail();
    const badRole = await cli(
      'user',
      'create',
      '--team',
      String(team.id),
      '--email',
      email,
      '--role',
      'root',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of viewer, analyst, admin');
    const noTeam = await cli(
      'user',
      'create',
      '--team',
      '999999999',
      '--email',
      email,
      '--role',
      'admin',
    );
    expect(noTeam.code).toBe(1);
    expect(noTeam.stderr).toBe('Error: Team 999999999 not found');
    await cli('user', 'create', '--team', String(team.id), '--email', email, '--role', 'admin');
    const taken = await cli(
      'user',
      'create',
      '--team',
      String(team.id),
      '--email',
      email.toUpperCase(),
      '--role',
      'admin',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      `Error: A dashboard user already has the email ${email.toUpperCase()}`,
    );
    const short = await cli(
      'user',
      'create',
      '--team',
      String(team.id),
      '--email',
      newEmail(),
      '--role',
      'admin',
      '--password',
      'short',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password must have 10 to 200 characters');
  });
});
