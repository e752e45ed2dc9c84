import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { SINGLE_NEW_BET_EXAMPLE } from '../../src/betting-events/dto/betting-event.examples';
import { SqlDatabase } from '../../src/database/sql-database';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam } from '../support/fixtures';
import { createLocation, createRetailKey, createWalletUser } from '../support/maxbridge';
import { RetailKeysService } from '../../src/maxbridge/cash-desk/retail/retail-keys.service';
import { CoreSessionsService } from '../../src/maxbridge/core-session/core-sessions.service';
import { DashboardSessionsService } from '../../src/dashboard/sessions/dashboard-sessions.service';
import { SESSION_COOKIE } from '../../src/dashboard/sessions/session-cookie';
import { DashboardUsersService } from '../../src/dashboard/users/dashboard-users.service';
import { startTestApp, TEST_MAXBRIDGE_SECRET, type TestApp } from '../support/test-app';
import { judge } from './answer-shapes';
import { BusinessTables } from './business-tables';
import { FuzzClient } from './fuzz-client';
import {
  boundaryRequests,
  requestsFor,
  type FuzzCredentials,
  type FuzzRequest,
} from './fuzz-requests';
import { operationsOf, type FuzzOperation } from './openapi-operations';

/** Requests per route (FUZZ_RUNS); FUZZ_SEED replays a run, FUZZ_ROUTE picks one route by id. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SEED =
  process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
const ONLY_ROUTE = process.env.FUZZ_ROUTE;
const BODY_LIMIT_BYTES = 65_536;
const FUZZ_PASSWORD = 'fuzz player password';

/**
 * Every route of the OpenAPI document, attacked with generated and mutated requests (issue 13):
 * wrong types at every path of the documented examples, arrays for objects and objects for
 * arrays, nulls, huge and negative numbers, long and control-character strings, deep nesting,
 * duplicated and prototype keys, wrong content types, truncated JSON, bodies past the limit, and
 * every credential missing or malformed, while most requests carry a valid key or signature so
 * that they reach validation. Every answer must be below 500, in its API's own shape, and a
 * refused request must leave every business table as it was; the service must be healthy after.
 */
describe('fuzz: every route of the OpenAPI document', () => {
  let t: TestApp;
  let client: FuzzClient;
  let credentials: FuzzCredentials;
  let operations: FuzzOperation[];
  let tables: BusinessTables;
  const counts: Record<string, { sent: number; pastGuard: number }> = {};
  let lastFingerprint: string | undefined;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES),
        RATE_LIMIT_ENTERPRISE: '1000000',
        // Wrong logins are many here: refused at once rather than slowed down.
        MAXBRIDGE_LOGIN_MAX_DELAY: '0ms',
      },
    });
    client = new FuzzClient(t.url);
    const team = await createTeam(t, 'enterprise');
    const brand = await t.tenancy.createBrand(team.id, 'Fuzz');
    const revoked = await t.tenancy.createApiKey(team.id);
    await t.tenancy.revokeApiKey(revoked.key.prefix);

    // Something to find: an event, a casino bet, an AML slip, a wallet user with money.
    const event = await t.http
      .post('/api/v1/events')
      .set('X-API-Key', team.apiKey)
      .send({
        event_id: 'fuzz-seed',
        player: { id: 'fuzz-player' },
        event: {
          type: 'BET_PLACED',
          timestamp: '2026-04-06T10:15:00Z',
          amount: 100,
          currency: 'XOF',
        },
        game: { type: 'LIVE_CASINO', id: 'g', bet_id: 'fuzz-round' },
      })
      .expect(202);
    await t.app.get(ProcessingWorker).drain();
    await t.http
      .post('/betting-events')
      .set('x-api-key', team.apiKey)
      .send(SINGLE_NEW_BET_EXAMPLE)
      .expect(200);
    const bets = await t.http.get('/api/bet/list').set('X-API-Key', team.apiKey).expect(200);
    const sports = await t.http
      .get('/api/sports-bet/list')
      .set('X-API-Key', team.apiKey)
      .expect(200);

    const walletUser = await createWalletUser(t, { balance: 1_000_000, password: FUZZ_PASSWORD });
    credentials = {
      teamKey: team.apiKey,
      brandKey: (await t.tenancy.createApiKey(team.id, { brandId: brand.id })).api_key,
      revokedKey: revoked.api_key,
      otherTeamKey: (await createTeam(t)).apiKey,
      maxbridgeSecret: TEST_MAXBRIDGE_SECRET,
      retailKey: await createRetailKey(t),
      revokedRetailKey: await revokedRetailKey(t),
      sessionToken: await sessionOf(t, walletUser),
      closedSessionToken: await closedSessionOf(t, walletUser),
      ...(await dashboardSessionsOf(t, team.id)),
      bodyLimitBytes: BODY_LIMIT_BYTES,
      known: {
        uuid: [event.body.data.uuid],
        bet_id: [bets.body.items[0].id],
        sports_bet_id: [sports.body.items[0].id],
        bet_slip_id: [SINGLE_NEW_BET_EXAMPLE.bet_slip_id],
        cpf: ['01234567890'],
        user_id: [walletUser],
        userId: [walletUser, String(walletUser)],
        locationId: [(await createLocation(t)).id],
      },
      fresh: ['event_id', 'external_event_id', 'bet_slip_id', 'transaction_id'],
    };
    operations = operationsOf((await t.http.get('/docs-json').expect(200)).body).filter(
      (operation) => !ONLY_ROUTE || operation.id === ONLY_ROUTE,
    );
    tables = await BusinessTables.of(t.app.get(SqlDatabase));
  });

  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  it(`sends ${RUNS} requests to each route: never a 5xx, always its API's shape, nothing stored when refused (seed ${SEED})`, async () => {
    const failures: string[] = [];
    for (const operation of operations) {
      const swept: string[] = [];
      for (const request of boundaryRequests(operation, credentials)) {
        await attack(operation, request, false).catch((error: Error) => swept.push(error.message));
      }
      if (swept.length > 0) {
        failures.push(
          `${operation.id}: ${swept.length} of its boundary sweep (replay: FUZZ_ROUTE='${operation.id}' ` +
            `npx jest test/fuzz):\n  ${swept.slice(0, 5).join('\n  ')}`,
        );
      }
      const outcome = await fc.check(
        fc.asyncProperty(requestsFor(operation, credentials), (request) =>
          attack(operation, request),
        ),
        { numRuns: RUNS, seed: seedOf(operation), endOnFailure: true },
      );
      if (outcome.failed) {
        failures.push(
          `${operation.id}: ${String(outcome.errorInstance)}\n` +
            `  replay: FUZZ_SEED=${SEED} FUZZ_ROUTE='${operation.id}' npx jest test/fuzz ` +
            `(fast-check path ${outcome.counterexamplePath})\n` +
            `  request: ${JSON.stringify(outcome.counterexample?.[0], printable).slice(0, 1500)}`,
        );
      }
      // Healthy after each route: the database answers and a plain request is served.
      await t.http.get('/health').expect(200);
      await t.http.get('/api/v1/lookups').set('X-API-Key', credentials.teamKey).expect(200);
    }
    expect(failures).toEqual([]);
    // The suite attacked every route, and most random requests got past the guard to validation.
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      const { sent, pastGuard } = counts[operation.id];
      expect([operation.id, sent >= RUNS, pastGuard / sent > 0.6]).toEqual([
        operation.id,
        true,
        true,
      ]);
    }
  }, 900_000);

  /**
   * One request: the answer's status and shape, and no write when it was refused. `counted`: a
   * random request, tallied to check that most of them get past the guard.
   */
  async function attack(
    operation: FuzzOperation,
    request: FuzzRequest,
    counted = true,
  ): Promise<void> {
    const before = lastFingerprint ?? (await tables.fingerprint());
    lastFingerprint = undefined; // read again if this request gets no answer
    const answer = await client.send(request);
    // A logout ended the fuzz's dashboard session: open it again for the requests that follow.
    if (operation.id === 'POST /dashboard/api/logout' && answer.status === 204) {
      await reopenDashboardSession(t, credentials.dashboardCookie);
    }
    // The tables after this request are the next one's "before": nothing else writes meanwhile.
    const after = (lastFingerprint = await tables.fingerprint());
    const { refused, problem, byGuard } = judge(operation.api, answer);
    if (counted) {
      const count = (counts[operation.id] ??= { sent: 0, pastGuard: 0 });
      count.sent += 1;
      if (!byGuard) count.pastGuard += 1;
    }
    if (problem) {
      throw new Error(
        `${problem}; answered ${answer.status} ${answer.text.slice(0, 400)}; request: ${request.label}`,
      );
    }
    if (refused && after !== before) {
      throw new Error(
        `refused with ${answer.status} ${answer.text.slice(0, 300)} but a business table changed; request: ${request.label}`,
      );
    }
  }
});

/** Each route its own sequence, derived from the run's seed (so one seed replays them all). */
function seedOf(operation: FuzzOperation): number {
  let hash = SEED;
  for (const char of operation.id)
    hash = (Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0) % 2 ** 31;
  return hash;
}

/** Buffers as text in the failure report. */
function printable(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') {
    return Buffer.from((value as { data: number[] }).data)
      .toString('latin1')
      .slice(0, 1000);
  }
  return value;
}

async function revokedRetailKey(t: TestApp): Promise<string> {
  const keys = t.app.get(RetailKeysService);
  const made = await keys.create('fuzz, revoked');
  await keys.revoke(made.id);
  return made.key;
}

/** A session of the wallet user (the fuzz's known `user_id`), opened as a login would. */
async function sessionOf(t: TestApp, userId: number): Promise<string> {
  const sessions = t.app.get(CoreSessionsService);
  const [user] = await t.app
    .get(SqlDatabase)
    .select<{ user_name: string }>('SELECT user_name FROM wallet_users WHERE id = ?', [userId]);
  return (await sessions.login(user.user_name, FUZZ_PASSWORD, '127.0.0.2')).token;
}

async function reopenDashboardSession(t: TestApp, cookie: string): Promise<void> {
  const token = cookie.split('=')[1].split('.')[0];
  await t.app
    .get(SqlDatabase)
    .transaction((session) =>
      session.execute('UPDATE dashboard_sessions SET revoked_at = NULL WHERE token_hash = ?', [
        createHash('sha256').update(token).digest('hex'),
      ]),
    );
}

/** A dashboard admin of the fuzz's team, logged in twice: one session open, one logged out. */
async function dashboardSessionsOf(t: TestApp, teamId: number) {
  const email = `fuzz-admin-${process.pid}-${Date.now()}@team.test`;
  await t.app
    .get(DashboardUsersService)
    .create({ teamId, email, role: 'admin', password: FUZZ_PASSWORD });
  const sessions = t.app.get(DashboardSessionsService);
  const client = { ip: '127.0.0.3', userAgent: 'fuzz' };
  const open = await sessions.login(email, FUZZ_PASSWORD, client);
  const ended = await sessions.login(email, FUZZ_PASSWORD, client);
  const endedCookie = `${SESSION_COOKIE}=${ended.cookie}`;
  await sessions.logout((await sessions.authenticate(ended.cookie))!);
  return {
    dashboardCookie: `${SESSION_COOKIE}=${open.cookie}`,
    dashboardCsrf: open.csrfToken,
    endedDashboardCookie: endedCookie,
  };
}

async function closedSessionOf(t: TestApp, userId: number): Promise<string> {
  const token = await sessionOf(t, userId);
  const sessions = t.app.get(CoreSessionsService);
  await sessions.logout(await sessions.authenticate(token, null));
  return token;
}
