import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorNote } from '../components/error-note';
import { LanguagePicker } from '../components/language-picker';
import { t } from '../i18n';

/** The one-time invitation link: the invited person chooses a password, then logs in. */
export function Invitation({ token, done }: { token: string; done: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [accepted, setAccepted] = useState<string | null>(null);

  async function accept(event: Event) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const password = String(data.get('password'));
    if (password !== String(data.get('again'))) {
      setError(new Error(t('invitation.mismatch')));
      return;
    }
    setError(null);
    try {
      const user = await api<{ email: string }>('POST', '/users/invitations/accept', {
        token,
        password,
      });
      setAccepted(user.email);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <main class="login" id="main">
      <div class="login-language">
        <LanguagePicker />
      </div>
      <h1>{t('invitation.title')}</h1>
      {accepted ? (
        <>
          <p role="status">{t('invitation.accepted', { email: accepted })}</p>
          <button type="button" onClick={done}>
            {t('login.submit')}
          </button>
        </>
      ) : (
        <form onSubmit={accept}>
          <label>
            {t('invitation.password')}
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={10}
              maxLength={200}
              required
            />
          </label>
          <label>
            {t('invitation.again')}
            <input name="again" type="password" autoComplete="new-password" required />
          </label>
          <ErrorNote error={error} />
          <button type="submit">{t('invitation.submit')}</button>
        </form>
      )}
    </main>
  );
}
