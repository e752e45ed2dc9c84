import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      // Served over plain HTTP behind TLS-terminating proxies too: never rewrite to https.
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * Helmet's security headers, computed once: they are the same for every answer (no nonces), and
 * computing them per request cost a quarter of the service's throughput (bench/results).
 */
export function computeSecurityHeaders(options: HelmetOptions = OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => (headers[name] = String(value)),
    removeHeader: (name: string) => delete headers[name],
    getHeader: (name: string) => headers[name],
  };
  let completed = false;
  helmet(options)(
    { headers: {} } as IncomingMessage,
    response as unknown as ServerResponse,
    () => (completed = true),
  );
  if (!completed) throw new Error('helmet did not complete synchronously');
  return headers;
}

/** Every answer, errors and 404s included, carries the security headers. */
export function installSecurityHeaders(fastify: FastifyInstance): void {
  const headers = Object.entries(computeSecurityHeaders());
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
