import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MicroTime } from '../common/time/micro-time';
import { SqlDatabase } from '../database/sql-database';
import { MetricsRegistry } from '../observability/metrics-registry';
import type { Finding } from './engine/evaluate';
import { SecondLooksRepository } from './state/second-looks.repository';

/**
 * Detection in `/metrics`: what each rule costs (evaluation time), what it finds (by mode), the
 * rules that threw, alerts opened or joined, and how long second looks have waited. Counted as
 * batches are evaluated: a batch rolled back and retried counts again.
 */
@Injectable()
export class DetectionMetrics {
  private readonly ruleSeconds: Counter<'rule'>;
  private readonly findings: Counter<'rule' | 'mode'>;
  private readonly failures: Counter<'rule'>;
  private readonly alerts: Counter<'action'>;
  private readonly stateReads: Counter<'source'>;

  constructor(
    { registry }: MetricsRegistry,
    database: SqlDatabase,
    secondLooks: SecondLooksRepository,
  ) {
    const registers = [registry];
    this.ruleSeconds = new Counter({
      name: 'detection_rule_seconds_total',
      help: 'Time spent evaluating each rule (its share of the detection step)',
      labelNames: ['rule'],
      registers,
    });
    this.findings = new Counter({
      name: 'detection_hits_total',
      help: 'Rule hits, by rule and mode (on: alerts; shadow: recorded only)',
      labelNames: ['rule', 'mode'],
      registers,
    });
    this.failures = new Counter({
      name: 'detection_rule_failures_total',
      help: 'Rules that threw on an event (the event is retried, then FAILED with the rule named)',
      labelNames: ['rule'],
      registers,
    });
    this.alerts = new Counter({
      name: 'detection_alerts_total',
      help: 'Alerts opened (created) or joined by a later hit (joined)',
      labelNames: ['action'],
      registers,
    });
    this.stateReads = new Counter({
      name: 'detection_state_reads_total',
      help:
        "Players' detection states a batch needed, by where they came from: this instance's cache " +
        '(cache) or the database (database: first sight, written by another instance, or evicted)',
      labelNames: ['source'],
      registers,
    });
    new Gauge({
      name: 'detection_second_looks_oldest_age_seconds',
      help:
        "Seconds since the oldest second look still waiting was written (0: none waits). Events that read other players' " +
        'data (shared identifiers, opposing bets) are looked at again once their batch committed, within seconds; ' +
        'a growing age says settling fails (processing_settle_failures_total, logged) or that their partitions are not held',
      registers,
      async collect() {
        // The database out of reach: /metrics still answers, with the last value read.
        const at = await secondLooks.oldestWrittenAt(database).catch(() => undefined);
        if (at === undefined) return;
        const micros = at === null ? null : MicroTime.fromDatabaseText(at).micros;
        this.set(micros === null ? 0 : Math.max(0, (Date.now() * 1000 - micros) / 1e6));
      },
    });
  }

  observeRuleTimes(seconds: ReadonlyMap<string, number>): void {
    for (const [rule, s] of seconds) this.ruleSeconds.inc({ rule }, s);
  }

  countFindings(findings: readonly Finding[]): void {
    for (const f of findings) this.findings.inc({ rule: f.rule.code, mode: f.mode });
  }

  countFailure(rule: string): void {
    this.failures.inc({ rule });
  }

  countStateReads(cached: number, read: number): void {
    if (cached > 0) this.stateReads.inc({ source: 'cache' }, cached);
    if (read > 0) this.stateReads.inc({ source: 'database' }, read);
  }

  countAlerts(created: number, joined: number): void {
    if (created > 0) this.alerts.inc({ action: 'created' }, created);
    if (joined > 0) this.alerts.inc({ action: 'joined' }, joined);
  }
}
