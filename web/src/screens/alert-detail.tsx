import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api';
import { SeverityBadge, StatusBadge } from '../components/badges';
import { ErrorNote } from '../components/error-note';
import { dateTime, language, t, type TextKey } from '../i18n';
import { href } from '../router';
import type { AlertDetail as Detail } from '../types';

/** Moves an analyst can make from each status (the API answers 409 to any other). */
const MOVES: Record<Detail['status'], [Detail['status'], TextKey][]> = {
  OPEN: [
    ['ACKNOWLEDGED', 'alert.acknowledge'],
    ['RESOLVED', 'alert.resolve'],
    ['FALSE_POSITIVE', 'alert.falsePositive'],
  ],
  ACKNOWLEDGED: [
    ['RESOLVED', 'alert.resolve'],
    ['FALSE_POSITIVE', 'alert.falsePositive'],
  ],
  RESOLVED: [],
  FALSE_POSITIVE: [],
};

/** One alert: its reason, the events that raised it, its history, and the analyst's moves. */
export function AlertDetail({ id }: { id: string }) {
  const [alert, setAlert] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const me = session.value!.user;
  const canWork = me.role !== 'viewer';

  useEffect(() => {
    api<Detail>('GET', `/alerts/${encodeURIComponent(id)}`).then(setAlert, setError);
  }, [id, language.value]);

  async function change(body: Record<string, unknown>) {
    setSaved(false);
    setError(null);
    try {
      const payload = note.trim() ? { ...body, note: note.trim() } : body;
      await api('PATCH', `/alerts/${encodeURIComponent(id)}`, payload);
      setAlert(await api<Detail>('GET', `/alerts/${encodeURIComponent(id)}`));
      setNote('');
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  }

  if (!alert) {
    return (
      <section>
        <a href={href('alerts')}>{t('alert.back')}</a>
        <ErrorNote error={error} />
        {error ? null : <p>{t('app.loading')}</p>}
      </section>
    );
  }
  return (
    <section aria-labelledby="alert-title">
      <a href={href('alerts')}>{t('alert.back')}</a>
      <h1 id="alert-title">
        {t('alert.title', { rule: alert.rule.title })} <SeverityBadge severity={alert.severity} />{' '}
        <StatusBadge status={alert.status} />
      </h1>
      <dl class="facts">
        <dt>{t('alerts.player')}</dt>
        <dd>
          <a href={href('players', alert.player.external_id)}>{alert.player.external_id}</a>
        </dd>
        <dt>{t('alerts.reason')}</dt>
        <dd class="reason">{alert.reason.text}</dd>
        <dt>{t('alerts.assignee')}</dt>
        <dd>{alert.assignee ?? '—'}</dd>
        <dt>{t('alerts.hits')}</dt>
        <dd>{alert.hit_count}</dd>
        <dt>{t('alert.created')}</dt>
        <dd>{dateTime(alert.created_at)}</dd>
      </dl>
      {canWork ? (
        <form class="work" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('alert.note')}
            <textarea
              value={note}
              maxLength={2000}
              onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
            />
          </label>
          <div class="actions">
            {alert.assignee !== me.email && MOVES[alert.status].length > 0 ? (
              <button type="button" onClick={() => change({ assignee: me.email })}>
                {t('alert.assignMe')}
              </button>
            ) : null}
            {MOVES[alert.status].map(([status, label]) => (
              <button key={status} type="button" onClick={() => change({ status })}>
                {t(label)}
              </button>
            ))}
          </div>
          {saved ? (
            <p class="saved" role="status">
              {t('alert.saved')}
            </p>
          ) : null}
          <ErrorNote error={error} />
        </form>
      ) : null}
      <h2>{t('alert.events')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('alerts.lastHit')}</th>
            <th scope="col">{t('alert.operatorRef')}</th>
            <th scope="col">{t('alerts.severity')}</th>
            <th scope="col">{t('alerts.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {alert.events.items.map((event) => (
            <tr key={event.event_id}>
              <td>{dateTime(event.event_time)}</td>
              <td>
                <code>{event.operator_ref ?? '—'}</code>
              </td>
              <td>{t(`severity.${event.severity as Detail['severity']}`)}</td>
              <td>{event.reason.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('alert.history')}</h2>
      <ol class="history">
        {alert.history.map((entry, index) => {
          const before = index > 0 ? alert.history[index - 1] : null;
          const assigned = before !== null && entry.assignee !== before.assignee;
          return (
            <li key={index}>
              <time dateTime={entry.at}>{dateTime(entry.at)}</time>{' '}
              <strong>{historyLabel(entry, before)}</strong>{' '}
              {t('alert.by', { actor: actorName(entry.actor) })}
              {assigned ? ` — ${t('alerts.assignee')} ${entry.assignee ?? '—'}` : ''}
              {entry.note ? <blockquote>{entry.note}</blockquote> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type HistoryEntry = Detail['history'][number];

/** What a history entry did: created, moved to a status, or (assignee, note) updated. */
function historyLabel(entry: HistoryEntry, before: HistoryEntry | null): string {
  if (before === null) return t('alert.created');
  if (entry.to_status && entry.to_status !== before.to_status) {
    return t(`status.${entry.to_status as Detail['status']}`);
  }
  return t('alert.updated');
}

/** Who made a change: a rule (code@version), a user (by email when known), an API key. */
function actorName(actor: { kind: string; id: string }): string {
  if (actor.kind === 'user' && String(session.value?.user.id) === actor.id) {
    return session.value!.user.email;
  }
  if (actor.kind === 'rule') return actor.id;
  return `${actor.kind} ${actor.id}`;
}
