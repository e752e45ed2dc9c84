import { Logger } from '@nestjs/common';
import type { WindowCount, WindowCounter } from './window-counter';

const WARN_EVERY_MS = 30_000;

/**
 * Shared counters when they answer, this instance's own when they do not: a Redis outage loosens
 * the limit to one per instance instead of failing or unlimiting requests.
 */
export class FallbackWindowCounter implements WindowCounter {
  private readonly logger = new Logger('RateLimit');
  private lastWarningAt = 0;

  constructor(
    private readonly primary: WindowCounter,
    private readonly fallback: WindowCounter,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    try {
      return await this.primary.hit(key, windowMs);
    } catch (error) {
      if (Date.now() - this.lastWarningAt > WARN_EVERY_MS) {
        this.lastWarningAt = Date.now();
        this.logger.warn(
          { err: error },
          'Shared rate-limit counters unreachable; counting per instance',
        );
      }
      return this.fallback.hit(key, windowMs);
    }
  }
}
