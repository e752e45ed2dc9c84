import type { ApiBodyOptions, ApiOperationOptions } from '@nestjs/swagger';

const LANGUAGE =
  ' Titles, reasons and risk factors are written in the language of `Accept-Language`: English, French (`fr`) or Brazilian Portuguese (`pt`, `pt-BR`).';
const PAGING =
  ' Lists take `page` (from 1) and `size` (1 to 100, default 20); an unknown query parameter is a 400.';

/** The Swagger texts of the detection routes: what each does, and what was chosen where the contract is silent. */
export const DetectionDocs = {
  listRules: {
    summary: 'The rule pack, with your settings',
    description:
      'Every rule of the gambling rule pack, in the order they run, with your effective mode (`off`, `shadow`, `on`), ' +
      'severity, version, parameters (value, default, bounds, unit) and the regulatory situation it serves. Money ' +
      'parameters are minor units per currency (the monitor’s `amount_cents`, the AML API’s cents); a rule is skipped ' +
      'for a currency it has no amount for. Version 1 is the pack’s defaults; each change makes the next version.' +
      LANGUAGE,
  } satisfies ApiOperationOptions,
  getRule: {
    summary: 'One rule, with what it found lately',
    description:
      'The rule as the list shows it, plus `hits_by_day` (the last 30 days, hits that raised alerts (`on`) and hits ' +
      'recorded in shadow mode, by processing day, UTC) and `shadow_hits` (the latest 20, with their reason): try a ' +
      'threshold on live traffic in shadow mode before turning it on.' +
      LANGUAGE,
  } satisfies ApiOperationOptions,
  putRule: {
    summary: 'Change a rule’s mode, severity or parameters',
    description:
      '`mode`, `severity` and `parameters`, any subset. `parameters` is a JSON merge patch: `null` returns a parameter ' +
      '(or one currency of a money parameter, one key of `modes`) to its default. A bad or unknown field or parameter is ' +
      'a 400 naming it. Each change is a new version, with its time and author (this API key); it applies to events ' +
      'processed after it; a change that changes nothing makes no version. Answers the rule as `GET /rules` shows it.',
  } satisfies ApiOperationOptions,
  putRuleBody: {
    schema: {
      type: 'object',
      properties: {
        mode: { type: 'string', enum: ['off', 'shadow', 'on'] },
        severity: { type: 'string', enum: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] },
        parameters: { type: 'object', additionalProperties: true },
      },
    },
    examples: {
      shadow: {
        summary: 'Try a lower count in shadow mode',
        value: { mode: 'shadow', parameters: { count: 4 } },
      },
      threshold: {
        summary: 'A XOF threshold, EUR back to its default',
        value: { parameters: { threshold: { XOF: 50000000, EUR: null } } },
      },
      ipsOn: {
        summary: 'SHARED_IDENTIFIER: alert on shared IPs too',
        value: { parameters: { modes: { ip: 'on' } } },
      },
    },
  } satisfies ApiBodyOptions,
  ruleVersions: {
    summary: 'Every version of a rule’s settings',
    description:
      'Newest first: each version’s mode, severity, the parameters you changed (`parameters`, only the overrides), its ' +
      'author (`{"kind":"key","id":...}`) and time. Version 1, the pack’s defaults, has no author.' +
      PAGING,
  } satisfies ApiOperationOptions,
  listAllowlist: {
    summary: 'Identifiers shared honestly',
    description:
      'IP addresses, phones and session ids that SHARED_IDENTIFIER skips (a shop’s IP, a test phone), and that link no ' +
      'players in risk scores.' +
      PAGING,
  } satisfies ApiOperationOptions,
  addAllowlist: {
    summary: 'Allowlist an identifier',
    description:
      '`{"kind":"ip"|"phone"|"session","value":"...","note":"..."}`. 201 when added, 200 when it was there already. ' +
      'Applies to events processed after it. Values are kept, and compared, in one spelling, as the events’ are: an ' +
      'IPv6 address in its canonical form (`2001:DB8:0::77` is `2001:db8::77`; `::ffff:41.82.10.5` is `41.82.10.5`), ' +
      'a phone without spaces, dots, dashes or brackets and with `00` written `+`; session ids as sent. An `ip` ' +
      'value must be an IP address.',
  } satisfies ApiOperationOptions,
  addAllowlistBody: {
    schema: {
      type: 'object',
      required: ['kind', 'value'],
      properties: {
        kind: { type: 'string', enum: ['ip', 'phone', 'session'] },
        value: { type: 'string', maxLength: 100 },
        note: { type: 'string', maxLength: 200 },
      },
    },
    examples: {
      shop: {
        summary: 'A shop’s IP',
        value: { kind: 'ip', value: '41.82.10.5', note: 'Dakar Plateau shop' },
      },
    },
  } satisfies ApiBodyOptions,
  removeAllowlist: {
    summary: 'Remove an identifier from the allowlist',
    description:
      '204; 404 when it is not allowlisted. The value is matched in the same spelling as when added.',
  } satisfies ApiOperationOptions,
  listAlerts: {
    summary: 'The alert queue',
    description:
      'Newest first. Filters: `status`, `severity`, `rule` (comma-separated lists), `player` (your player id), ' +
      '`assignee`, `assigned` (`false`: the alerts no one has taken; `true`: the others), `from` (inclusive) and `to` ' +
      '(exclusive; ISO times with a zone, on the creation time), `sort` (`created_at`, `last_hit_at` or ' +
      '`severity`, `-` before it for descending; default `-created_at`). One alert per player and rule while it is OPEN ' +
      'or ACKNOWLEDGED and its last hit is within the rule’s `cooldown_hours` (24 by default): later hits join it and ' +
      'raise `hit_count`; a hit after it is RESOLVED or FALSE_POSITIVE opens a new alert.' +
      PAGING +
      LANGUAGE,
  } satisfies ApiOperationOptions,
  getAlert: {
    summary: 'One alert: reason, events and history',
    description:
      'The alert, its reason (the rule’s code and the figures that triggered it, and the same in words), the rule ' +
      'version that raised it, its events (the latest 100 by event time, newest first, whatever order they arrived in, each with its own reason; `total` says how many ' +
      'there are) and its history (creation and every change, oldest first).' +
      LANGUAGE,
  } satisfies ApiOperationOptions,
  patchAlert: {
    summary: 'Work an alert: status, assignee, note',
    description:
      '`{"status":"ACKNOWLEDGED","note":"...","assignee":"..."}`, any subset. Moves: OPEN -> ACKNOWLEDGED -> RESOLVED or ' +
      'FALSE_POSITIVE, or OPEN straight to either; any other move is a 409. `assignee: null` unassigns. Every change ' +
      'is kept in the alert’s history with its author (this API key). The player’s risk score follows at once: a ' +
      'FALSE_POSITIVE adds nothing to it.',
  } satisfies ApiOperationOptions,
  patchAlertBody: {
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE'] },
        assignee: { type: 'string', nullable: true, maxLength: 100 },
        note: { type: 'string', maxLength: 2000 },
      },
    },
    examples: {
      acknowledge: {
        summary: 'Take it',
        value: {
          status: 'ACKNOWLEDGED',
          assignee: 'aminata.diallo',
          note: 'Checking with the PSP',
        },
      },
      close: {
        summary: 'Close it',
        value: { status: 'FALSE_POSITIVE', note: 'Family shop, known' },
      },
    },
  } satisfies ApiBodyOptions,
  listPlayers: {
    summary: 'Players by risk',
    description:
      'Your players with a stored risk score, highest first; filters `level` (LOW, MEDIUM, HIGH) and `min_score`. A ' +
      'score is stored when the player’s alerts, links (an identifier shared with another player, or allowlisted) or ' +
      'withdrawals at a low KYC level change, and refreshed as it decays (every 10 minutes, for scores older than an ' +
      'hour); `GET /players/:id` computes it afresh.' +
      PAGING,
  } satisfies ApiOperationOptions,
  getPlayer: {
    summary: 'A player’s risk, explained',
    description:
      'Profile; counters of deposits, withdrawals, stakes and wins per currency over 24 h, 7 d and 30 d (by event ' +
      'time, to the hour); open alerts; players linked by a shared identifier (IP, phone, session; allowlisted ones ' +
      'left out); and a risk score 0..100 with its level (LOW below 30, MEDIUM below 60, HIGH) explained factor by ' +
      'factor: each alert adds its severity’s points (LOW 5, MEDIUM 12, HIGH 25, CRITICAL 40), halving every 30 days ' +
      'after its last hit, half for a RESOLVED alert and nothing for a FALSE_POSITIVE; 5 points per linked player ' +
      '(at most 15, identifiers of the kinds SHARED_IDENTIFIER alerts on); 10 points for withdrawals within 30 days at ' +
      'a KYC level below 2.' +
      LANGUAGE,
  } satisfies ApiOperationOptions,
  getPlayerByCpf: {
    summary: 'An AML bettor’s risk, by CPF',
    description:
      'The same view as `GET /players/:external_id`, for the bettor the AML Betting Events API knows by this CPF.',
  } satisfies ApiOperationOptions,
};
