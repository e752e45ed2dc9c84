import type { ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUtf8 } from 'node:buffer';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { DestinationStream, Logger as Pino } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { AuthStrategies } from './common/auth/auth-scheme';
import {
  MalformedBodyError,
  RequestValidationError,
  UnsupportedMediaTypeError,
} from './common/errors/app-error';
import { readEmptyBodyAsNone } from './common/http/empty-body';
import { routeTagsOf } from './common/http/route-tags';
import { requestIdOf } from './common/http/request-id';
import { installSecurityHeaders } from './common/http/security-headers';
import { cutAt } from './common/text/well-formed';
import { sendError } from './common/wire/send-error';
import { WireFormatRegistry } from './common/wire/wire-format.registry';
import { HttpMetrics } from './observability/http-metrics';
import { createRootLogger, installRequestLogging, PinoNestLogger } from './observability/logging';
import { setupSwagger } from './swagger';

export interface CreateAppOptions {
  /** Fixture modules that tests add to the very same application. */
  extraImports?: NonNullable<ModuleMetadata['imports']>;
  /** Where log lines go; standard output by default. */
  logStream?: DestinationStream;
}

/**
 * Builds the whole application, initialised but not listening: used by `main.ts` and by the
 * end-to-end tests alike.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  // Filled once the application exists; Fastify only calls frameworkErrors after that.
  const late: { wires?: WireFormatRegistry; metrics?: HttpMetrics; logger?: Pino } = {};
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // `//api/v1/payment/withdraw-reservation`, as two of MaxBridge's seed examples write it.
    // A path parameter is one of our ids (100 characters: up to 200 UTF-16 units, which is what
    // the router counts) or an allowlist `kind:value`; longer is refused as a malformed URL.
    routerOptions: { ignoreDuplicateSlashes: true, maxParamLength: MAX_PARAM_LENGTH },
    trustProxy: config.trustProxy,
    genReqId: (raw: IncomingMessage) => requestIdOf(raw),
    logger: false,
    // While closing: idle connections are closed at once; a request that still arrives is served
    // (the database stays open until HTTP has drained) and its answer closes its connection.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // Requests Fastify refuses before routing (a URL with broken %-encoding): the API's own shape.
    // Fastify's hooks do not run for them: they are logged and counted here.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const message = `Malformed URL: ${shorten(error.message, MAX_ECHOED_URL)}`;
      const issue = { field: 'url', constraint: 'url', message };
      sendError(
        late.wires!.forPath(request.url.split('?')[0]),
        new RequestValidationError([issue]),
        request,
        reply,
      );
      const seconds = reply.elapsedTime / 1000;
      late.metrics?.observe(request.method, 'malformed', reply.statusCode, seconds);
      late.logger?.warn(
        {
          req: { method: request.method, url: shorten(request.url, MAX_ECHOED_URL) },
          route: null,
          res: { statusCode: reply.statusCode },
          reason: error.message.slice(0, 500),
        },
        'request completed',
      );
    },
  });
  const rootLogger = createRootLogger(config, options.logStream);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options.extraImports),
    adapter,
    {
      rawBody: true,
      logger: new PinoNestLogger(rootLogger),
      abortOnError: false,
    },
  );
  late.wires = app.get(WireFormatRegistry);
  late.metrics = app.get(HttpMetrics);
  late.logger = rootLogger;

  const fastify = app.getHttpAdapter().getInstance();
  const strategies = app.get(AuthStrategies);
  installPlainJsonBodies(fastify);
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (routeTagsOf(request).bodyless) readEmptyBodyAsNone(request);
    done();
  });
  installUtf8Bodies(fastify);
  installBodyVerification(fastify, strategies);
  installSecurityHeaders(fastify);
  installRequestLogging(fastify, rootLogger);
  installRequestHeaders(fastify);
  installConnectionCloseWhileClosing(fastify);
  installMetrics(fastify, app.get(HttpMetrics));
  installAnswerOutcomes(fastify, app.get(WireFormatRegistry));
  // Last of the onRequest hooks: the security and request-id headers are set even on a 401.
  fastify.addHook('onRequest', (request, reply) => strategies.authenticate(request, reply));

  setupSwagger(app, { maxbridge: config.maxbridge.enabled });
  await app.init();
  // Every API takes JSON only: a text or form body is a 415, not a string or fields to validate.
  fastify.removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded']);
  // `PUT /api/v1/rules/:code` takes a JSON merge patch (RFC 7396), which may say so. Its bytes
  // are kept as `application/json`'s are, for the UTF-8 check.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'buffer' },
    (request, body, done) => {
      (request as { rawBody?: Buffer }).rawBody = body as Buffer;
      void parseJson(request, (body as Buffer).toString('utf8'), done);
    },
  );
  return app;
}

/**
 * Stops in two steps: first the HTTP server (no new requests; in-flight ones finish), then the
 * application's shutdown hooks, which thus run with no request left and the database still open.
 */
export async function closeApp(app: NestFastifyApplication): Promise<void> {
  await app.getHttpAdapter().close();
  await app.close();
}

/**
 * Schemes that sign the body check it once it is read, before validation (MaxBridge's Hash). The
 * hook is synchronous for every other route: a promise per request there would add a pause that
 * breaks the grouping of single events on SQLite, where writes never yield to the event loop.
 */
/** How much of a malformed URL an answer or a log line repeats. */
const MAX_ECHOED_URL = 200;
/** Fastify's router refuses a longer path parameter (UTF-16 units, decoded). */
const MAX_PARAM_LENGTH = 256;

const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${cutAt(text, max)}… (${text.length} characters)`;

/**
 * Every API reads bodies as uncompressed UTF-8 JSON: one sent with a `Content-Encoding`, or a
 * `charset` other than UTF-8, is a 415 that says so, rather than bytes refused as malformed JSON
 * (or, for a signed MaxBridge body, a signature checked over bytes that are not the JSON).
 */
function installPlainJsonBodies(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    if (!hasBody(request.headers)) return done(null, payload);
    const encoding = request.headers['content-encoding']?.trim();
    if (encoding && encoding.toLowerCase() !== 'identity') {
      const value = shorten(encoding, MAX_ECHOED_ENCODING);
      return done(new UnsupportedMediaTypeError({ kind: 'encoding', value }));
    }
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(
      request.headers['content-type'] ?? '',
    )?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      const value = shorten(charset, MAX_ECHOED_ENCODING);
      return done(new UnsupportedMediaTypeError({ kind: 'charset', value }));
    }
    done(null, payload);
  });
}

const hasBody = (headers: IncomingHttpHeaders) =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0');

/** How much of a refused `Content-Encoding` an answer repeats. */
const MAX_ECHOED_ENCODING = 40;

/**
 * A JSON body must be UTF-8 (RFC 8259): one that is not is refused as malformed rather than read
 * with replacement characters, which would make two different ids (`"a\xff"`, `"a\xfe"`) one.
 */
function installUtf8Bodies(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const raw = (request as { rawBody?: Buffer }).rawBody;
    if (raw && !isUtf8(raw)) return done(new MalformedBodyError('the body is not UTF-8 text'));
    done();
  });
}

function installBodyVerification(fastify: FastifyInstance, strategies: AuthStrategies): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (!strategies.verifiesBody(request)) return done();
    strategies.verifyBody(request).then(() => done(), done);
  });
}

function installRequestHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
}

/** Answers sent while closing end their connection: no kept-alive socket holds the shutdown. */
function installConnectionCloseWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('Connection', 'close');
    done(null, payload);
  });
}

function installMetrics(fastify: FastifyInstance, metrics: HttpMetrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const outcome = request.answerOutcome;
    if (outcome) metrics.observeAnswer(outcome.api ?? 'unknown', route, outcome.code);
    done();
  });
}

/**
 * What each answer of an API with business codes said (MaxBridge's `code`), read from the body
 * before it is serialised, for the request's log line and /metrics.
 */
function installAnswerOutcomes(fastify: FastifyInstance, wires: WireFormatRegistry): void {
  fastify.addHook('preSerialization', (request, _reply, payload, done) => {
    const wire = wires.forRequest(request);
    const outcome = wire.outcomeOf?.(payload);
    if (outcome) request.answerOutcome = { ...outcome, api: outcome.api ?? wire.name };
    done(null, payload);
  });
}
