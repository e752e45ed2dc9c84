import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { PlayerRiskService } from './player-risk.service';

/** Stored scores older than this are recomputed: they may have decayed. */
const STALE_AFTER_MS = 60 * 60 * 1000;
const EVERY_MS = 10 * 60 * 1000;
const PER_ROUND = 500;

/**
 * Keeps stored risk scores current as they decay, where the worker runs: every 10 minutes,
 * recomputes those computed over an hour ago (500 at a time). Several instances may do it at
 * once: a recomputation is idempotent.
 */
@Injectable()
export class RiskRefresher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RiskRefresher');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly risk: PlayerRiskService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.worker.enabled) return;
    this.timer = setInterval(() => {
      this.running ??= this.refresh().finally(() => (this.running = null));
    }, EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One round: recomputes the stale scores and logs how many. */
  async refresh(): Promise<void> {
    try {
      const count = await this.risk.refreshStale(STALE_AFTER_MS, PER_ROUND);
      if (count > 0) this.logger.log(`Recomputed ${count} decaying risk scores`);
    } catch (error) {
      this.logger.warn(
        `Risk scores not refreshed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
