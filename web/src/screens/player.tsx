import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { SeverityBadge, StatusBadge } from '../components/badges';
import { ErrorNote } from '../components/error-note';
import { LinkGraph } from '../components/link-graph';
import { dateTime, language, money, t, textOr } from '../i18n';
import { href } from '../router';
import type { Player as PlayerView } from '../types';

/**
 * Player 360: profile, counters, the risk score explained factor by factor, open alerts, the
 * players linked by shared identifiers (a graph), and the timeline of events and AML slips.
 */
export function Player({ id }: { id: string }) {
  const [player, setPlayer] = useState<PlayerView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setPlayer(null);
    setError(null);
    api<PlayerView>('GET', `/players/${encodeURIComponent(id)}`).then(setPlayer, setError);
  }, [id, language.value]);

  if (!player) {
    return (
      <section>
        <a href={href('players')}>{t('player.back')}</a>
        <ErrorNote error={error} />
        {error ? null : <p>{t('app.loading')}</p>}
      </section>
    );
  }
  const { profile, risk } = player;
  return (
    <section aria-labelledby="player-title">
      <a href={href('players')}>{t('player.back')}</a>
      <h1 id="player-title">
        {t('alerts.player')} {player.external_id}{' '}
        <span class={`badge risk-${risk.level.toLowerCase()}`} data-testid="risk">
          {t('player.risk', { score: risk.score, level: t(`risk.${risk.level}`) })}
        </span>
      </h1>
      <div class="columns">
        <div>
          <h2>{t('player.profile')}</h2>
          <dl class="facts">
            {player.cpf ? (
              <>
                <dt>CPF</dt>
                <dd>{player.cpf}</dd>
              </>
            ) : null}
            <dt>{t('player.phone')}</dt>
            <dd>{profile.phone ?? '—'}</dd>
            <dt>{t('player.country')}</dt>
            <dd>{profile.country ?? '—'}</dd>
            <dt>{t('player.kyc')}</dt>
            <dd>{profile.kyc_level ?? '—'}</dd>
            <dt>{t('player.firstSeen')}</dt>
            <dd>{dateTime(profile.first_seen_at)}</dd>
            <dt>{t('player.lastSeen')}</dt>
            <dd>{dateTime(profile.last_seen_at)}</dd>
            <dt>{t('player.events')}</dt>
            <dd>{profile.events_count}</dd>
          </dl>
        </div>
        <div>
          <h2>{t('player.riskExplained')}</h2>
          {risk.factors.length === 0 ? <p>{t('player.noFactor')}</p> : null}
          <ol class="factors" data-testid="factors">
            {risk.factors.map((factor, index) => (
              <li key={index}>
                <strong>+{factor.points}</strong> {factor.description}
              </li>
            ))}
          </ol>
        </div>
      </div>

      <h2>{t('player.counters')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('player.window')}</th>
            <th scope="col">{t('player.currency')}</th>
            <th scope="col">{t('player.deposits')}</th>
            <th scope="col">{t('player.withdrawals')}</th>
            <th scope="col">{t('player.stakes')}</th>
            <th scope="col">{t('player.wins')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(player.counters).flatMap(([window, rows]) =>
            rows.map((row) => (
              <tr key={`${window}-${row.currency}`}>
                <td>{textOr(`window.${window}`, window)}</td>
                <td>{row.currency}</td>
                {(['deposits', 'withdrawals', 'stakes', 'wins'] as const).map((name) => (
                  <td key={name}>
                    {row[name].count} · {money(row[name].amount / 100, row.currency)}
                  </td>
                ))}
              </tr>
            )),
          )}
        </tbody>
      </table>

      <h2>{t('player.openAlerts')}</h2>
      {player.open_alerts.length === 0 ? <p>{t('alerts.none')}</p> : null}
      <ul>
        {player.open_alerts.map((alert) => (
          <li key={alert.id}>
            <SeverityBadge severity={alert.severity} /> <StatusBadge status={alert.status} />{' '}
            <a href={href('alerts', alert.id)}>{alert.rule.title}</a>: {alert.reason.text}
          </li>
        ))}
      </ul>

      <h2>{t('player.linked')}</h2>
      <LinkGraph player={player} />

      <h2>{t('player.timeline')}</h2>
      <table data-testid="timeline">
        <thead>
          <tr>
            <th scope="col">{t('player.when')}</th>
            <th scope="col">{t('player.type')}</th>
            <th scope="col">{t('player.amount')}</th>
            <th scope="col">{t('player.balance')}</th>
            <th scope="col">{t('alerts.status')}</th>
          </tr>
        </thead>
        <tbody>
          {player.timeline.events.map((event) => (
            <tr key={event.id}>
              <td>{dateTime(event.event_time)}</td>
              <td>{textOr(`eventType.${event.type}`, event.type)}</td>
              <td>{money(event.amount, event.currency)}</td>
              <td>
                {event.balance_before === null
                  ? '—'
                  : `${money(event.balance_before, event.currency)} → ${money(event.balance_after ?? 0, event.currency)}`}
              </td>
              <td>{textOr(`processing.${event.status}`, event.status)}</td>
            </tr>
          ))}
          {player.timeline.slips.map((slip) => (
            <tr key={slip.bet_slip_id}>
              <td>{dateTime(slip.last_event_at)}</td>
              <td>
                {t('player.slip')} {slip.bet_slip_id} ({slip.leg_count} × @{slip.total_odds})
              </td>
              <td>{money(slip.total_stake / 100, 'BRL')}</td>
              <td>{slip.payout === null ? '—' : money(slip.payout / 100, 'BRL')}</td>
              <td>{slip.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
