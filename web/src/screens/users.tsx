import { useEffect, useState } from 'preact/hooks';
import { api, session, type Session } from '../api';
import { CopyButton } from '../components/copy-button';
import { ErrorNote } from '../components/error-note';
import { dateTime, t } from '../i18n';

const ROLES = ['viewer', 'analyst', 'admin'] as const;

interface User {
  id: number;
  email: string;
  role: Session['user']['role'];
  active: boolean;
  invited: boolean;
  created_at: string;
}

/** Users of the team (admins): invite with a one-time link, change a role, deactivate. */
export function Users() {
  const [users, setUsers] = useState<User[]>([]);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const me = session.value!.user;

  const reload = () => api<User[]>('GET', '/users').then(setUsers, setError);
  useEffect(() => void reload(), []);

  async function invite(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    setError(null);
    try {
      const answer = await api<{ link: string }>('POST', '/users', {
        email: String(data.get('email')).trim(),
        role: data.get('role'),
      });
      setLink(`${location.origin}${answer.link}`);
      form.reset();
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  async function change(user: User, body: { role?: string; active?: boolean }) {
    setError(null);
    try {
      await api('PATCH', `/users/${user.id}`, body);
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <form class="inline" onSubmit={invite}>
        <label>
          {t('login.email')}
          <input name="email" type="email" required />
        </label>
        <label>
          {t('users.role')}
          <select name="role">
            {ROLES.map((role) => (
              <option key={role} value={role} selected={role === 'analyst'}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('users.invite')}</button>
      </form>
      {link ? (
        <div class="secret" role="status">
          <p>{t('users.link')}</p>
          <code data-testid="invitation-link">{link}</code> <CopyButton text={link} />
        </div>
      ) : null}
      <ErrorNote error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('login.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('alerts.status')}</th>
            <th scope="col">{t('keys.createdAt')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>
                <select
                  aria-label={t('users.roleOf', { email: user.email })}
                  value={user.role}
                  disabled={user.id === me.id}
                  onChange={(e) => change(user, { role: (e.target as HTMLSelectElement).value })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`role.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {!user.active
                  ? t('users.inactive')
                  : user.invited
                    ? t('users.invited')
                    : t('users.active')}
              </td>
              <td>{dateTime(user.created_at)}</td>
              <td>
                {user.id === me.id ? null : (
                  <button type="button" onClick={() => change(user, { active: !user.active })}>
                    {user.active ? t('users.deactivate') : t('users.reactivate')}
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
