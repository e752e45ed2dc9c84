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
import { HttpMetrics } from './http-metrics';

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

/** For load balancers, orchestrators and Prometheus. Not part of any customer API. */
@Controller()
@ApiTags('Operations')
@Public()
export class OperationsController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly metrics: HttpMetrics,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness and readiness: 200 when the database answers, 503 otherwise' })
  @ApiOkResponse({ description: 'Serving', example: healthExample(true) })
  @ApiServiceUnavailableResponse({
    description: 'The database does not answer',
    example: healthExample(false),
  })
  async check(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthCheckResult | string | object> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database').withTimeout(DATABASE_PING_TIMEOUT_MS),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      // The causes (driver messages, addresses) go to the log, not to an unauthenticated caller.
      this.logger.warn({ details: result.details }, 'Health check failed');
      void reply.status(503);
      return statusesOnly(result);
    }
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
