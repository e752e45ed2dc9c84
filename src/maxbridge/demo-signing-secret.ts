import type { AppConfig } from '../config/app-config';
import { readOrCreateSecret } from '../config/secret-file';

/** Where the demo signing secret of an embedded database is kept: beside the database file. */
export const demoSecretPathOf = (sqlitePath: string) => `${sqlitePath}.maxbridge-secret`;
/** ... and the demo's secret of core session tokens. */
export const demoSessionSecretPathOf = (sqlitePath: string) => `${sqlitePath}.session-secret`;

/**
 * On the embedded database with the demo on (`npm start` out of the box) and no MAXBRIDGE_*
 * setting, MaxBridge is served with a secret of this installation: random, made on first use,
 * kept beside the database file (mode 0600), and printed nowhere. Anything else (a server
 * database, DEMO_TEAM=false, MAXBRIDGE_ENABLED or MAXBRIDGE_HASH_SECRET set) keeps the
 * configuration as it is. Likewise the secret of core session tokens, unless SESSION_SECRET is set.
 * Returns the configuration to use, and the signing secret's file when it applies.
 */
export function withDemoSigningSecret(
  config: AppConfig,
  env: Record<string, string | undefined>,
): { config: AppConfig; demoSecretPath: string | null } {
  const configured = ['MAXBRIDGE_ENABLED', 'MAXBRIDGE_HASH_SECRET'].some(
    (name) => (env[name] ?? '').trim() !== '',
  );
  if (configured || config.database.dialect !== 'sqlite' || !config.demoTeamOnFirstStart) {
    return { config, demoSecretPath: null };
  }
  const path = demoSecretPathOf(config.database.path);
  const secret = readOrCreateSecret(path);
  const sessionSecrets =
    config.maxbridge.sessionSecrets.length > 0
      ? config.maxbridge.sessionSecrets
      : [readOrCreateSecret(demoSessionSecretPathOf(config.database.path))];
  return {
    config: {
      ...config,
      maxbridge: { ...config.maxbridge, enabled: true, hashSecrets: [secret], sessionSecrets },
    },
    demoSecretPath: path,
  };
}
