import { api, session } from './api';
import { LanguagePicker } from './components/language-picker';
import { t, type TextKey } from './i18n';
import { go, href, route } from './router';
import { AlertDetail } from './screens/alert-detail';
import { AlertQueue } from './screens/alert-queue';
import { Keys } from './screens/keys';
import { Login } from './screens/login';
import { Player } from './screens/player';
import { Players } from './screens/players';
import { Invitation } from './screens/invitation';
import { Overview } from './screens/overview';
import { Playground } from './screens/playground';
import { RuleDetail } from './screens/rule-detail';
import { Rules } from './screens/rules';
import { WebhookDetail } from './screens/webhook-detail';
import { TeamSettings } from './screens/team-settings';
import { Users } from './screens/users';
import { Webhooks } from './screens/webhooks';

const SCREENS: { path: string; label: TextKey; admin?: boolean }[] = [
  { path: 'overview', label: 'nav.overview' },
  { path: 'alerts', label: 'nav.alerts' },
  { path: 'players', label: 'nav.players' },
  { path: 'rules', label: 'nav.rules' },
  { path: 'keys', label: 'nav.keys', admin: true },
  { path: 'webhooks', label: 'nav.webhooks' },
  { path: 'playground', label: 'nav.playground' },
  { path: 'users', label: 'nav.users', admin: true },
  { path: 'settings', label: 'nav.settings' },
];

export function App() {
  const current = session.value;
  const [screen = 'overview', id] = route.value;
  if (screen === 'invitation' && id) return <Invitation token={id} done={() => go('overview')} />;
  if (current === undefined) return <p class="loading">{t('app.loading')}</p>;
  if (current === null) return <Login />;
  const screens = SCREENS.filter((s) => !s.admin || current.user.role === 'admin');
  return (
    <>
      <a class="skip" href="#main" onClick={skipToMain}>
        {t('app.skip')}
      </a>
      <header class="top">
        <strong class="brand">{t('app.title')}</strong>
        <nav aria-label={t('nav.main')}>
          <ul>
            {screens.map((s) => (
              <li key={s.path}>
                <a href={href(s.path)} aria-current={screen === s.path ? 'page' : undefined}>
                  {t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <LanguagePicker />
          <span>{current.user.email}</span>
          <button type="button" class="link" onClick={logout}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {screen === 'alerts' && id ? <AlertDetail id={id} /> : null}
        {screen === 'alerts' && !id ? <AlertQueue /> : null}
        {screen === 'players' && id ? <Player id={id} /> : null}
        {screen === 'players' && !id ? <Players /> : null}
        {screen === 'rules' && id ? <RuleDetail code={id} /> : null}
        {screen === 'rules' && !id ? <Rules /> : null}
        {screen === 'keys' ? <Keys /> : null}
        {screen === 'webhooks' && id ? <WebhookDetail id={id} /> : null}
        {screen === 'webhooks' && !id ? <Webhooks /> : null}
        {screen === 'playground' ? <Playground /> : null}
        {screen === 'users' ? <Users /> : null}
        {screen === 'settings' ? <TeamSettings /> : null}
        {screen === 'overview' ? <Overview /> : null}
      </main>
    </>
  );
}

function skipToMain(event: Event) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

async function logout() {
  await api('POST', '/logout').catch(() => undefined);
  session.value = null;
}
