import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import { ProcessingQueueRepository } from '../queue/processing-queue.repository';
import { EventMinuteCountsRepository, type MinuteCount } from './event-minute-counts.repository';

/** What a team sees of its processing: events per minute, and how far behind processing is. */
@Injectable()
export class ProcessingStatsService {
  constructor(
    private readonly minutes: EventMinuteCountsRepository,
    private readonly queue: ProcessingQueueRepository,
  ) {}

  /** Events received, processed and failed per minute and stream, over the last `minutes`. */
  minuteCounts(teamId: number, minutes: number): Promise<MinuteCount[]> {
    const since = MicroTime.fromMicros(MicroTime.now().micros - minutes * 60_000_000)
      .toDatabaseText()
      .slice(0, 16);
    return this.minutes.since(teamId, `${since}:00`);
  }

  /** Seconds the team's oldest waiting event has waited (0 when nothing waits). */
  async lagSeconds(teamId: number): Promise<number> {
    const oldest = await this.queue.oldestOfTeam(teamId);
    if (oldest === null) return 0;
    const waited = (MicroTime.now().micros - MicroTime.fromDatabaseText(oldest).micros) / 1e6;
    return Math.max(0, Math.round(waited * 10) / 10);
  }
}
