import { hash } from 'node:crypto';
import { isIP } from 'node:net';
import type { FieldIssue } from '../../common/errors/app-error';
import { isIsoCountryAlpha3 } from '../../common/iso/countries';
import { isIsoCurrency } from '../../common/iso/currencies';
import {
  cutAt,
  hasControlCharacters,
  isLongerThan,
  isWellFormed,
} from '../../common/text/well-formed';
import { parseIsoTimestamp } from '../../common/time/iso-timestamp';
import { MicroTime } from '../../common/time/micro-time';
import type { LookupsService } from '../../lookups/lookups.service';
import { monitorIssue } from '../../monitor-api/monitor-field-messages';
import {
  EVENT_FIELDS,
  EVENT_GROUPS,
  type EventField,
  type EventGroup,
  type MonitorEvent,
} from './event-fields';

/** An event that passed every rule, with what is derived from it. */
export interface ValidEvent {
  event: MonitorEvent;
  time: MicroTime;
  /** YYYYMM of the event time, UTC. */
  month: number;
  /** SHA-256 of the normalised event: the same event sent flat or grouped has the same hash. */
  contentHash: string;
}

export type EventCheck =
  | { valid: true; value: ValidEvent }
  | { valid: false; issues: FieldIssue[]; externalEventId: string | null };

const EARLIEST_EVENT_MICROS = Date.UTC(2000, 0, 1) * 1000;
const MAX_AHEAD_MICROS = 24 * 3600 * 1_000_000;
const ECHO_LIMIT = 60;
const GROUPS = Object.entries(EVENT_GROUPS) as [EventGroup, { required: boolean }][];
const INDEX = Object.fromEntries(EVENT_FIELDS.map((field, index) => [field.flat, index])) as Record<
  keyof MonitorEvent,
  number
>;
const EXTERNAL_ID_INDEX = INDEX.external_event_id;
const TIMESTAMP_INDEX = INDEX.event_timestamp;
/** The `ip_address` column's width: an IPv6 address with a long zone id does not fit. */
const MAX_IP_LENGTH = 45;

/** `prefix + path` names the field in the request; built only for an issue. */
type Check = (value: unknown, prefix: string, path: string, label: string) => FieldIssue | null;

/**
 * The monitor event validator, compiled once from EVENT_FIELDS: one small function per field,
 * no reflection or per-request allocation beyond the result. It takes both body shapes:
 * grouped (`event_id`, `player`, `event`, `game`, `metadata`) and the flat one of the seed's curl
 * example (`external_event_id`, `player_id`, ...). Field paths in issues are the ones sent.
 */
export class EventValidator {
  private readonly compiled: readonly { field: EventField; check: Check; groupedPath: string }[];

  constructor(lookups: Pick<LookupsService, 'isKnownCode'>) {
    this.compiled = EVENT_FIELDS.map((field) => ({
      field,
      check: compileCheck(field, lookups),
      groupedPath: field.group ? `${field.group}.${field.key}` : field.key,
    }));
  }

  /** `prefix` names the event inside its request, as in `events[3].`. */
  check(input: unknown, prefix = '', now: number = Date.now() * 1000): EventCheck {
    if (!isObject(input)) {
      return {
        valid: false,
        issues: [monitorIssue(prefix.replace(/\.$/, '') || 'body', 'object', { label: 'event' })],
        externalEventId: null,
      };
    }
    const flat = isFlatBody(input);
    const issues: FieldIssue[] = [];
    // The values in EVENT_FIELDS order: an array is cheap to fill, and it is what the hash takes.
    const values: unknown[] = new Array(this.compiled.length).fill(null);
    const groups = flat ? null : this.readGroups(input, prefix, issues);
    let time: MicroTime | null = null;
    for (let index = 0; index < this.compiled.length; index++) {
      const { field, check, groupedPath } = this.compiled[index];
      const source = flat ? input : field.group ? groups![field.group] : input;
      if (source === undefined) continue; // its group is missing: reported once, above
      const value = source?.[flat ? field.flat : field.key];
      const path = flat ? field.flat : groupedPath;
      if (value === undefined || value === null || value === '') {
        if (field.required) {
          const rule = value === '' ? 'notEmpty' : 'required';
          issues.push(monitorIssue(prefix + path, rule, { label: field.flat }));
        }
        continue;
      }
      let issue: FieldIssue | null;
      if (field.rule.type !== 'timestamp') issue = check(value, prefix, path, field.flat);
      else {
        const checked = this.checkTime(value, prefix, path, field.flat, now);
        issue = checked instanceof MicroTime ? null : checked;
        if (!issue) time = checked as MicroTime;
      }
      if (issue) issues.push(issue);
      else values[index] = value;
    }

    const externalEventId =
      typeof values[EXTERNAL_ID_INDEX] === 'string' ? (values[EXTERNAL_ID_INDEX] as string) : null;
    if (issues.length > 0) return { valid: false, issues, externalEventId };

    time = time!;
    const event = toMonitorEvent(values);
    values[TIMESTAMP_INDEX] = time.micros; // the instant, however it was written
    const contentHash = hash('sha256', JSON.stringify(values));
    return { valid: true, value: { event, time, month: time.toYearMonth(), contentHash } };
  }

  /** The grouped body's objects; a missing optional one is `null`, a broken one `undefined`. */
  private readGroups(input: Record<string, unknown>, prefix: string, issues: FieldIssue[]) {
    const groups = {} as Record<EventGroup, Record<string, unknown> | null | undefined>;
    for (const [group, { required }] of GROUPS) {
      const value = input[group];
      if (isObject(value)) groups[group] = value;
      else if (value === undefined || value === null) {
        if (required) issues.push(monitorIssue(prefix + group, 'required', { label: group }));
        groups[group] = required ? undefined : null;
      } else {
        issues.push(monitorIssue(prefix + group, 'object', { label: group }));
        groups[group] = undefined;
      }
    }
    return groups;
  }

  /** A time stamp: ISO 8601 with a zone, from 2000 to 24 hours ahead; parsed when valid. */
  private checkTime(
    value: unknown,
    prefix: string,
    path: string,
    label: string,
    now: number,
  ): FieldIssue | MicroTime {
    if (typeof value !== 'string') return monitorIssue(prefix + path, 'string', { label });
    const time = parseIsoTimestamp(value);
    if (!time) return monitorIssue(prefix + path, 'timestamp', { label, value: echo(value) });
    if (time.micros < EARLIEST_EVENT_MICROS || time.micros > now + MAX_AHEAD_MICROS) {
      return monitorIssue(prefix + path, 'timeRange', { label, value: echo(value) });
    }
    return time;
  }
}

/** Flat when it has none of the grouped body's keys and at least one of the flat body's own. */
function isFlatBody(input: Record<string, unknown>): boolean {
  if ('event_id' in input || 'player' in input || 'event' in input) return false;
  return 'external_event_id' in input || 'player_id' in input || 'event_type' in input;
}

function compileCheck(field: EventField, lookups: Pick<LookupsService, 'isKnownCode'>): Check {
  const { rule } = field;
  switch (rule.type) {
    case 'string':
      return (value, prefix, path, label) => {
        if (typeof value !== 'string') return monitorIssue(prefix + path, 'string', { label });
        if (!isWellFormed(value)) return monitorIssue(prefix + path, 'text', { label });
        const trimmed = value.trim();
        if (trimmed === '') return monitorIssue(prefix + path, 'notEmpty', { label });
        // Keys are compared with trailing spaces ignored on MySQL (PAD SPACE): refuse them.
        if (rule.key && trimmed !== value) return monitorIssue(prefix + path, 'padded', { label });
        if (rule.key && hasControlCharacters(value)) {
          return monitorIssue(prefix + path, 'control', { label });
        }
        if (isLongerThan(value, rule.maxLength))
          return monitorIssue(prefix + path, 'tooLong', { label, max: rule.maxLength });
        return null;
      };
    case 'code':
      return stringCheck('code', (code) => lookups.isKnownCode(rule.lookup, code));
    case 'country':
      return stringCheck('country', isIsoCountryAlpha3);
    case 'currency':
      return stringCheck('currency', isIsoCurrency);
    case 'ip':
      return stringCheck('ip', (address) => address.length <= MAX_IP_LENGTH && isIP(address) !== 0);
    case 'timestamp':
      // Checked (and parsed, once) by EventValidator.check, which keeps the time.
      return () => null;
    case 'integer':
      return (value, prefix, path, label) => {
        if (typeof value !== 'number' || !Number.isInteger(value))
          return monitorIssue(prefix + path, 'integer', { label });
        if (value < rule.min || value > rule.max)
          return monitorIssue(prefix + path, 'range', { label, min: rule.min, max: rule.max });
        return null;
      };
    case 'number':
      return (value, prefix, path, label) => {
        if (typeof value !== 'number' || !Number.isFinite(value))
          return monitorIssue(prefix + path, 'number', { label });
        if (value < rule.min || value > rule.max)
          return monitorIssue(prefix + path, 'range', { label, min: rule.min, max: rule.max });
        return null;
      };
  }
}

/** A string that `accept`s; anything else is `constraint`, echoing what was sent. */
function stringCheck(
  constraint: 'code' | 'country' | 'currency' | 'ip',
  accept: (text: string) => boolean,
): Check {
  return (value, prefix, path, label) => {
    if (typeof value !== 'string') return monitorIssue(prefix + path, 'string', { label });
    return accept(value)
      ? null
      : monitorIssue(prefix + path, constraint, { label, value: echo(value) });
  };
}

function echo(value: string): string {
  return value.length > ECHO_LIMIT ? `${cutAt(value, ECHO_LIMIT)}…` : value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The validated values as an object of fixed shape (a literal: fast to build and to read). */
function toMonitorEvent(v: unknown[]): MonitorEvent {
  return {
    external_event_id: v[INDEX.external_event_id] as MonitorEvent['external_event_id'],
    player_id: v[INDEX.player_id] as MonitorEvent['player_id'],
    player_phone: v[INDEX.player_phone] as MonitorEvent['player_phone'],
    player_country: v[INDEX.player_country] as MonitorEvent['player_country'],
    player_kyc_level: v[INDEX.player_kyc_level] as MonitorEvent['player_kyc_level'],
    event_type: v[INDEX.event_type] as MonitorEvent['event_type'],
    event_timestamp: v[INDEX.event_timestamp] as MonitorEvent['event_timestamp'],
    amount: v[INDEX.amount] as MonitorEvent['amount'],
    currency: v[INDEX.currency] as MonitorEvent['currency'],
    balance_before: v[INDEX.balance_before] as MonitorEvent['balance_before'],
    balance_after: v[INDEX.balance_after] as MonitorEvent['balance_after'],
    game_type: v[INDEX.game_type] as MonitorEvent['game_type'],
    game_id: v[INDEX.game_id] as MonitorEvent['game_id'],
    game_name: v[INDEX.game_name] as MonitorEvent['game_name'],
    game_sport: v[INDEX.game_sport] as MonitorEvent['game_sport'],
    game_competition: v[INDEX.game_competition] as MonitorEvent['game_competition'],
    game_odds: v[INDEX.game_odds] as MonitorEvent['game_odds'],
    game_bet_id: v[INDEX.game_bet_id] as MonitorEvent['game_bet_id'],
    game_provider: v[INDEX.game_provider] as MonitorEvent['game_provider'],
    device_type: v[INDEX.device_type] as MonitorEvent['device_type'],
    operator: v[INDEX.operator] as MonitorEvent['operator'],
    ip_address: v[INDEX.ip_address] as MonitorEvent['ip_address'],
    session_id: v[INDEX.session_id] as MonitorEvent['session_id'],
    user_agent: v[INDEX.user_agent] as MonitorEvent['user_agent'],
  };
}
