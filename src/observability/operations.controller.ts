import { Controller, Get, Header, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/auth-scheme';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { BacklogMonitor } from '../processing/backlog-monitor';
import { MetricsRegistry } from './metrics-registry';

const DATABASE_PING_TIMEOUT_MS = 2000;

const healthExample = (up: boolean) => {
  const database = { status: up ? 'up' : 'down' };
  return {
    status: up ? 'ok' : 'error',
    info: up ? { database } : {},
    error: up ? {} : { database },
    details: { database },
  };
};

const processingExample = (lagging: boolean) => ({
  status: lagging ? 'degraded' : 'up',
  backlog: lagging ? 182_000 : 12,
  oldest_age_seconds: lagging ? 95.2 : 0.4,
  limit_seconds: 60,
});

const healthyExample = {
  status: 'ok',
  info: { database: { status: 'up' }, processing: processingExample(false) },
  error: {},
  details: { database: { status: 'up' }, processing: processingExample(false) },
};

const degradedExample = {
  status: 'degraded',
  info: { database: { status: 'up' } },
  error: { processing: processingExample(true) },
  details: { database: { status: 'up' }, processing: processingExample(true) },
};

/** For load balancers, orchestrators and Prometheus. Not part of any customer API. */
@Controller()
@ApiTags('Operations')
@Public()
export class OperationsController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly metrics: MetricsRegistry,
    private readonly backlog: BacklogMonitor,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get('health')
  @ApiOperation({
    summary: 'Liveness and readiness: 200 when the database answers, 503 otherwise',
    description:
      '`processing` reports the backlog of the processing queue (events waiting, of every instance) and the ' +
      'age of the oldest waiting event. Past `WORKER_LAG_DEGRADED_SECONDS` (60 by default) the answer is ' +
      'still 200, with `status: degraded`: a node that is only behind keeps its traffic (ingestion goes on), ' +
      'while monitoring sees it. 503 is kept for a database that does not answer.',
  })
  @ApiOkResponse({
    description: 'Serving (`status` ok), or serving while processing lags (`status` degraded)',
    content: {
      'application/json': {
        examples: {
          ok: { summary: 'Serving', value: healthyExample },
          degraded: { summary: 'Serving, processing behind', value: degradedExample },
        },
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'The database does not answer',
    example: healthExample(false),
  })
  async check(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthCheckResult | string | object> {
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database').withTimeout(DATABASE_PING_TIMEOUT_MS),
      ]);
      return await this.withProcessing(result);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      // The causes (driver messages, addresses) go to the log, not to an unauthenticated caller.
      this.logger.warn({ details: result.details }, 'Health check failed');
      void reply.status(503);
      return statusesOnly(result);
    }
  }

  /** The database answers: add the processing backlog, `degraded` when it lags. */
  private async withProcessing(result: HealthCheckResult): Promise<object> {
    const backlog = await this.backlog.current().catch((error: Error) => {
      this.logger.warn(`Health check could not read the processing backlog: ${error.message}`);
      return null;
    });
    if (!backlog) return result;
    const processing = {
      status: backlog.lagging ? 'degraded' : 'up',
      backlog: backlog.byStream.monitor + backlog.byStream.aml,
      oldest_age_seconds: Math.round(backlog.oldestAgeSeconds * 10) / 10,
      limit_seconds: this.config.worker.lagDegradedSeconds,
    };
    return {
      status: backlog.lagging ? 'degraded' : result.status,
      info: backlog.lagging ? result.info : { ...result.info, processing },
      error: backlog.lagging ? { ...result.error, processing } : result.error,
      details: { ...result.details, processing },
    };
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Prometheus metrics: request counts and latencies by route and status, process metrics',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('Content-Type', this.metrics.contentType);
    return this.metrics.render();
  }
}

function statusesOnly(result: HealthCheckResult): HealthCheckResult {
  const strip = (section: Record<string, { status: string } | undefined> | undefined) =>
    Object.fromEntries(
      Object.entries(section ?? {}).map(([key, value]) => [key, { status: value?.status }]),
    );
  return {
    status: result.status,
    info: strip(result.info),
    error: strip(result.error),
    details: strip(result.details),
  } as HealthCheckResult;
}
