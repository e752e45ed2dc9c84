import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api';
import { ErrorNote } from '../components/error-note';
import { SeverityBadge, StatusBadge } from '../components/badges';
import { dateTime, language, t } from '../i18n';
import { href } from '../router';
import type { Alert, Page, RuleSummary } from '../types';

const STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE'] as const;
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
const SORTS = [
  ['-created_at', 'alerts.sort.newest'],
  ['created_at', 'alerts.sort.oldest'],
  ['-severity', 'alerts.sort.severity'],
] as const;
const PAGE_SIZE = 25;

interface Filters {
  status: string;
  severity: string;
  rule: string;
  /** Creation days, `YYYY-MM-DD` in the browser's time zone, both included; '' for none. */
  from: string;
  to: string;
  /** An assignee's email; ignored when `mine`. */
  assignee: string;
  mine: boolean;
  sort: string;
  page: number;
}

/** The queue an analyst works every day: filters, sort, pages; a row opens the alert. */
export function AlertQueue() {
  const [filters, setFilters] = useState<Filters>({
    status: 'OPEN,ACKNOWLEDGED',
    severity: '',
    rule: '',
    from: '',
    to: '',
    assignee: '',
    mine: false,
    sort: '-created_at',
    page: 1,
  });
  const [page, setPage] = useState<Page<Alert> | null>(null);
  const [rules, setRules] = useState<RuleSummary[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api<RuleSummary[]>('GET', '/rules').then(setRules, setError);
  }, [language.value]);
  useEffect(() => {
    const query = new URLSearchParams({
      sort: filters.sort,
      page: String(filters.page),
      size: String(PAGE_SIZE),
    });
    if (filters.status) query.set('status', filters.status);
    if (filters.severity) query.set('severity', filters.severity);
    if (filters.rule) query.set('rule', filters.rule);
    // Days in the browser's zone, as the times shown; `to` is exclusive: the next day's start.
    if (filters.from) query.set('from', dayStart(filters.from).toISOString());
    if (filters.to) query.set('to', dayStart(filters.to, 1).toISOString());
    const assignee = filters.mine ? session.value!.user.email : filters.assignee.trim();
    if (assignee) query.set('assignee', assignee);
    api<Page<Alert>>('GET', `/alerts?${query}`).then(
      (answer) => (setPage(answer), setError(null)),
      setError,
    );
  }, [filters, language.value]);

  const set = (change: Partial<Filters>) => setFilters({ ...filters, page: 1, ...change });
  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('alerts.title')}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('alerts.status')}
          <select value={filters.status} onChange={(e) => set({ status: valueOf(e) })}>
            <option value="OPEN,ACKNOWLEDGED">
              {t('status.OPEN')} + {t('status.ACKNOWLEDGED')}
            </option>
            <option value="">{t('alerts.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.severity')}
          <select value={filters.severity} onChange={(e) => set({ severity: valueOf(e) })}>
            <option value="">{t('alerts.any')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.rule')}
          <select value={filters.rule} onChange={(e) => set({ rule: valueOf(e) })}>
            <option value="">{t('alerts.any')}</option>
            {rules.map((r) => (
              <option key={r.code} value={r.code}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.from')}
          <input
            type="date"
            value={filters.from}
            onChange={(e) => set({ from: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t('alerts.to')}
          <input
            type="date"
            value={filters.to}
            onChange={(e) => set({ to: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t('alerts.sort')}
          <select value={filters.sort} onChange={(e) => set({ sort: valueOf(e) })}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.assignee')}
          <input
            type="search"
            value={filters.mine ? session.value!.user.email : filters.assignee}
            disabled={filters.mine}
            onChange={(e) => set({ assignee: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={filters.mine}
            onChange={(e) => set({ mine: (e.target as HTMLInputElement).checked })}
          />
          {t('alerts.mine')}
        </label>
      </form>
      <ErrorNote error={error} />
      {page && page.items.length === 0 ? <p>{t('alerts.none')}</p> : null}
      {page && page.items.length > 0 ? (
        <>
          <p class="count" aria-live="polite">
            {t('alerts.total', { total: page.total })}
          </p>
          <table class="alerts">
            <thead>
              <tr>
                <th scope="col">{t('alerts.severity')}</th>
                <th scope="col">{t('alerts.rule')}</th>
                <th scope="col">{t('alerts.player')}</th>
                <th scope="col">{t('alerts.reason')}</th>
                <th scope="col">{t('alerts.status')}</th>
                <th scope="col">{t('alerts.assignee')}</th>
                <th scope="col">{t('alerts.lastHit')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((alert) => (
                <tr key={alert.id}>
                  <td>
                    <SeverityBadge severity={alert.severity} />
                  </td>
                  <td>
                    <a href={href('alerts', alert.id)}>{alert.rule.title}</a>
                  </td>
                  <td>
                    <a href={href('players', alert.player.external_id)}>
                      {alert.player.external_id}
                    </a>
                  </td>
                  <td>{alert.reason.text}</td>
                  <td>
                    <StatusBadge status={alert.status} />
                  </td>
                  <td>{alert.assignee ?? '—'}</td>
                  <td>{dateTime(alert.last_hit_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav class="pager" aria-label={t('alerts.page', { page: filters.page, pages })}>
            <button
              type="button"
              disabled={filters.page <= 1}
              onClick={() => setFilters({ ...filters, page: filters.page - 1 })}
            >
              {t('alerts.previous')}
            </button>
            <span>{t('alerts.page', { page: filters.page, pages })}</span>
            <button
              type="button"
              disabled={filters.page >= pages}
              onClick={() => setFilters({ ...filters, page: filters.page + 1 })}
            >
              {t('alerts.next')}
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}

const valueOf = (event: Event) => (event.target as HTMLSelectElement).value;

/**
 * The start of a day (`2026-12-07`) in the browser's zone, `later` days on: built from the date's
 * parts, so that a day starting at 01:00 (a DST change at midnight) does not shift the next.
 */
function dayStart(day: string, later = 0): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + later);
}
