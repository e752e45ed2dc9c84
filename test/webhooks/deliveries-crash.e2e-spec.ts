import { sendLargeDeposit } from '../support/large-deposit';
import { DataSource } from 'typeorm';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam } from '../support/fixtures';
import { spawnService, waitForOutput, type ServiceProcess } from '../support/service-process';
import { startTestApp, type TestApp } from '../support/test-app';
import { dialectUnderTest, workerDatabaseUrl } from '../support/test-database';
import { Receiver, signedWith } from './receiver';

/**
 * Webhook deliveries across a crash (issue 16): two instances share the outbox while the
 * receiver is down; one, a process of its own, is killed with SIGKILL in the middle of the
 * retries. When the receiver comes back, every alert is delivered, each under one webhook-id
 * with the same bytes on every attempt and a valid signature: nothing lost, nothing sent as two
 * messages. Needs a database server that two processes share.
 */
const ALERTS = 30;
const DELIVERY_ENV = {
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  WEBHOOK_DISPATCH_ENABLED: 'true',
  WEBHOOK_POLL_MS: '20',
  WEBHOOK_RETRY_SCHEDULE: Array.from({ length: 20 }, () => '200ms').join(','),
  WEBHOOK_TIMEOUT_MS: '500',
};

(dialectUnderTest() === 'mysql' ? describe : describe.skip)(
  'webhook deliveries across a crash (SIGKILL)',
  () => {
    let t: TestApp;
    let second: ServiceProcess | null = null;
    const receiver = new Receiver();

    afterAll(async () => {
      if (second && second.child.exitCode === null && second.child.signalCode === null) {
        second.child.kill('SIGKILL');
        await second.exited;
      }
      await t?.close();
      await receiver.close();
    });

    it('delivers every alert once the receiver is back, under one webhook-id each, signed', async () => {
      await receiver.start();
      t = await startTestApp({ env: DELIVERY_ENV });
      const team = await createTeam(t);
      const path = `/crash-${team.id}`;
      receiver.script(path, ...Array.from({ length: 10_000 }, () => ({ status: 503 })));
      const created = await t.http
        .post('/api/v1/webhooks')
        .set('X-API-Key', team.apiKey)
        .send({ url: receiver.url + path, events: ['alert.created'] })
        .expect(201);
      const secret = created.body.data.secret as string;

      second = spawnService('main', {
        DB_URL: (await workerDatabaseUrl())!,
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO_TEAM: 'false',
        WORKER_ENABLED: 'false',
        ...DELIVERY_ENV,
      });
      await waitForOutput(second, /Serving on /);

      for (let i = 0; i < ALERTS; i++) {
        await sendLargeDeposit(t, team.apiKey, `crash-dep-${i}`, `crash-p${i}`);
      }
      await t.app.get(ProcessingWorker).drain();

      // Both instances retry against a receiver that is down; the second dies in the middle.
      await receiver.waitFor(path, ALERTS * 3, 30_000);
      second.child.kill('SIGKILL');
      await second.exited;
      receiver.script(path); // back: 200 from now on

      const db = t.app.get(DataSource);
      const succeeded = async () =>
        Number(
          (
            (await db.query(
              "SELECT COUNT(*) AS n FROM webhook_messages WHERE team_id = ? AND status = 'succeeded'",
              [team.id],
            )) as { n: string }[]
          )[0].n,
        );
      for (const deadline = Date.now() + 30_000; (await succeeded()) < ALERTS;) {
        if (Date.now() > deadline) throw new Error(`${await succeeded()} of ${ALERTS} delivered`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const alerts = (
        await t.http.get('/api/v1/alerts?size=100').set('X-API-Key', team.apiKey).expect(200)
      ).body.data.items as { id: string }[];
      expect(alerts).toHaveLength(ALERTS);
      const got = receiver.on(path);
      const byId = new Map<string, Set<string>>();
      for (const r of got) {
        expect(signedWith(r, [secret])).toEqual([secret]);
        const id = r.headers['webhook-id'] as string;
        byId.set(id, (byId.get(id) ?? new Set()).add(r.body));
      }
      // One message per alert, each always the same bytes, and every alert among them.
      expect(byId.size).toBe(ALERTS);
      expect([...byId.values()].every((bodies) => bodies.size === 1)).toBe(true);
      const delivered = [...byId.values()].map((bodies) => JSON.parse([...bodies][0]).data.id);
      expect(delivered.sort()).toEqual(alerts.map((a) => a.id).sort());
    });
  },
);
