import { Injectable } from '@nestjs/common';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { InjectConfig } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { NetworkGuard } from '../endpoints/network-guard';

/** How much of an answer's body is kept for the delivery log. */
const RESPONSE_HEAD_BYTES = 1000;

export interface SendResult {
  /** Null when no answer came. */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseHead: string | null;
  /** `Retry-After` of a 429 or 503, in milliseconds. */
  retryAfterMs: number | null;
}

/**
 * One HTTP POST of a webhook: to the addresses the guard allowed (resolved here, at send time,
 * and connected to as resolved: a DNS answer cannot change between the check and the
 * connection), never following a redirect, within the timeout.
 */
@Injectable()
export class WebhookSender {
  constructor(
    private readonly guard: NetworkGuard,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const target = new URL(url);
    const checked = await this.guard.check(target.hostname);
    if (!('addresses' in checked)) {
      const error =
        checked.reason === 'unresolvable'
          ? `the host ${target.hostname} does not resolve`
          : `the host leads to a private address (${checked.address}): not sent`;
      return {
        statusCode: null,
        latencyMs: elapsed(),
        error,
        responseHead: null,
        retryAfterMs: null,
      };
    }
    const [address] = checked.addresses;
    const lookup: LookupFunction = (_host, options, callback) => {
      const family = isIP(address);
      if ((options as { all?: boolean }).all) {
        (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address, family },
        ]);
      } else callback(null, address, family);
    };
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const finish = (result: Omit<SendResult, 'latencyMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...result, latencyMs: elapsed() });
      };
      const outgoing = request(
        target,
        {
          method: 'POST',
          lookup,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'BettingMonitor-Webhooks/1.0',
          },
        },
        (answer) => readAnswer(answer, finish),
      );
      const timer = setTimeout(() => {
        finish({
          statusCode: null,
          error: `no answer within ${this.config.webhooks.timeoutMs} ms`,
          responseHead: null,
          retryAfterMs: null,
        });
        outgoing.destroy();
      }, this.config.webhooks.timeoutMs);
      outgoing.on('error', (error) =>
        finish({
          statusCode: null,
          error: error.message.slice(0, 300),
          responseHead: null,
          retryAfterMs: null,
        }),
      );
      outgoing.end(body);
    });
  }
}

/** Reads the answer's first bytes; a connection closed mid-answer is an error, not a success. */
function readAnswer(
  answer: IncomingMessage,
  finish: (result: Omit<SendResult, 'latencyMs'>) => void,
): void {
  const statusCode = answer.statusCode ?? 0;
  const chunks: Buffer[] = [];
  let kept = 0;
  answer.on('data', (chunk: Buffer) => {
    if (kept < RESPONSE_HEAD_BYTES) {
      chunks.push(chunk.subarray(0, RESPONSE_HEAD_BYTES - kept));
      kept += chunk.length;
    }
  });
  answer.on('end', () => {
    const redirect = statusCode >= 300 && statusCode < 400;
    finish({
      statusCode,
      error: redirect
        ? `redirects are not followed (to ${answer.headers.location ?? 'nowhere'})`
        : null,
      responseHead: Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_HEAD_BYTES) || null,
      retryAfterMs:
        statusCode === 429 || statusCode === 503
          ? retryAfterOf(answer.headers['retry-after'])
          : null,
    });
  });
  answer.on('error', (error) =>
    finish({
      statusCode,
      error: `the answer broke off: ${error.message}`.slice(0, 300),
      responseHead: null,
      retryAfterMs: null,
    }),
  );
  answer.on('aborted', () =>
    finish({ statusCode, error: 'the answer broke off', responseHead: null, retryAfterMs: null }),
  );
}

/** `Retry-After`: seconds, or an HTTP date (`Sun, 01 Feb 2026 10:00:30 GMT`). */
export function retryAfterOf(value: string | undefined, now = Date.now()): number | null {
  if (value === undefined) return null;
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim()) * 1000;
  if (!/GMT$/.test(value.trim())) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
