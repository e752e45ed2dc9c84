import { DataSource } from 'typeorm';
import { spawnService, waitForOutput, type ServiceProcess } from '../support/service-process';
import { startTestApp } from '../support/test-app';
import { newSqlitePath, removeSqliteFiles, workerDatabaseUrl } from '../support/test-database';

/**
 * "202 means committed": the built service is killed with SIGKILL while a load runs. Every event
 * that got a 202 (or a success entry in a batch) must be in the database, none twice; after a
 * restart, sending everything again stores only what was missing, and processing resumes.
 */
const CLIENTS = 24;
const running: ServiceProcess[] = [];

const eventBody = (id: string) => ({
  event_id: id,
  player: { id: `pl-${id.length % 7}` },
  event: { type: 'BET_PLACED', timestamp: '2026-01-31T12:00:00Z', amount: 500, currency: 'XOF' },
});

async function startService(
  env: Record<string, string>,
): Promise<{ service: ServiceProcess; url: string }> {
  // LOG_LEVEL info: the "Serving on" line is how the address is learned.
  const service = spawnService('main', { PORT: '0', HOST: '127.0.0.1', ...env });
  running.push(service);
  const output = await waitForOutput(service, /Serving on (http:\/\/\S+) /);
  return { service, url: /Serving on (http:\/\/\S+) /.exec(output)![1] };
}

describe('a crash under load (SIGKILL)', () => {
  let dbUrl: string;
  let sqlitePath: string | null = null;

  beforeAll(async () => {
    const server = await workerDatabaseUrl();
    if (server) dbUrl = server;
    else {
      sqlitePath = newSqlitePath();
      dbUrl = `sqlite:${sqlitePath}`;
    }
  });
  afterAll(async () => {
    for (const service of running) {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        // A clean stop: its worker gives its partitions back to the next test files of this
        // Jest worker (same database), instead of holding them until its lease expires.
        service.child.kill('SIGTERM');
        const timer = setTimeout(() => service.child.kill('SIGKILL'), 10_000);
        await service.exited;
        clearTimeout(timer);
      }
    }
    if (sqlitePath) removeSqliteFiles(sqlitePath);
  });

  it('loses no acknowledged event and stores none twice', async () => {
    const cli = spawnService('cli', { DB_URL: dbUrl, LOG_LEVEL: 'warn' }, [
      'team',
      'create',
      '--name',
      `crash-${process.pid}-${Date.now()}`,
      '--json',
    ]);
    expect(await cli.exited).toBe(0);
    const { api_key: apiKey, team } = JSON.parse(cli.stdout()) as {
      api_key: string;
      team: { id: number };
    };

    const { service, url } = await startService({
      DB_URL: dbUrl,
      WORKER_ENABLED: 'true',
      RATE_LIMIT_STANDARD: '1000000',
    });
    const sent = new Set<string>();
    const acknowledged = new Map<string, string>(); // event_id -> uuid
    let killed = false;
    let next = 0;

    const send = async (path: string, body: unknown): Promise<Response | null> => {
      try {
        return await fetch(`${url}/api/v1/events${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
          body: JSON.stringify(body),
        });
      } catch {
        return null; // the connection died with the process: not acknowledged
      }
    };

    const client = async (index: number) => {
      while (!killed) {
        if (index % 4 === 0) {
          const ids = Array.from({ length: 50 }, () => `c-${next++}`);
          ids.forEach((id) => sent.add(id));
          const response = await send('/batch', { events: ids.map(eventBody) });
          if (response?.status !== 200) continue;
          const { data } = (await response.json().catch(() => ({ data: null }))) as {
            data: { events: { uuid: string | null; external_event_id: string }[] } | null;
          };
          for (const entry of data?.events ?? [])
            if (entry.uuid) acknowledged.set(entry.external_event_id, entry.uuid);
        } else {
          const id = `c-${next++}`;
          sent.add(id);
          const response = await send('', eventBody(id));
          if (response?.status !== 202) continue;
          const body = (await response.json().catch(() => null)) as {
            data: { uuid: string };
          } | null;
          if (body) acknowledged.set(id, body.data.uuid);
        }
      }
    };

    const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    service.child.kill('SIGKILL');
    expect(await service.exited).toBeNull();
    killed = true;
    await Promise.all(clients);
    expect(acknowledged.size).toBeGreaterThan(100);
    expect(sent.size).toBeGreaterThan(acknowledged.size); // requests were in flight at the kill

    // Straight from the database, before anything else runs: every acknowledged event is there.
    const reader = await startTestApp({ env: { DB_URL: dbUrl } });
    try {
      const db = reader.app.get(DataSource);
      const rows = (await db.query('SELECT external_event_id, uuid FROM events WHERE team_id = ?', [
        team.id,
      ])) as {
        external_event_id: string;
        uuid: string;
      }[];
      const stored = new Map(rows.map((row) => [row.external_event_id, row.uuid]));
      expect(stored.size).toBe(rows.length);
      const lost = [...acknowledged].filter(([id, uuid]) => stored.get(id) !== uuid);
      expect(lost).toEqual([]);

      // A restarted service: sending everything again stores what was missing, once.
      const restarted = await startService({
        DB_URL: dbUrl,
        WORKER_ENABLED: 'true',
        RATE_LIMIT_STANDARD: '1000000',
      });
      try {
        const all = [...sent];
        for (let start = 0; start < all.length; start += 1000) {
          const response = await fetch(`${restarted.url}/api/v1/events/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
            body: JSON.stringify({ events: all.slice(start, start + 1000).map(eventBody) }),
          });
          expect(response.status).toBe(200);
          const { data } = (await response.json()) as {
            data: { failed_count: number; events: { uuid: string; external_event_id: string }[] };
          };
          expect(data.failed_count).toBe(0);
          for (const entry of data.events) {
            if (acknowledged.has(entry.external_event_id)) {
              expect(entry.uuid).toBe(acknowledged.get(entry.external_event_id));
            }
          }
        }
        const count = async (where = '') =>
          Number(
            (
              (await db.query(`SELECT COUNT(*) AS n FROM events WHERE team_id = ? ${where}`, [
                team.id,
              ])) as { n: string }[]
            )[0].n,
          );
        expect(await count()).toBe(sent.size);

        // Processing resumes, and counts each event once for its player.
        const deadline = Date.now() + 30_000;
        while ((await count("AND status <> 'PROCESSED'")) > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(await count("AND status <> 'PROCESSED'")).toBe(0);
        const [{ n }] = (await db.query(
          'SELECT SUM(events_count) AS n FROM players WHERE team_id = ?',
          [team.id],
        )) as {
          n: string;
        }[];
        expect(Number(n)).toBe(sent.size);
      } finally {
        restarted.service.child.kill('SIGTERM');
        await restarted.service.exited;
      }
    } finally {
      await reader.close();
    }
  }, 90_000);
});
