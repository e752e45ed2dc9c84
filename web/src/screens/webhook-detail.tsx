import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api';
import { attemptErrorText } from '../attempt-error';
import { ErrorNote } from '../components/error-note';
import { useAction } from '../components/use-action';
import { dateTime, t } from '../i18n';
import { go, href } from '../router';
import type { Delivery, Page, Webhook } from '../types';
import { SecretShownOnce, webhookStatus } from './webhooks';

/**
 * One webhook: pause or resume, test ping, rotate its secret, remove it; its delivery log with
 * every attempt, a redelivery of one message, a replay of a window.
 */
export function WebhookDetail({ id }: { id: string }) {
  const [webhook, setWebhook] = useState<Webhook | null>(null);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const admin = session.value!.user.role === 'admin';
  const path = `/webhooks/${encodeURIComponent(id)}`;

  async function reload() {
    try {
      setWebhook(await api<Webhook>('GET', path));
      setDeliveries((await api<Page<Delivery>>('GET', `${path}/deliveries?size=50`)).items);
    } catch (failure) {
      setError(failure);
    }
  }
  const { act, notice, setNotice, error, setError } = useAction(reload);
  useEffect(() => void reload(), [id]);

  /** Runs a change, says it is done, and reads the webhook and its log again. */

  async function replay(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const since = new Date(String(data.get('since'))).toISOString();
    const body = data.get('failed') ? { since, status: 'failed' } : { since };
    await act(async () => {
      const answer = await api<{ replayed: number }>('POST', `${path}/replay`, body);
      setNotice(t('webhooks.replayed', { count: answer.replayed }));
    });
  }

  if (!webhook) {
    return (
      <section>
        <a href={href('webhooks')}>{t('webhooks.back')}</a>
        <ErrorNote error={error} />
      </section>
    );
  }
  return (
    <section aria-labelledby="webhook-title">
      <a href={href('webhooks')}>{t('webhooks.back')}</a>
      <h1 id="webhook-title">{webhook.url}</h1>
      <dl class="facts">
        <dt>{t('webhooks.events')}</dt>
        <dd>{webhook.events.join(', ')}</dd>
        <dt>{t('alerts.status')}</dt>
        <dd>{webhookStatus(webhook)}</dd>
        <dt>{t('webhooks.rateLimit')}</dt>
        <dd>{webhook.rate_limit ?? '—'}</dd>
        {webhook.previous_secret_expires_at ? (
          <>
            <dt>{t('webhooks.previousSecret')}</dt>
            <dd>{dateTime(webhook.previous_secret_expires_at)}</dd>
          </>
        ) : null}
      </dl>
      {admin ? (
        <div class="actions">
          <button
            type="button"
            onClick={() => act(() => api('POST', `${path}/test`), t('webhooks.pingSent'))}
          >
            {t('webhooks.test')}
          </button>
          <button
            type="button"
            onClick={() =>
              act(
                () => api('PATCH', path, { active: !webhook.active }),
                webhook.active ? t('webhooks.paused') : t('webhooks.active'),
              )
            }
          >
            {webhook.active ? t('webhooks.pause') : t('webhooks.resume')}
          </button>
          <button
            type="button"
            onClick={() =>
              act(async () => {
                const rotated = await api<Webhook>('POST', `${path}/rotate-secret`);
                setSecret(rotated.secret ?? null);
              }, t('webhooks.rotated'))
            }
          >
            {t('webhooks.rotate')}
          </button>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              if (!confirm(t('webhooks.confirmRemove', { url: webhook.url }))) return;
              if (await act(() => api('DELETE', path))) go('webhooks');
            }}
          >
            {t('webhooks.remove')}
          </button>
        </div>
      ) : null}
      {secret ? <SecretShownOnce secret={secret} /> : null}
      {notice ? (
        <p class="saved" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorNote error={error} />

      <h2>{t('webhooks.log')}</h2>
      <div class="actions">
        <button type="button" onClick={() => void reload()}>
          {t('webhooks.refresh')}
        </button>
      </div>
      {admin ? (
        <form class="inline" onSubmit={replay}>
          <label>
            {t('webhooks.replaySince')}
            <input name="since" type="datetime-local" required />
          </label>
          <label class="check">
            <input type="checkbox" name="failed" />
            {t('webhooks.failedOnly')}
          </label>
          <button type="submit">{t('webhooks.replay')}</button>
        </form>
      ) : null}
      {deliveries.length === 0 ? <p>{t('webhooks.noDelivery')}</p> : null}
      <ol class="deliveries">
        {deliveries.map((delivery) => (
          <li key={delivery.id} data-testid="delivery">
            <strong>{delivery.event_type}</strong>{' '}
            <span class={`badge delivery-${delivery.status}`}>
              {t(`delivery.${delivery.status}`)}
            </span>{' '}
            {dateTime(delivery.created_at)} <code class="muted">{delivery.id}</code>
            {admin ? (
              <button
                type="button"
                class="small"
                onClick={() =>
                  act(
                    () =>
                      api(
                        'POST',
                        `${path}/deliveries/${encodeURIComponent(delivery.id)}/redeliver`,
                      ),
                    t('webhooks.redelivered'),
                  )
                }
              >
                {t('webhooks.redeliver')}
              </button>
            ) : null}
            <table class="attempts">
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.attemptAt')}</th>
                  <th scope="col">HTTP</th>
                  <th scope="col">{t('webhooks.latency')}</th>
                  <th scope="col">{t('webhooks.answer')}</th>
                </tr>
              </thead>
              <tbody>
                {delivery.attempts.map((attempt, index) => (
                  <tr key={index}>
                    <td>{dateTime(attempt.at)}</td>
                    <td>{attempt.status_code ?? '—'}</td>
                    <td>{attempt.latency_ms === null ? '—' : `${attempt.latency_ms} ms`}</td>
                    <td>
                      {attempt.error === null ? (
                        <code>{attempt.response_head ?? ''}</code>
                      ) : (
                        <code title={attempt.error}>{attemptErrorText(attempt.error)}</code>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </section>
  );
}
