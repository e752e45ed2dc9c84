import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { AllowlistService } from '../settings/allowlist.service';
import type { Identifier } from '../state/identifiers.repository';
import { PlayerRiskService } from './player-risk.service';

/** Stored scores older than this are recomputed: they may have decayed. */
const STALE_AFTER_MS = 60 * 60 * 1000;
const EVERY_MS = 10 * 60 * 1000;
const PER_ROUND = 500;
/** How long after a batch's commit the other players of its newly shared identifiers are rescored. */
const LINKS_DELAY_MS = 250;
/** Identifiers rescored per statement. */
const LINKS_PER_READ = 200;
/** Rounds an identifier whose rescoring failed is tried again in, before the hourly round. */
const LINKS_ATTEMPTS = 3;

/**
 * Keeps stored risk scores current as they decay, where the worker runs: every 10 minutes,
 * recomputes those computed over an hour ago (500 at a time). Several instances may do it at
 * once: a recomputation is idempotent.
 *
 * Also rescores, a moment after the batch that made them committed, the players of identifiers
 * that gained a player or were allowlisted: a link changes the score of players in other
 * partitions, which a batch does not write. Kept in memory and tried up to three rounds: what a
 * crash or a longer outage loses waits for those players' next change, or, for a stored score,
 * the hourly round.
 */
@Injectable()
export class RiskRefresher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RiskRefresher');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** By team, `kind|value`: the identifier and the rounds it failed in. */
  private readonly linksDue = new Map<
    number,
    Map<string, { identifier: Identifier; failed: number }>
  >();
  private linksTimer: NodeJS.Timeout | null = null;
  private linking: Promise<void> | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly risk: PlayerRiskService,
    allowlist: AllowlistService,
  ) {
    allowlist.onChange((teamId, identifier) => this.linksChanged(teamId, [identifier]));
  }

  onApplicationBootstrap(): void {
    if (!this.config.worker.enabled) return;
    this.timer = setInterval(() => {
      this.running ??= this.refresh().finally(() => (this.running = null));
    }, EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.linksTimer) clearTimeout(this.linksTimer);
    await Promise.all([this.running, this.linking]);
  }

  /** Call once the transaction that recorded them committed: these identifiers' links changed. */
  linksChanged(teamId: number, identifiers: readonly Identifier[]): void {
    for (const { kind, value } of identifiers) this.due(teamId, { kind, value }, 0);
  }

  /** Rescores the players of the identifiers whose links changed (one round at a time). */
  async rescoreLinked(): Promise<void> {
    if (this.linksTimer) clearTimeout(this.linksTimer);
    this.linksTimer = null;
    const previous = this.linking;
    const round = (async () => {
      await previous;
      const due = [...this.linksDue];
      this.linksDue.clear();
      for (const [teamId, identifiers] of due) {
        const all = [...identifiers.values()];
        for (let i = 0; i < all.length; i += LINKS_PER_READ) {
          const part = all.slice(i, i + LINKS_PER_READ);
          try {
            const count = await this.risk.refreshPlayersOf(
              teamId,
              part.map((d) => d.identifier),
            );
            if (count > 0) this.logger.debug(`Rescored ${count} linked players of team ${teamId}`);
          } catch (error) {
            const retried = part.filter((d) => d.failed + 1 < LINKS_ATTEMPTS);
            for (const d of retried) this.due(teamId, d.identifier, d.failed + 1);
            this.logger.warn(
              `Linked players of ${part.length} identifiers not rescored (${retried.length} tried again): ` +
                `${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
      }
    })();
    this.linking = round;
    await round;
    if (this.linking === round) this.linking = null;
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

  private due(teamId: number, identifier: Identifier, failed: number): void {
    const due = this.linksDue.get(teamId) ?? new Map();
    due.set(`${identifier.kind}|${identifier.value}`, { identifier, failed });
    this.linksDue.set(teamId, due);
    if (!this.linksTimer) {
      // A failed round waits longer before the next: the database may be the trouble.
      this.linksTimer = setTimeout(
        () => void this.rescoreLinked(),
        LINKS_DELAY_MS * (1 + failed * 20),
      );
      this.linksTimer.unref();
    }
  }
}
