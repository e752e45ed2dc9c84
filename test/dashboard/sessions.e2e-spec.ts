import { MicroTime } from '../../src/common/time/micro-time';
import { SqlDatabase } from '../../src/database/sql-database';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { newSqlitePath, removeSqliteFiles, workerDatabaseUrl } from '../support/test-database';
import { dashboardUser, loggedIn, newAddress, newEmail, PASSWORD } from './support';

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
const SECRET = 'e2e-dashboard-secret-0123456789-abcdef';

/**
 * The dashboard's users and sessions (issue 18, CONTRACTS.md section 5): a login sets an
 * HttpOnly, SameSite=Strict cookie and answers a CSRF token that every change must carry; roles
 * limit what a user may change; a team's user sees only that team; sessions end on logout,
 * deactivation and expiry, and outlive a restart when the secret is configured.
 */
describe('dashboard sessions and users', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true', DASHBOARD_SESSION_SECRET: SECRET } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    team = await createTeam(t);
  });

  it('logs in with an HttpOnly SameSite=Strict cookie and answers the session with its CSRF token', async () => {
    const admin = await dashboardUser(t, team.id, 'admin');
    const browser = await loggedIn(t, admin.email.toUpperCase());
    expect(browser.login.headers['set-cookie']).toEqual([
      expect.stringMatching(
        /^bm_dashboard=[\w-]{43}\.[\w-]{43}; Path=\/dashboard; Max-Age=4319\d; HttpOnly; SameSite=Strict$/,
      ),
    ]);
    const user = {
      id: admin.id,
      email: admin.email,
      role: 'admin',
      active: true,
      invited: false,
      created_at: ISO,
    };
    expect(browser.login.body).toEqual({
      user,
      team_id: team.id,
      csrf_token: expect.stringMatching(/^[\w-]{43}$/),
      expires_at: ISO,
    });
    const session = await browser.get('/dashboard/api/session').expect(200);
    expect(session.body).toEqual({ ...browser.login.body, expires_at: ISO });
  });

  it('refuses a wrong password or an unknown email alike, in its own error shape', async () => {
    const admin = await dashboardUser(t, team.id, 'admin');
    const address = newAddress();
    for (const body of [
      { email: admin.email, password: 'not the password' },
      { email: newEmail(), password: PASSWORD },
      // Longer than the throttle's subject column: counted by its hash.
      { email: `${'a'.repeat(240)}@team.test`, password: PASSWORD },
    ]) {
      const res = await t.http
        .post('/dashboard/api/login')
        .set('x-forwarded-for', address)
        .send(body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: 'wrong_credentials', message: 'Wrong email or password' },
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const bad = await t.http.post('/dashboard/api/login').send({ email: 5 }).expect(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.fields).toEqual(['email', 'password']);
  });

  it('words its refusals in the language the dashboard asks for (Accept-Language: fr)', async () => {
    const admin = await dashboardUser(t, team.id, 'admin');
    const wrong = await t.http
      .post('/dashboard/api/login')
      .set('x-forwarded-for', newAddress())
      .set('accept-language', 'fr')
      .send({ email: admin.email, password: 'not the password' })
      .expect(401);
    expect(wrong.body).toEqual({
      error: { code: 'wrong_credentials', message: 'E-mail ou mot de passe incorrect' },
    });
    const empty = await t.http
      .post('/dashboard/api/login')
      .set('accept-language', 'fr')
      .send({ email: 5 })
      .expect(400);
    expect(empty.body.error).toEqual({
      code: 'invalid_request',
      fields: ['email', 'password'],
      message: [
        'email: email doit faire au plus 254 caractères',
        'email: email doit être un texte sans caractères de contrôle',
        'email: email doit être une chaîne de caractères',
        'password: password doit faire au plus 200 caractères',
        'password: password doit être un texte sans caractères de contrôle',
        'password: password doit être une chaîne de caractères',
      ].join(' ; '),
    });
    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    const refused = await viewer
      .post('/dashboard/api/users', { email: newEmail(), role: 'admin' })
      .set('accept-language', 'fr-SN,fr;q=0.9')
      .expect(403);
    expect(refused.body).toEqual({
      error: { code: 'forbidden_role', message: 'Il faut le rôle admin ou un rôle supérieur' },
    });
    const owner = await loggedIn(t, admin.email);
    const taken = await owner
      .post('/dashboard/api/users', { email: admin.email, role: 'viewer' })
      .set('accept-language', 'fr')
      .expect(409);
    expect(taken.body.error.message).toBe(
      `Un utilisateur du tableau de bord a déjà l’e-mail ${admin.email}`,
    );
    const badRole = await owner
      .post('/dashboard/api/users', { email: 'a'.repeat(250) + '@x.sn', role: 'boss' })
      .set('accept-language', 'fr')
      .expect(400);
    expect(badRole.body.error).toEqual({
      code: 'invalid_request',
      fields: ['email', 'role'],
      message: [
        'email: email doit faire au plus 254 caractères',
        "role: role doit valoir l'une de ces valeurs : viewer, analyst, admin",
      ].join(' ; '),
    });
    const invalid = await owner
      .post('/dashboard/api/webhooks', { url: 'http://127.0.0.1/hook' })
      .set('accept-language', 'fr')
      .expect(400);
    expect(invalid.body.error.fields).toEqual(['url']);
    expect(invalid.body.error.message).toBe(
      "url: url mène à une adresse privée, de bouclage ou lien-local (127.0.0.1) ; les webhooks ne sont envoyés qu'à des adresses publiques",
    );
    await t.http
      .get('/dashboard/api/nowhere')
      .set('accept-language', 'fr')
      .expect(404)
      .expect((res) =>
        expect(res.body.error).toEqual({
          code: 'not_found',
          message: 'Aucune route GET /dashboard/api/nowhere',
        }),
      );
  });

  it('requires the CSRF token on every change, and a live session on every route', async () => {
    const admin = await dashboardUser(t, team.id, 'admin');
    const browser = await loggedIn(t, admin.email);
    const invite = { email: newEmail(), role: 'viewer' };
    for (const token of [undefined, 'x'.repeat(43), browser.csrf.slice(1) + 'A']) {
      const req = t.http.post('/dashboard/api/users').set('cookie', browser.cookie);
      const res = await (token ? req.set('x-csrf-token', token) : req).send(invite);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('csrf_failed');
    }
    expect((await browser.get('/dashboard/api/users').expect(200)).body).toHaveLength(1);

    const none = await t.http.get('/dashboard/api/session').expect(401);
    expect(none.body).toEqual({
      error: { code: 'not_logged_in', message: 'Log in first: no live session' },
    });
    const [token] = browser.cookie.split('=')[1].split('.');
    const forged = `bm_dashboard=${token}.${'A'.repeat(43)}`;
    await t.http.get('/dashboard/api/session').set('cookie', forged).expect(401);

    await browser.post('/dashboard/api/logout').expect(204);
    await browser.get('/dashboard/api/session').expect(401);

    const expiring = await loggedIn(t, admin.email);
    await t.app
      .get(SqlDatabase)
      .transaction((session) =>
        session.execute('UPDATE dashboard_sessions SET expires_at = ? WHERE user_id = ?', [
          MicroTime.fromMicros(MicroTime.now().micros - 1000).toDatabaseText(),
          admin.id,
        ]),
      );
    await expiring.get('/dashboard/api/session').expect(401);
  });

  it('lets a viewer read but not change (403), and an admin invite with a one-time link', async () => {
    const admin = await loggedIn(t, (await dashboardUser(t, team.id, 'admin')).email);
    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    await viewer.get('/dashboard/api/session').expect(200);
    const refused = await viewer.post('/dashboard/api/users', { email: newEmail(), role: 'admin' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: { code: 'forbidden_role', message: 'This needs the admin role or higher' },
    });

    const email = newEmail('analyst');
    const invited = await admin
      .post('/dashboard/api/users', { email, role: 'analyst' })
      .expect(201);
    expect(invited.body).toEqual({
      user: {
        id: expect.any(Number),
        email,
        role: 'analyst',
        active: true,
        invited: true,
        created_at: ISO,
      },
      link: expect.stringMatching(/^\/dashboard#\/invitation\/[\w-]{32}$/),
      expires_at: ISO,
    });
    const token = invited.body.link.split('/').pop();
    await t.http
      .post('/dashboard/api/login')
      .set('x-forwarded-for', newAddress())
      .send({ email, password: PASSWORD })
      .expect(401);
    const accepted = await t.http
      .post('/dashboard/api/users/invitations/accept')
      .send({ token, password: PASSWORD })
      .expect(200);
    expect(accepted.body).toMatchObject({ email, role: 'analyst', invited: false });
    const again = await t.http
      .post('/dashboard/api/users/invitations/accept')
      .send({ token, password: PASSWORD })
      .expect(404);
    expect(again.body.error.code).toBe('invitation_invalid');
    await loggedIn(t, email);
    const taken = await admin.post('/dashboard/api/users', { email, role: 'viewer' }).expect(409);
    expect(taken.body.error.code).toBe('email_taken');
  });

  it('changes roles and deactivates users, ending their sessions; keeps the last admin; hides other teams', async () => {
    const admin = await dashboardUser(t, team.id, 'admin');
    const analyst = await dashboardUser(t, team.id, 'analyst');
    const own = await loggedIn(t, admin.email);
    const theirs = await loggedIn(t, analyst.email);

    const demoted = await own
      .patch(`/dashboard/api/users/${analyst.id}`, { role: 'viewer' })
      .expect(200);
    expect(demoted.body).toMatchObject({ id: analyst.id, role: 'viewer', active: true });
    await theirs.get('/dashboard/api/session').expect(401);
    const back = await loggedIn(t, analyst.email);
    expect(back.login.body.user.role).toBe('viewer');

    await own.patch(`/dashboard/api/users/${analyst.id}`, { active: false }).expect(200);
    await back.get('/dashboard/api/session').expect(401);
    await t.http
      .post('/dashboard/api/login')
      .set('x-forwarded-for', newAddress())
      .send({ email: analyst.email, password: PASSWORD })
      .expect(401);

    const last = await own
      .patch(`/dashboard/api/users/${admin.id}`, { role: 'analyst' })
      .expect(409);
    expect(last.body.error.code).toBe('last_admin');

    const other = await createTeam(t);
    const stranger = await dashboardUser(t, other.id, 'viewer');
    const hidden = await own
      .patch(`/dashboard/api/users/${stranger.id}`, { active: false })
      .expect(404);
    expect(hidden.body).toEqual({
      error: { code: 'not_found', message: `User ${stranger.id} not found` },
    });
    await own.patch('/dashboard/api/users/abc', { active: false }).expect(404);
    expect(
      (await own.get('/dashboard/api/users').expect(200)).body.map((u: { id: number }) => u.id),
    ).toEqual([admin.id, analyst.id]);
  });
});

/** A service whose dashboard logins are blocked after `maxFailures`, for `block`, barely slowed. */
const throttledLogins = (maxFailures: string, block: string) => ({
  TRUST_PROXY: 'true',
  DASHBOARD_LOGIN_MAX_FAILURES: maxFailures,
  DASHBOARD_LOGIN_MAX_DELAY: '10ms',
  DASHBOARD_LOGIN_BLOCK: block,
});

describe('dashboard logins, slowed and then blocked', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: throttledLogins('4', '1m') });
  });
  afterAll(() => t.close());

  it('blocks an email after its failures (429), even with the right password; another address too', async () => {
    const team = await createTeam(t);
    const { email } = await dashboardUser(t, team.id, 'analyst');
    const login = (password: string, address = newAddress()) =>
      t.http.post('/dashboard/api/login').set('x-forwarded-for', address).send({ email, password });
    for (let i = 0; i < 4; i++) expect((await login(`wrong ${i}`)).status).toBe(401);
    const blocked = await login(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      error: {
        code: 'login_blocked',
        message: 'Too many failed logins: try again in a few minutes, or ask your admin',
      },
    });
  });

  it('counts a burst of guesses sent at once one by one: those past the limit are refused unchecked', async () => {
    const team = await createTeam(t);
    const { email } = await dashboardUser(t, team.id, 'analyst');
    const login = (password: string) =>
      t.http
        .post('/dashboard/api/login')
        .set('x-forwarded-for', newAddress())
        .send({ email, password });
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login(`wrong ${i}`)));
    const statuses = burst.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(8).fill(429)]);
    expect((await login(PASSWORD)).status).toBe(429);
  });
});

describe('dashboard logins from one address, blocked for a short while', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: throttledLogins('1', '1s') });
  });
  afterAll(() => t.close());

  it('once the address’s block ran out, right passwords do not block it again', async () => {
    const team = await createTeam(t);
    const [first, second] = [
      await dashboardUser(t, team.id, 'analyst'),
      await dashboardUser(t, team.id, 'viewer'),
    ];
    const address = newAddress();
    const login = (email: string, password = PASSWORD) =>
      t.http.post('/dashboard/api/login').set('x-forwarded-for', address).send({ email, password });
    // An address is blocked at 20 times a user's limit: 20 unknown emails.
    for (let i = 0; i < 20; i++) expect((await login(newEmail(), 'wrong')).status).toBe(401);
    expect((await login(first.email)).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await login(first.email)).status).toBe(200);
    expect((await login(second.email)).status).toBe(200);
    // A wrong one still blocks it again at once: the window's failures are still there.
    expect((await login(newEmail(), 'wrong')).status).toBe(401);
    expect((await login(second.email)).status).toBe(429);
  });

  it('counts attempts from one address one by one too, a right password among them', async () => {
    const team = await createTeam(t);
    const user = await dashboardUser(t, team.id, 'analyst');
    const address = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.http
          .post('/dashboard/api/login')
          .set('x-forwarded-for', address)
          .send(
            i === 0
              ? { email: user.email, password: PASSWORD }
              : { email: newEmail(), password: 'wrong' },
          ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    // 20 attempts are checked before the address is blocked; a right one among them is taken
    // back, which lets one more through when it comes back before the 20th is counted.
    const checked = statuses.filter((status) => status !== 429).length;
    expect([20, 21]).toContain(checked);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - checked);
  });
});

describe('dashboard sessions across a restart', () => {
  it('keeps a session when the signing secret is configured; another secret does not know it', async () => {
    const sqlitePath = (await workerDatabaseUrl()) ? null : newSqlitePath();
    const dbUrl = (await workerDatabaseUrl()) ?? `sqlite:${sqlitePath}`;
    const start = (secret: string) =>
      startTestApp({ env: { DB_URL: dbUrl, DASHBOARD_SESSION_SECRET: secret } });
    const first = await start(SECRET);
    let cookie: string;
    try {
      const team = await createTeam(first);
      const { email } = await dashboardUser(first, team.id, 'viewer');
      cookie = (await loggedIn(first, email)).cookie;
    } finally {
      await first.close();
    }
    const again = await start(SECRET);
    try {
      await again.http.get('/dashboard/api/session').set('cookie', cookie).expect(200);
    } finally {
      await again.close();
    }
    const other = await start('another-dashboard-secret-0123456789-xyz');
    try {
      await other.http.get('/dashboard/api/session').set('cookie', cookie).expect(401);
    } finally {
      await other.close();
      if (sqlitePath) removeSqliteFiles(sqlitePath);
    }
  });
});
