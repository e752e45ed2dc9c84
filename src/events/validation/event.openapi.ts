import type { SchemaObject } from '@nestjs/swagger';
import { ISO_CURRENCIES } from '../../common/iso/currencies';
import {
  DEVICE_TYPES,
  EVENT_TYPES,
  GAME_TYPES,
  PAYMENT_OPERATORS,
} from '../../database/migrations/data/1763700000000-lookups';
import type { LookupKind } from '../../lookups/lookups.service';
import {
  EVENT_FIELDS,
  EVENT_GROUPS,
  MAX_BATCH_EVENTS,
  type EventField,
  type EventGroup,
  type FieldRule,
} from './event-fields';

/** The request schemas of the ingestion routes, derived from the rule set (EVENT_FIELDS). */

const LOOKUP_CODES: Record<LookupKind, string[]> = {
  event_type: EVENT_TYPES.map(([, code]) => code),
  game_type: GAME_TYPES.map(([, code]) => code),
  device_type: DEVICE_TYPES.map(([, code]) => code),
  operator: PAYMENT_OPERATORS.map(([, code]) => code),
};

function schemaOf(rule: FieldRule): SchemaObject {
  switch (rule.type) {
    case 'string':
      return { type: 'string', minLength: 1, maxLength: rule.maxLength };
    case 'code':
      return { type: 'string', enum: LOOKUP_CODES[rule.lookup] };
    case 'country':
      return { type: 'string', pattern: '^[A-Z]{3}$' };
    case 'currency':
      return { type: 'string', pattern: '^[A-Z]{3}$', example: ISO_CURRENCIES[0].code };
    case 'integer':
      return { type: 'integer', format: 'int64', minimum: rule.min, maximum: rule.max };
    case 'number':
      return { type: 'number', format: 'double', minimum: rule.min, maximum: rule.max };
    case 'ip':
      return { type: 'string', format: 'ip', description: 'IPv4 or IPv6' };
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
  }
}

function propertyOf(field: EventField, name: string): [string, SchemaObject] {
  return [
    name,
    { ...schemaOf(field.rule), description: field.description, example: field.example },
  ];
}

function objectOf(
  fields: readonly EventField[],
  nameOf: (f: EventField) => string,
  description?: string,
): SchemaObject {
  return {
    type: 'object',
    description,
    required: fields.filter((f) => f.required).map(nameOf),
    properties: Object.fromEntries(fields.map((f) => propertyOf(f, nameOf(f)))),
  };
}

export const GROUPED_EVENT_SCHEMA: SchemaObject = {
  ...objectOf(
    EVENT_FIELDS.filter((f) => f.group === null),
    (f) => f.key,
    'An event in the grouped structure',
  ),
  required: [
    'event_id',
    ...Object.entries(EVENT_GROUPS)
      .filter(([, g]) => g.required)
      .map(([name]) => name),
  ],
};
for (const [group, { description }] of Object.entries(EVENT_GROUPS) as [
  EventGroup,
  { description: string },
][]) {
  GROUPED_EVENT_SCHEMA.properties![group] = objectOf(
    EVENT_FIELDS.filter((f) => f.group === group),
    (f) => f.key,
    description,
  );
}

export const FLAT_EVENT_SCHEMA: SchemaObject = objectOf(
  EVENT_FIELDS,
  (f) => f.flat,
  'An event in the flat structure of the curl example; stored exactly like the grouped one',
);

export const SINGLE_EVENT_BODY_SCHEMA: SchemaObject = {
  oneOf: [GROUPED_EVENT_SCHEMA, FLAT_EVENT_SCHEMA],
};

export const BATCH_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['events'],
  properties: {
    events: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_BATCH_EVENTS,
      description: `1 to ${MAX_BATCH_EVENTS} events, each grouped or flat; each is judged alone`,
      items: { oneOf: [GROUPED_EVENT_SCHEMA, FLAT_EVENT_SCHEMA] },
    },
  },
};
