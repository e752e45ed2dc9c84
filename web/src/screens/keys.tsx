import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { CopyButton } from '../components/copy-button';
import { ErrorNote } from '../components/error-note';
import { dateTime, t } from '../i18n';
import type { ApiKey } from '../types';

interface Brand {
  id: number;
  name: string;
}

/** Settings → API keys: create (the key shown once), label and brand scope, revoke. */
export function Keys() {
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [brands, setBrands] = useState<Brand[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = () => api<ApiKey[]>('GET', '/keys').then(setKeys, setError);
  useEffect(() => {
    void reload();
    api<Brand[]>('GET', '/brands').then(setBrands, setError);
  }, []);

  async function create(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body: Record<string, unknown> = {};
    const label = String(data.get('label') ?? '').trim();
    if (label) body.label = label;
    if (data.get('brand')) body.brand_id = Number(data.get('brand'));
    setError(null);
    try {
      const answer = await api<{ api_key: string }>('POST', '/keys', body);
      setCreated(answer.api_key);
      form.reset();
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  async function revoke(prefix: string) {
    if (!confirm(t('keys.confirmRevoke', { prefix }))) return;
    setError(null);
    try {
      await api('POST', `/keys/${encodeURIComponent(prefix)}/revoke`);
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">{t('keys.title')}</h1>
      <form class="inline" onSubmit={create}>
        <label>
          {t('keys.label')}
          <input name="label" maxLength={100} />
        </label>
        <label>
          {t('keys.brand')}
          <select name="brand">
            <option value="">{t('keys.allBrands')}</option>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('keys.create')}</button>
      </form>
      {created ? (
        <div class="secret" role="status">
          <p>{t('keys.created')}</p>
          <code data-testid="new-key">{created}</code> <CopyButton text={created} />
        </div>
      ) : null}
      <ErrorNote error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('keys.prefix')}</th>
            <th scope="col">{t('keys.label')}</th>
            <th scope="col">{t('keys.brand')}</th>
            <th scope="col">{t('keys.createdAt')}</th>
            <th scope="col">{t('keys.lastUsed')}</th>
            <th scope="col">{t('alerts.status')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('keys.revoke')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.prefix}>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.label ?? '—'}</td>
              <td>
                {key.brand_id === null
                  ? t('keys.allBrands')
                  : (brands.find((b) => b.id === key.brand_id)?.name ?? key.brand_id)}
              </td>
              <td>{dateTime(key.created_at)}</td>
              <td>{key.last_used_at ? dateTime(key.last_used_at) : t('keys.never')}</td>
              <td>{key.revoked_at ? t('keys.revoked') : t('keys.active')}</td>
              <td>
                {key.revoked_at ? null : (
                  <button type="button" onClick={() => revoke(key.prefix)}>
                    {t('keys.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
