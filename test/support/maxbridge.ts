import { randomBytes } from 'node:crypto';
import { SqlDatabase } from '../../src/database/sql-database';
import type { Location } from '../../src/maxbridge/cash-desk/locations/locations.repository';
import {
  LocationsService,
  type NewLocation,
} from '../../src/maxbridge/cash-desk/locations/locations.service';
import { RetailKeysService } from '../../src/maxbridge/cash-desk/retail/retail-keys.service';
import { requestHash } from '../../src/maxbridge/signing/request-hash';
import {
  WalletAdminService,
  type NewWalletUser,
} from '../../src/maxbridge/wallet/wallet-admin.service';
import { TEST_MAXBRIDGE_SECRET, type TestApp } from './test-app';

export interface SignedAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export const newNonce = () => randomBytes(12).toString('hex');

/**
 * POSTs `body` to a MaxBridge route as a cash desk would: the exact string sent is the one
 * signed. `body` as an object is sent as compact JSON.
 */
export async function signedPost(
  t: TestApp,
  path: string,
  body: object | string,
  options: {
    nonce?: string;
    secret?: string;
    hash?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<SignedAnswer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const nonce = options.nonce ?? newNonce();
  const hash = options.hash ?? requestHash(nonce, text, options.secret ?? TEST_MAXBRIDGE_SECRET);
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', nonce, hash, ...options.headers },
    body: text,
  });
  const answer = await response.text();
  return { status: response.status, text: answer, body: answer ? JSON.parse(answer) : null };
}

/** A wallet user of its own for a test (unique username), with an EUR account. */
export async function createWalletUser(
  t: TestApp,
  overrides: Partial<NewWalletUser> = {},
): Promise<number> {
  return t.app.get(WalletAdminService).createUser({
    userName: `user-${randomBytes(6).toString('hex')}`,
    password: 'correct horse battery',
    currency: 'EUR',
    balance: 0,
    ...overrides,
  });
}

export interface LedgerRow {
  id: number;
  account_id: number;
  type: string;
  amount: number;
  fee: number | null;
  currency: string;
  balance_after: number;
  provider_transaction_id: string | null;
  core_transaction_id: string;
  service_id: number | null;
  client_ip: string | null;
  language: string | null;
}

/** What the database holds for a user: each account's balance, its ledger and the ledger's sum. */
export async function walletState(t: TestApp, userId: number) {
  const database = t.app.get(SqlDatabase);
  const accounts = await database.select<{ id: number; currency: string; balance: string }>(
    'SELECT id, currency, balance FROM wallet_accounts WHERE user_id = ? ORDER BY id',
    [userId],
  );
  const ledger = (
    await database.select<Record<string, unknown>>(
      'SELECT l.id, l.account_id, l.type, l.amount, l.fee, l.currency, l.balance_after, l.provider_transaction_id, ' +
        'l.core_transaction_id, l.service_id, l.client_ip, l.language FROM wallet_ledger l ' +
        'JOIN wallet_accounts a ON a.id = l.account_id WHERE a.user_id = ? ORDER BY l.id',
      [userId],
    )
  ).map((row): LedgerRow => ({
    ...(row as unknown as LedgerRow),
    id: Number(row.id),
    amount: Number(row.amount),
    fee: row.fee === null ? null : Number(row.fee),
    balance_after: Number(row.balance_after),
  }));
  return {
    balances: Object.fromEntries(accounts.map((a) => [a.currency, Number(a.balance)])),
    ledger,
    ledgerSums: Object.fromEntries(
      accounts.map((a) => [
        a.currency,
        ledger.filter((row) => row.account_id === a.id).reduce((sum, row) => sum + row.amount, 0),
      ]),
    ),
  };
}

/** A cash desk of its own for a test, open Monday to Saturday as the seed's. */
export async function createLocation(
  t: TestApp,
  overrides: Partial<NewLocation> = {},
): Promise<Location> {
  return t.app.get(LocationsService).create({
    name: `Desk ${randomBytes(4).toString('hex')}`,
    description: 'test desc',
    lat: 14.6937,
    long: -17.4441,
    openHours: SEED_OPEN_HOURS,
    cityId: null,
    districtId: null,
    ...overrides,
  });
}

/** The seed's `open_hours`. */
export const SEED_OPEN_HOURS = {
  monday: { open: '09:00', close: '18:00' },
  tuesday: { open: '09:00', close: '18:00' },
  wednesday: { open: '09:00', close: '18:00' },
  thursday: { open: '09:00', close: '18:00' },
  friday: { open: '09:00', close: '18:00' },
  saturday: { open: '10:00', close: '16:00' },
  sunday: '',
} as const;

/** A new retail key (as `maxbridge retail-key create` makes one). */
export async function createRetailKey(t: TestApp): Promise<string> {
  return (await t.app.get(RetailKeysService).create('e2e')).key;
}

/** A call of the retail system: `Authorization: <key>` (none when `key` is null). */
export async function retailCall(
  t: TestApp,
  key: string | null,
  method: 'GET' | 'POST',
  path: string,
  body?: object | string,
): Promise<SignedAnswer> {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      ...(key !== null && { authorization: key }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const answer = await response.text();
  return { status: response.status, text: answer, body: answer ? JSON.parse(answer) : null };
}
