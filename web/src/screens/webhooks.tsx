import { useEffect, useState } from 'preact/hooks';
import { api, session } from '../api';
import { CopyButton } from '../components/copy-button';
import { ErrorNote } from '../components/error-note';
import { dateTime, t } from '../i18n';
import { href } from '../router';
import type { Page, Webhook } from '../types';

export const EVENT_TYPES = ['alert.created', 'alert.updated', 'endpoint.disabled'] as const;

/** Settings → Webhooks: the team's endpoints, and a form to add one (its secret shown once). */
export function Webhooks() {
  const [webhooks, setWebhooks] = useState<Webhook[]>([]);
  const [created, setCreated] = useState<Webhook | null>(null);
  const [error, setError] = useState<unknown>(null);
  const admin = session.value!.user.role === 'admin';

  const reload = () =>
    api<Page<Webhook>>('GET', '/webhooks?size=100').then(
      (page) => setWebhooks(page.items),
      setError,
    );
  useEffect(() => void reload(), []);

  async function create(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const events = data.getAll('events').map(String);
    const body: Record<string, unknown> = { url: String(data.get('url')).trim() };
    if (events.length > 0 && events.length < EVENT_TYPES.length) body.events = events;
    const description = String(data.get('description') ?? '').trim();
    if (description) body.description = description;
    if (data.get('rate_limit')) body.rate_limit = Number(data.get('rate_limit'));
    setError(null);
    try {
      setCreated(await api<Webhook>('POST', '/webhooks', body));
      form.reset();
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">{t('webhooks.title')}</h1>
      {admin ? (
        <form class="stacked" onSubmit={create}>
          <label>
            {t('webhooks.url')}
            <input name="url" type="url" required placeholder="https://" />
          </label>
          <fieldset>
            <legend>{t('webhooks.events')}</legend>
            {EVENT_TYPES.map((type) => (
              <label class="check" key={type}>
                <input type="checkbox" name="events" value={type} defaultChecked />
                <code>{type}</code>
              </label>
            ))}
          </fieldset>
          <label>
            {t('webhooks.description')}
            <input name="description" maxLength={200} />
          </label>
          <label>
            {t('webhooks.rateLimit')}
            <input name="rate_limit" type="number" min={1} max={1000} />
          </label>
          <button type="submit">{t('webhooks.create')}</button>
        </form>
      ) : null}
      {created?.secret ? <SecretShownOnce secret={created.secret} /> : null}
      <ErrorNote error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('webhooks.url')}</th>
            <th scope="col">{t('webhooks.events')}</th>
            <th scope="col">{t('alerts.status')}</th>
            <th scope="col">{t('keys.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {webhooks.map((webhook) => (
            <tr key={webhook.id}>
              <td>
                <a href={href('webhooks', webhook.id)}>{webhook.url}</a>
                {webhook.description ? <div class="muted">{webhook.description}</div> : null}
              </td>
              <td>{webhook.events.join(', ')}</td>
              <td>{webhookStatus(webhook)}</td>
              <td>{dateTime(webhook.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A signing secret, answered once by the API: copy it now. */
export function SecretShownOnce({ secret }: { secret: string }) {
  return (
    <div class="secret" role="status">
      <p>{t('webhooks.secretOnce')}</p>
      <code data-testid="webhook-secret">{secret}</code> <CopyButton text={secret} />
    </div>
  );
}

/** Active, paused by the team, or disabled by the service (and why): three different things. */
export function webhookStatus(webhook: Webhook): string {
  if (webhook.active) return t('webhooks.active');
  if (webhook.disabled_reason === 'gone') return t('webhooks.disabled.gone');
  if (webhook.disabled_reason === 'failing') return t('webhooks.disabled.failing');
  return webhook.disabled_reason ? t('webhooks.disabled') : t('webhooks.paused');
}
