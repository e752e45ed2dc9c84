import { MicroTime } from '../common/time/micro-time';
import { DatabaseState } from '../database/database.module';
import { FailedEvents } from '../processing/failed-events';
import { PLANS } from '../config/plan';
import { ApiKeyView, TenancyService } from '../tenancy/tenancy.service';
import { required, UsageError, type Command, type CommandOptions } from './command';
import { CASH_DESK_COMMANDS } from './cash-desk.commands';
import { DASHBOARD_COMMANDS } from './dashboard.commands';
import { MAXBRIDGE_COMMANDS } from './maxbridge.commands';

function id(options: CommandOptions, name: 'team' | 'brand'): number {
  const value = required(options, name);
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`--${name} must be a positive integer id`);
  return Number(value);
}

/** A time with its zone (`2026-02-01T00:00:00Z`). */
function isoTime(value: string, name: keyof CommandOptions): MicroTime {
  const millis = /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(millis)) {
    throw new UsageError(
      `--${name} must be an ISO 8601 time with its zone, e.g. 2026-02-01T00:00:00Z`,
    );
  }
  return MicroTime.fromMicros(millis * 1000);
}

const keyLine = (key: ApiKeyView) =>
  [
    key.prefix.padEnd(14),
    `team ${key.team_id}`,
    key.brand_id === null ? 'all brands' : `brand ${key.brand_id}`,
    key.label ?? '-',
    `created ${key.created_at}`,
    `last used ${key.last_used_at ?? 'never'}`,
    key.revoked_at ? `REVOKED ${key.revoked_at}` : 'active',
  ].join('  ');

const showOnce = (apiKey: string) => [`API key (shown only now, store it safely): ${apiKey}`];

/** The administration commands: `npm run cli -- <group> <action> [--options]`. */
export const COMMANDS: Record<string, Command> = {
  'team create': {
    usage: `team create --name NAME [--plan ${PLANS.join('|')}]`,
    summary: 'Create a team and its first API key',
    async run(app, options) {
      const { team, api_key } = await app
        .get(TenancyService)
        .createTeam({ name: required(options, 'name'), plan: options.plan });
      return {
        json: { team: { id: team.id, name: team.name, plan: team.plan }, api_key },
        text: [
          `Team ${team.id} "${team.name}" created on the ${team.plan} plan.`,
          ...showOnce(api_key),
        ],
      };
    },
  },
  'team list': {
    usage: 'team list',
    summary: 'List teams',
    async run(app) {
      const teams = await app.get(TenancyService).listTeams();
      return {
        json: { teams },
        text: teams.length
          ? teams.map((t) => `${String(t.id).padStart(5)}  ${t.plan.padEnd(10)}  ${t.name}`)
          : ['No teams yet: npm run cli -- team create --name NAME'],
      };
    },
  },
  'team set-plan': {
    usage: `team set-plan --team ID --plan ${PLANS.join('|')}`,
    summary: "Change a team's plan (and so its rate limit)",
    async run(app, options) {
      const team = await app
        .get(TenancyService)
        .changePlan(id(options, 'team'), required(options, 'plan'));
      return {
        json: { team },
        text: [`Team ${team.id} "${team.name}" is now on the ${team.plan} plan.`],
      };
    },
  },
  'brand create': {
    usage: 'brand create --team ID --name NAME',
    summary: 'Add a brand to a team',
    async run(app, options) {
      const brand = await app
        .get(TenancyService)
        .createBrand(id(options, 'team'), required(options, 'name'));
      return {
        json: { brand },
        text: [`Brand ${brand.id} "${brand.name}" created in team ${brand.team_id}.`],
      };
    },
  },
  'brand list': {
    usage: 'brand list --team ID',
    summary: "List a team's brands",
    async run(app, options) {
      const brands = await app.get(TenancyService).listBrands(id(options, 'team'));
      return {
        json: { brands },
        text: brands.length
          ? brands.map((b) => `${String(b.id).padStart(5)}  ${b.name}`)
          : ['No brands.'],
      };
    },
  },
  'key create': {
    usage: 'key create --team ID [--brand ID] [--label TEXT]',
    summary: 'Issue an API key for a team, optionally limited to one brand',
    async run(app, options) {
      const issued = await app.get(TenancyService).createApiKey(id(options, 'team'), {
        brandId: options.brand === undefined ? undefined : id(options, 'brand'),
        label: options.label,
      });
      return { json: issued, text: [keyLine(issued.key), ...showOnce(issued.api_key)] };
    },
  },
  'key revoke': {
    usage: 'key revoke --prefix PREFIX',
    summary: 'Revoke an API key at once (by the prefix shown in key list)',
    async run(app, options) {
      const key = await app.get(TenancyService).revokeApiKey(required(options, 'prefix'));
      return { json: { key }, text: [`Revoked: ${keyLine(key)}`] };
    },
  },
  'key list': {
    usage: 'key list --team ID',
    summary: "List a team's API keys (prefixes only; keys are never shown again)",
    async run(app, options) {
      const keys = await app.get(TenancyService).listApiKeys(id(options, 'team'));
      return { json: { keys }, text: keys.length ? keys.map(keyLine) : ['No keys.'] };
    },
  },
  'events requeue-failed': {
    usage: 'events requeue-failed [--since ISO-TIME]',
    summary:
      'Put FAILED events (monitor and AML) back into processing, all or those received since a time',
    async run(app, options) {
      const since = options.since === undefined ? null : isoTime(options.since, 'since');
      const requeued = await app.get(FailedEvents).requeue(since);
      return {
        json: { requeued },
        text: [
          `Requeued ${requeued.monitor} monitor events and ${requeued.aml} AML betting events` +
            (since ? ` received since ${since.toIso()}.` : '.'),
        ],
      };
    },
  },
  migrate: {
    usage: 'migrate',
    summary: 'Apply pending database migrations (the service also does it at start)',
    run(app) {
      const applied = app.get(DatabaseState).migrationsApplied;
      return Promise.resolve({
        json: { migrations_applied: applied },
        text: [applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.'],
      });
    },
  },
  ...MAXBRIDGE_COMMANDS,
  ...CASH_DESK_COMMANDS,
  ...DASHBOARD_COMMANDS,
};
