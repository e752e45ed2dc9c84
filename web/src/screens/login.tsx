import { useState } from 'preact/hooks';
import { api, session, type Session } from '../api';
import { LanguagePicker } from '../components/language-picker';
import { ErrorNote } from '../components/error-note';
import { t } from '../i18n';

export function Login() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      session.value = await api<Session>('POST', '/login', {
        email: form.get('email'),
        password: form.get('password'),
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login" id="main">
      <div class="login-language">
        <LanguagePicker />
      </div>
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit}>
        <label>
          {t('login.email')}
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <ErrorNote error={error} />
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
