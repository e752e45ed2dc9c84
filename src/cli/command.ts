import type { INestApplicationContext } from '@nestjs/common';

/** What every command of `npm run cli` is: its options, its result, its usage errors. */
export interface CommandOptions {
  name?: string;
  plan?: string;
  team?: string;
  brand?: string;
  label?: string;
  prefix?: string;
  // maxbridge
  id?: string;
  user?: string;
  username?: string;
  password?: string;
  currency?: string;
  balance?: string;
  amount?: string;
  status?: string;
  'full-name'?: string;
  'birth-date'?: string;
  'min-limit'?: string;
  'max-limit'?: string;
  domain?: string;
  note?: string;
  type?: string;
  number?: string;
  'personal-id'?: string;
  country?: string;
  'issue-date'?: string;
  'expiry-date'?: string;
  authority?: string;
  place?: string;
  'doc-status'?: string;
  body?: string;
  path?: string;
  nonce?: string;
  url?: string;
  secret?: string;
  description?: string;
  lat?: string;
  long?: string;
  hours?: string;
  city?: string;
  district?: string;
  location?: string;
  // events
  since?: string;
  // dashboard
  email?: string;
  role?: string;
}

/** The string options of every command, for the argument parser. */
export const STRING_OPTIONS: readonly (keyof CommandOptions)[] = [
  'name',
  'plan',
  'team',
  'brand',
  'label',
  'prefix',
  'id',
  'user',
  'username',
  'password',
  'currency',
  'balance',
  'amount',
  'status',
  'full-name',
  'birth-date',
  'min-limit',
  'max-limit',
  'domain',
  'note',
  'type',
  'number',
  'personal-id',
  'country',
  'issue-date',
  'expiry-date',
  'authority',
  'place',
  'doc-status',
  'body',
  'path',
  'nonce',
  'url',
  'secret',
  'description',
  'lat',
  'long',
  'hours',
  'city',
  'district',
  'location',
  'since',
  'email',
  'role',
];

/** What a command printed: one JSON object with `--json`, lines of text otherwise. */
export interface CommandResult {
  json: object;
  text: string[];
}

export interface Command {
  usage: string;
  summary: string;
  run(app: INestApplicationContext, options: CommandOptions): Promise<CommandResult>;
}

export class UsageError extends Error {}

export function required(options: CommandOptions, name: keyof CommandOptions): string {
  const value = options[name];
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}
