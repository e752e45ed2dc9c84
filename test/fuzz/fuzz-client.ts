import { Agent, request as httpRequest } from 'node:http';
import type { FuzzAnswer } from './answer-shapes';
import type { FuzzRequest } from './fuzz-requests';

/**
 * Sends requests byte for byte over one kept-alive connection (node:http, which neither fixes nor
 * re-encodes what it is given), and reads whole answers.
 */
export class FuzzClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  send(fuzz: FuzzRequest): Promise<FuzzAnswer> {
    return new Promise((resolve, reject) => {
      let answer: FuzzAnswer | null = null;
      const req = httpRequest(
        {
          host: this.host,
          port: this.port,
          method: fuzz.method,
          path: fuzz.url,
          agent: this.agent,
          headers: {
            ...fuzz.headers,
            ...(fuzz.body ? { 'content-length': String(fuzz.body.length) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            answer = {
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            };
            resolve(answer);
          });
          res.on('error', reject);
        },
      );
      // The server may answer (a 413) and close before the whole body is written.
      req.on('error', (error) => (answer ? resolve(answer) : reject(error)));
      req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
      req.end(fuzz.body ?? undefined);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
