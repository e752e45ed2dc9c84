import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the receiver got: its path, headers, raw body and when (ms). */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** How the receiver answers one request on a path. */
export type Answer =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  | { hangUp: true };

/**
 * A real HTTP receiver on loopback: records every request and answers each path from a script
 * (the next scripted answer, then 200 once the script is spent).
 */
export class Receiver {
  readonly received: Received[] = [];
  /** Per path: requests whose answer has not ended yet, and the most there ever were at once. */
  private readonly inFlight = new Map<string, { now: number; most: number }>();
  private readonly scripts = new Map<string, Answer[]>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const flight = this.inFlight.get(path) ?? { now: 0, most: 0 };
        flight.now++;
        flight.most = Math.max(flight.most, flight.now);
        this.inFlight.set(path, flight);
        res.once('close', () => flight.now--);
        this.received.push({
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        const answer = this.scripts.get(path)?.shift() ?? { status: 200, body: 'ok' };
        if ('hangUp' in answer) {
          // Headers and half a body, then the connection closes.
          res.writeHead(200, { 'content-length': '100' });
          res.write('partial');
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        }
        setTimeout(() => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body ?? '');
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The most requests on `path` that were waiting for their answer at the same time. */
  mostAtOnce(path: string): number {
    return this.inFlight.get(path)?.most ?? 0;
  }

  script(path: string, ...answers: Answer[]): void {
    this.scripts.set(path, answers);
  }

  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Waits until `count` requests reached `path` (fails after `timeoutMs`). */
  async waitFor(path: string, count: number, timeoutMs = 10_000): Promise<Received[]> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      if (this.on(path).length >= count) return this.on(path);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${path} got ${this.on(path).length} requests, not ${count}`);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Verifies a delivery as a receiver would, by the Standard Webhooks rules written out here (not
 * with the service's code): which of the secrets signed `webhook-signature`.
 */
export function signedWith(received: Received, secrets: readonly string[]): string[] {
  const id = received.headers['webhook-id'] as string;
  const timestamp = received.headers['webhook-timestamp'] as string;
  const given = String(received.headers['webhook-signature'] ?? '').split(' ');
  return secrets.filter((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    const mac = createHmac('sha256', key)
      .update(`${id}.${timestamp}.${received.body}`)
      .digest('base64');
    return given.includes(`v1,${mac}`);
  });
}
