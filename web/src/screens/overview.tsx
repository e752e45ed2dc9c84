import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import { TimeChart } from '../components/time-chart';
import { ErrorNote } from '../components/error-note';
import { dateTime, dayText, t } from '../i18n';
import { href } from '../router';
import type { Overview as OverviewData } from '../types';

/** How often the overview reads its figures again. */
const REFRESH_MS = 10_000;

/** Colours of the severities, each with at least 3:1 contrast on white. */
const SEVERITY_COLORS = {
  LOW: '#5b6b7a',
  MEDIUM: '#b35c00',
  HIGH: '#c2252b',
  CRITICAL: '#6b0f12',
} as const;

/**
 * The Quick Start's first screen: events received and processed per minute, the processing lag,
 * alerts per day by severity (and by rule in the table), the riskiest players; refreshed live.
 */
export function Overview() {
  const [data, setData] = useState<OverviewData | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    const read = () =>
      api<OverviewData>('GET', '/overview').then(
        (answer) => !stopped && (setData(answer), setError(null)),
        (failure) => !stopped && setError(failure),
      );
    void read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  const minutes = useMemo(() => {
    // Every minute of the last hour, those without events at 0.
    const rows = new Map(
      (data?.events_per_minute ?? []).map((r) => [Date.parse(r.minute) / 1000, r]),
    );
    const last =
      Math.floor(Date.parse(data?.generated_at ?? new Date().toISOString()) / 60_000) * 60;
    const x = Array.from({ length: 60 }, (_, i) => last - (59 - i) * 60);
    const of = (key: 'received' | 'processed' | 'failed') => x.map((m) => rows.get(m)?.[key] ?? 0);
    return {
      x,
      series: [
        { label: t('overview.received'), values: of('received'), color: '#0b5cad' },
        { label: t('overview.processed'), values: of('processed'), color: '#1e6b35' },
        { label: t('overview.failed'), values: of('failed'), color: '#a4161a' },
      ],
    };
  }, [data]);

  const days = useMemo(() => {
    const rows = data?.alerts_per_day ?? [];
    return {
      x: rows.map((r) => Date.parse(`${r.day}T12:00:00Z`) / 1000),
      series: (['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const).map((severity) => ({
        label: t(`severity.${severity}`),
        values: rows.map((r) => r.by_severity[severity]),
        color: SEVERITY_COLORS[severity],
      })),
    };
  }, [data]);

  if (!data) {
    return (
      <section>
        <h1>{t('overview.title')}</h1>
        <ErrorNote error={error} />
        {error ? null : <p>{t('app.loading')}</p>}
      </section>
    );
  }
  const lastMinute = data.events_per_minute[data.events_per_minute.length - 1];
  const rules = [...new Set(data.alerts_per_day.flatMap((d) => Object.keys(d.by_rule)))].sort();
  const recentDays = data.alerts_per_day.filter((d) => d.total > 0).slice(-7);
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview.title')}</h1>
      <ErrorNote error={error} />
      <div class="tiles">
        <div class="tile">
          <span class="muted">{t('overview.lag')}</span>
          <strong data-testid="lag">
            {t('overview.seconds', { value: data.processing_lag_seconds })}
          </strong>
        </div>
        <div class="tile">
          <span class="muted">{t('overview.lastMinute')}</span>
          <strong>
            {lastMinute
              ? t('overview.minuteFigures', {
                  received: lastMinute.received,
                  processed: lastMinute.processed,
                })
              : '—'}
          </strong>
        </div>
        <div class="tile">
          <span class="muted">{t('overview.alerts30')}</span>
          <strong data-testid="alerts-30">
            {data.alerts_per_day.reduce((sum, d) => sum + d.total, 0)}
          </strong>
        </div>
      </div>
      <p class="muted">
        {t('overview.updated', { at: dateTime(data.generated_at), zone: data.time_zone })}
      </p>

      <h2>{t('overview.eventsPerMinute')}</h2>
      {data.events_per_minute.length === 0 ? (
        <p>{t('overview.noEvents')}</p>
      ) : (
        <TimeChart
          kind="lines"
          step={60}
          x={minutes.x}
          series={minutes.series}
          label={t('overview.eventsPerMinute')}
        />
      )}

      <h2>{t('overview.alertsPerDay')}</h2>
      <TimeChart
        kind="stacked"
        step={86_400}
        x={days.x}
        series={days.series}
        label={t('overview.alertsPerDay')}
      />
      {recentDays.length > 0 ? (
        <table data-testid="alerts-by-rule">
          <caption class="muted">{t('overview.byRule')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rules.day')}</th>
              {rules.map((rule) => (
                <th scope="col" key={rule}>
                  <code>{rule}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recentDays.map((day) => (
              <tr key={day.day}>
                <td>{dayText(day.day)}</td>
                {rules.map((rule) => (
                  <td key={rule}>{day.by_rule[rule] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>{t('overview.topPlayers')}</h2>
      {data.top_players.length === 0 ? <p>{t('players.none')}</p> : null}
      <ol class="top-players">
        {data.top_players.map((p) => (
          <li key={p.external_id}>
            <a href={href('players', p.external_id)}>{p.external_id}</a>{' '}
            <span class={`badge risk-${p.risk.level.toLowerCase()}`}>
              {t('player.risk', { score: p.risk.score, level: t(`risk.${p.risk.level}`) })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
