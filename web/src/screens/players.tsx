import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorNote } from '../components/error-note';
import { dateTime, t } from '../i18n';
import { go, href } from '../router';
import type { Page, PlayerListItem } from '../types';

/** Players by risk, highest first, and a search by the operator's player id. */
export function Players() {
  const [page, setPage] = useState<Page<PlayerListItem> | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Page<PlayerListItem>>('GET', '/players?size=50').then(setPage, setError);
  }, []);

  function open(event: Event) {
    event.preventDefault();
    const id = String(new FormData(event.target as HTMLFormElement).get('id') ?? '').trim();
    if (id) go('players', id);
  }

  return (
    <section aria-labelledby="players-title">
      <h1 id="players-title">{t('players.title')}</h1>
      <form class="inline" onSubmit={open}>
        <label>
          {t('players.find')}
          <input name="id" required />
        </label>
        <button type="submit">{t('players.open')}</button>
      </form>
      <ErrorNote error={error} />
      {page && page.items.length === 0 ? <p>{t('players.none')}</p> : null}
      {page && page.items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('alerts.player')}</th>
              <th scope="col">{t('player.score')}</th>
              <th scope="col">{t('player.level')}</th>
              <th scope="col">{t('player.computedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.external_id}>
                <td>
                  <a href={href('players', p.external_id)}>{p.external_id}</a>
                </td>
                <td>{p.risk.score}</td>
                <td>
                  <span class={`badge risk-${p.risk.level.toLowerCase()}`}>
                    {t(`risk.${p.risk.level}`)}
                  </span>
                </td>
                <td>{dateTime(p.computed_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
