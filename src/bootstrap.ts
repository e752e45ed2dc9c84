import helmet from '@fastify/helmet';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ModuleMetadata } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { requestIdOf } from './common/http/request-id';
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
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (raw: IncomingMessage) => requestIdOf(raw),
    logger: false,
    // While closing: new requests on kept-alive connections get 503, idle connections are closed.
    return503OnClosing: true,
    forceCloseConnections: 'idle',
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

  const fastify = app.getHttpAdapter().getInstance();
  installRequestLogging(fastify, rootLogger);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  // Answers sent while closing end their connection, so that no kept-alive socket holds the
  // shutdown until the client's own timeout.
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('Connection', 'close');
    done(null, payload);
  });
  const metrics = app.get(HttpMetrics);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observe(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });

  await app.register(helmet, {
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
  });
  setupSwagger(app);
  await app.init();
  return app;
}
