import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api';
import { ErrorNote } from '../components/error-note';
import { useAction } from '../components/use-action';
import { dateTime, t } from '../i18n';
import type { Page } from '../types';

interface AllowedIdentifier {
  kind: 'ip' | 'phone' | 'session';
  value: string;
  note: string | null;
  created_at: string;
}

/** Zones offered first: where the team's analysts work. Any other IANA zone can be typed. */
const ZONES = ['UTC', 'Africa/Dakar', 'Africa/Abidjan', 'Africa/Bamako', 'America/Sao_Paulo'];

/** Team settings: the time zone of per-day figures, and the identifiers the rules skip. */
export function TeamSettings() {
  /** null until the settings are read: the form is not shown before (typing would be lost). */
  const [zone, setZone] = useState<string | null>(null);
  const [entries, setEntries] = useState<AllowedIdentifier[]>([]);
  const admin = session.value!.user.role === 'admin';

  const reload = async () => {
    try {
      setZone((await api<{ time_zone: string }>('GET', '/settings')).time_zone);
      setEntries((await api<Page<AllowedIdentifier>>('GET', '/allowlist?size=100')).items);
    } catch (failure) {
      setError(failure);
    }
  };
  const { act: run, notice, error, setError } = useAction(reload);
  useEffect(() => void reload(), []);

  function saveZone(event: Event) {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('zone')).trim();
    void run(() => api('PUT', '/settings', { time_zone: value }), t('settings.saved'));
  }

  function allow(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body: Record<string, unknown> = {
      kind: data.get('kind'),
      value: String(data.get('value')).trim(),
    };
    const note = String(data.get('note') ?? '').trim();
    if (note) body.note = note;
    void run(async () => {
      await api('POST', '/allowlist', body);
      form.reset();
    }, t('settings.allowed'));
  }

  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {zone === null ? <p>{t('app.loading')}</p> : null}
      {zone === null ? null : (
        <form class="inline" onSubmit={saveZone}>
          <label>
            {t('settings.zone')}
            <input
              name="zone"
              list="zones"
              value={zone}
              disabled={!admin}
              required
              onInput={(e) => setZone((e.target as HTMLInputElement).value)}
            />
            <datalist id="zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          {admin ? <button type="submit">{t('settings.save')}</button> : null}
        </form>
      )}
      <p class="muted">{t('settings.zoneHint')}</p>
      {notice ? (
        <p class="saved" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorNote error={error} />

      <h2>{t('settings.allowlist')}</h2>
      <p class="muted">{t('settings.allowlistHint')}</p>
      {admin ? (
        <form class="inline" onSubmit={allow}>
          <label>
            {t('settings.kind')}
            <select name="kind">
              <option value="ip">IP</option>
              <option value="phone">{t('player.phone')}</option>
              <option value="session">Session</option>
            </select>
          </label>
          <label>
            {t('settings.value')}
            <input name="value" required maxLength={100} />
          </label>
          <label>
            {t('alert.note')}
            <input name="note" maxLength={200} />
          </label>
          <button type="submit">{t('settings.allow')}</button>
        </form>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('settings.kind')}</th>
            <th scope="col">{t('settings.value')}</th>
            <th scope="col">{t('alert.note')}</th>
            <th scope="col">{t('keys.createdAt')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.kind}:${entry.value}`}>
              <td>{entry.kind}</td>
              <td>
                <code>{entry.value}</code>
              </td>
              <td>{entry.note ?? '—'}</td>
              <td>{dateTime(entry.created_at)}</td>
              <td>
                {admin ? (
                  <button
                    type="button"
                    onClick={() =>
                      run(
                        () =>
                          api(
                            'DELETE',
                            `/allowlist/${encodeURIComponent(entry.kind)}/${encodeURIComponent(entry.value)}`,
                          ),
                        t('settings.removed'),
                      )
                    }
                  >
                    {t('webhooks.remove')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
