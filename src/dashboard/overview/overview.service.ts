import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import { AlertsService } from '../../detection/alerts/alerts.service';
import { PlayerViewService } from '../../detection/risk/player-view.service';
import { ProcessingStatsService } from '../../processing/stats/processing-stats.service';
import { TenancyService } from '../../tenancy/tenancy.service';

/** The overview's windows: events per minute over the last hour, alerts per day over 30 days. */
const MINUTES = 60;
const DAYS = 30;
const TOP_PLAYERS = 10;

export interface AlertDay {
  day: string;
  total: number;
  by_severity: Record<'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL', number>;
  by_rule: Record<string, number>;
}

/**
 * The dashboard's overview, from aggregates only: the per-minute event counts the worker keeps,
 * the age of the team's oldest waiting event, alerts counted per hour and rule (then grouped by
 * the team's days, in its time zone), and the stored risk scores.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly tenancy: TenancyService,
    private readonly stats: ProcessingStatsService,
    private readonly alerts: AlertsService,
    private readonly players: PlayerViewService,
  ) {}

  async of(teamId: number) {
    const timeZone = await this.tenancy.timeZoneOf(teamId);
    const now = MicroTime.now();
    const [minutes, lag, hours, top] = await Promise.all([
      this.stats.minuteCounts(teamId, MINUTES),
      this.stats.lagSeconds(teamId),
      this.alerts.countByHour(teamId, MicroTime.fromMicros(now.micros - (DAYS + 1) * 86_400e6)),
      this.players.list(teamId, { size: String(TOP_PLAYERS) }),
    ]);
    return {
      time_zone: timeZone,
      generated_at: now.toIso(),
      processing_lag_seconds: lag,
      events_per_minute: perMinute(minutes),
      alerts_per_day: perDay(hours, timeZone, now),
      top_players: top.items,
    };
  }
}

/** Both streams summed per minute (UTC, ISO). */
function perMinute(
  rows: { minute: string; received: number; processed: number; failed: number }[],
) {
  const byMinute = new Map<
    string,
    { minute: string; received: number; processed: number; failed: number }
  >();
  for (const row of rows) {
    const minute = `${row.minute.slice(0, 16).replace(' ', 'T')}:00Z`;
    const sum = byMinute.get(minute) ?? { minute, received: 0, processed: 0, failed: 0 };
    sum.received += row.received;
    sum.processed += row.processed;
    sum.failed += row.failed;
    byMinute.set(minute, sum);
  }
  return [...byMinute.values()];
}

/**
 * Hours (UTC) grouped into the team's days: the last 30 days in its time zone, today included,
 * each present even without alerts. A zone whose offset is not whole hours (India, +5:30) counts
 * the hour that straddles midnight in the day it starts in.
 */
function perDay(
  hours: { hour: string; ruleCode: string; severity: string; alerts: number }[],
  timeZone: string,
  now: MicroTime,
): AlertDay[] {
  const dayOf = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const days = new Map<string, AlertDay>();
  for (let back = DAYS - 1; back >= 0; back--) {
    const day = dayOf.format(new Date(now.micros / 1000 - back * 86_400_000));
    days.set(day, {
      day,
      total: 0,
      by_severity: { LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 },
      by_rule: {},
    });
  }
  for (const { hour, ruleCode, severity, alerts } of hours) {
    const entry = days.get(dayOf.format(new Date(`${hour.replace(' ', 'T')}:00:00Z`)));
    if (!entry) continue;
    entry.total += alerts;
    const level = severity as keyof AlertDay['by_severity'];
    if (level in entry.by_severity) entry.by_severity[level] += alerts;
    entry.by_rule[ruleCode] = (entry.by_rule[ruleCode] ?? 0) + alerts;
  }
  return [...days.values()];
}
