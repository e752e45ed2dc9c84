import { applyDecorators } from '@nestjs/common';
import { ApiQuery, type ApiQueryOptions } from '@nestjs/swagger';
import { ALERT_STATUSES } from '../alerts/alert-status';
import { SEVERITIES } from '../engine/rule-settings';
import { RULE_PACK } from '../rules/rule-pack';

/**
 * The detection lists' query parameters, declared for Swagger UI's "Try it out" (the routes
 * parse them themselves, into the monitor's 400 when wrong).
 */
const PAGE: ApiQueryOptions[] = [
  { name: 'page', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
  {
    name: 'size',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
];

const list = (name: string, values: readonly string[], what: string): ApiQueryOptions => ({
  name,
  required: false,
  description: `${what}, comma-separated`,
  schema: { type: 'string', example: values[0] },
  examples: Object.fromEntries(values.map((value) => [value, { value }])),
});

const time = (name: string, description: string): ApiQueryOptions => ({
  name,
  required: false,
  description,
  schema: { type: 'string', format: 'date-time', example: '2026-02-03T00:00:00Z' },
});

const ALERT_QUERY: ApiQueryOptions[] = [
  list('status', ALERT_STATUSES, 'Statuses'),
  list('severity', SEVERITIES, 'Severities'),
  list(
    'rule',
    RULE_PACK.map((rule) => rule.code),
    'Rule codes',
  ),
  { name: 'player', required: false, description: 'Your player id', schema: { type: 'string' } },
  { name: 'assignee', required: false, schema: { type: 'string' } },
  {
    name: 'assigned',
    required: false,
    description: '`false`: the alerts no one has taken; `true`: the others',
    schema: { type: 'boolean' },
  },
  time('from', 'Created at or after (ISO time with a zone)'),
  time('to', 'Created before (ISO time with a zone)'),
  {
    name: 'sort',
    required: false,
    description: '`-` before it for descending',
    schema: {
      type: 'string',
      enum: ['-created_at', 'created_at', '-last_hit_at', 'last_hit_at', '-severity', 'severity'],
      default: '-created_at',
    },
  },
  ...PAGE,
];

const PLAYER_QUERY: ApiQueryOptions[] = [
  {
    name: 'level',
    required: false,
    schema: { type: 'string', enum: ['LOW', 'MEDIUM', 'HIGH'] },
  },
  {
    name: 'min_score',
    required: false,
    schema: { type: 'integer', minimum: 0, maximum: 100 },
  },
  ...PAGE,
];

const declare = (queries: ApiQueryOptions[]) =>
  applyDecorators(...queries.map((query) => ApiQuery(query)));

export const AlertListQuery = () => declare(ALERT_QUERY);
export const PlayerListQuery = () => declare(PLAYER_QUERY);
