import { Body, Controller, Get, Module, Post, Req, type RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { MonitorApi } from '../../src/monitor-api/monitor-api.decorator';
import { MonitorApiModule } from '../../src/monitor-api/monitor-api.module';
import { ApiKeyAuth, BrandKeys } from '../../src/tenancy/api-key-auth.decorator';
import { BetRecordsApi } from '../../src/bet-records/bet-records-api.decorator';
import { BettingEventsApi } from '../../src/betting-events/betting-events-api.decorator';
import { ApiKeyAuthModule } from '../../src/tenancy/api-key-auth.module';
import { CurrentTenant } from '../../src/tenancy/current-tenant.decorator';
import type { Tenant } from '../../src/tenancy/tenant';

class EchoDto {
  @IsString()
  @MaxLength(10)
  name: string;

  @IsOptional()
  @IsString()
  note?: string;
}

/** A controllable in-flight request: the test decides when it ends. */
export class Gate {
  entered!: Promise<void>;
  private enter!: () => void;
  private release!: () => void;
  private opened!: Promise<void>;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.entered = new Promise((resolve) => (this.enter = resolve));
    this.opened = new Promise((resolve) => (this.release = resolve));
  }

  async pass(): Promise<void> {
    this.enter();
    await this.opened;
  }

  open(): void {
    this.release();
  }
}

export const gate = new Gate();

/**
 * Test-only routes of the monitor API, mounted in the real application: they exercise the
 * shared pipeline (auth, rate limit, validation, error envelope) where no product route does yet.
 */
@Controller('api/v1/__fixtures__')
@MonitorApi('fixtures')
export class MonitorFixturesController {
  @Get('whoami')
  @ApiKeyAuth()
  @BrandKeys('own-brand')
  whoami(@CurrentTenant() tenant: Tenant): Tenant {
    return tenant;
  }

  @Post('echo')
  @ApiKeyAuth()
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  @Post('boom')
  @ApiKeyAuth()
  boom(@Body() _body: EchoDto): never {
    throw new Error('fixture failure: SELECT secret FROM vault');
  }

  @Get('slow')
  @ApiKeyAuth()
  async slow(): Promise<{ done: true }> {
    await gate.pass();
    return { done: true };
  }

  /** The body exactly as received, for signature checks (MaxBridge signs the raw bytes). */
  @Post('raw')
  @ApiKeyAuth()
  raw(@Req() request: RawBodyRequest<FastifyRequest>): { raw: string } {
    return { raw: request.rawBody?.toString('utf8') ?? '(none)' };
  }

  /** Team-wide data: a brand's key is refused. */
  @Get('team-only')
  @ApiKeyAuth()
  @BrandKeys('refused')
  teamOnly(@CurrentTenant() tenant: Tenant): Tenant {
    return tenant;
  }

  /** Says nothing of brand keys: refused to them, as a team-wide route is. */
  @Get('brand-undeclared')
  @ApiKeyAuth()
  brandUndeclared(@CurrentTenant() tenant: Tenant): Tenant {
    return tenant;
  }

  /** No authentication declared: default-deny must refuse it. */
  @Get('undeclared')
  undeclared(): { leaked: true } {
    return { leaked: true };
  }
}

/** A team-wide route under the AML API's paths: its 403 is in that API's shape. */
@Controller('betting-events/__fixtures__')
@BettingEventsApi()
export class BettingEventsFixturesController {
  @Get('team-only')
  @BrandKeys('refused')
  teamOnly(): { ok: true } {
    return { ok: true };
  }
}

/** A team-wide route under the Bet Records API's paths: its 403 is in that API's shape. */
@Controller('api/bet/__fixtures__')
@BetRecordsApi('fixtures')
export class BetRecordsFixturesController {
  @Get('team-only')
  @BrandKeys('refused')
  teamOnly(): { ok: true } {
    return { ok: true };
  }
}

@Module({
  imports: [ApiKeyAuthModule, MonitorApiModule],
  controllers: [
    MonitorFixturesController,
    BettingEventsFixturesController,
    BetRecordsFixturesController,
  ],
})
export class FixtureRoutesModule {}
