import type { AppConfig } from '../config/app-config';
import { readOrCreateSecret } from '../config/secret-file';

/** Where the embedded database's demo keeps the dashboard's session secret: beside its file. */
export const demoDashboardSecretPathOf = (sqlitePath: string) => `${sqlitePath}.dashboard-secret`;

/**
 * On the embedded database with the demo on and no DASHBOARD_SESSION_SECRET, the dashboard
 * signs its cookies with a secret of this installation (made on first use, kept beside the
 * database file), so that a restart does not log everyone out. Anything else keeps the
 * configuration as it is.
 */
export function withDemoDashboardSecret(config: AppConfig): AppConfig {
  const { dashboard, database } = config;
  if (dashboard.sessionSecrets.length > 0 || database.dialect !== 'sqlite') return config;
  if (!config.demoTeamOnFirstStart) return config;
  const secret = readOrCreateSecret(demoDashboardSecretPathOf(database.path));
  return { ...config, dashboard: { ...dashboard, sessionSecrets: [secret] } };
}
