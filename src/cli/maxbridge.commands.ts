import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { requestHash } from '../maxbridge/signing/request-hash';
import { DocumentStatus } from '../maxbridge/wallet/document-types';
import { WalletAdminService } from '../maxbridge/wallet/wallet-admin.service';
import { required, UsageError, type Command, type CommandOptions } from './command';

export function integer(options: CommandOptions, name: keyof CommandOptions, min = 0): number {
  const value = required(options, name);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new UsageError(`--${name} must be an integer >= ${min}`);
  }
  return Number(value);
}

export const optionalInteger = (options: CommandOptions, name: keyof CommandOptions, min = 0) =>
  options[name] === undefined ? undefined : integer(options, name, min);

const cents = (value: number | string) => (Number(value) / 100).toFixed(2);

/** The wallet's administration: `npm run cli -- maxbridge <action>`. */
export const MAXBRIDGE_COMMANDS: Record<string, Command> = {
  'maxbridge user create': {
    usage:
      'maxbridge user create --username U --password P --currency EUR [--balance CENTS] [--status ID] ' +
      '[--full-name TEXT] [--birth-date YYYY-MM-DD] [--min-limit CENTS] [--max-limit CENTS] [--domain HOST]',
    summary: 'Create a wallet user with an account (the balance is an opening ledger row)',
    async run(app, options) {
      const admin = app.get(WalletAdminService);
      const userId = await admin.createUser({
        userName: required(options, 'username'),
        password: required(options, 'password'),
        currency: required(options, 'currency'),
        balance: optionalInteger(options, 'balance') ?? 0,
        statusId: optionalInteger(options, 'status', 1),
        fullName: options['full-name'],
        birthDate: options['birth-date'],
        minLimit: optionalInteger(options, 'min-limit', 1),
        maxLimit: optionalInteger(options, 'max-limit', 1),
        registrationDomain: options.domain,
      });
      return showUser(admin, userId, 'created');
    },
  },
  'maxbridge user show': {
    usage: 'maxbridge user show --id N',
    summary: 'Show a wallet user: status, limits, accounts (balance and ledger sum), documents',
    async run(app, options) {
      return showUser(app.get(WalletAdminService), integer(options, 'id', 1));
    },
  },
  'maxbridge document add': {
    usage:
      'maxbridge document add --user N --type ID --number TEXT [--personal-id TEXT] [--country ISO-NUMERIC] ' +
      '[--issue-date YYYY-MM-DD] [--expiry-date YYYY-MM-DD] [--authority TEXT] [--place TEXT] [--doc-status 0|1|2]',
    summary:
      'Add an identity document to a user (types: the seed table, e.g. 1 IDCard, 2 Passport)',
    async run(app, options) {
      const admin = app.get(WalletAdminService);
      const userId = integer(options, 'user', 1);
      const status = optionalInteger(options, 'doc-status');
      if (status !== undefined && !(status in DocumentStatus)) {
        throw new UsageError('--doc-status must be 0 (Unverified), 1 (Verified) or 2 (Rejected)');
      }
      const documentId = await admin.addDocument({
        userId,
        typeId: integer(options, 'type', 1),
        number: required(options, 'number'),
        personalId: options['personal-id'],
        countryId: optionalInteger(options, 'country', 1),
        issueDate: options['issue-date'],
        expirationDate: options['expiry-date'],
        issuingAuthority: options.authority,
        issuingPlace: options.place,
        status,
      });
      return {
        json: { document_id: documentId, user_id: userId },
        text: [`Document ${documentId} added to user ${userId}.`],
      };
    },
  },
  'maxbridge credit': {
    usage: 'maxbridge credit --user N --amount CENTS --currency EUR [--note TEXT]',
    summary: "Add money to a user's account (an adjustment ledger row)",
    async run(app, options) {
      const userId = integer(options, 'user', 1);
      const amount = integer(options, 'amount', 1);
      const currency = required(options, 'currency').toUpperCase();
      const entryId = await app
        .get(WalletAdminService)
        .credit(userId, amount, currency, options.note ?? null);
      const shown = await showUser(app.get(WalletAdminService), userId);
      return {
        json: { ledger_entry_id: entryId, ...shown.json },
        text: [
          `Credited ${cents(amount)} ${currency} to user ${userId} (ledger row ${entryId}).`,
          ...shown.text,
        ],
      };
    },
  },
  'maxbridge sign': {
    usage:
      'maxbridge sign --body JSON [--path /api/payment/get-user-info] [--nonce N] [--secret S] [--url BASE]',
    summary:
      'Sign a MaxBridge request: Nonce, Hash and a curl line (with the configured secret, or --secret: ' +
      "nonce 1234, the seed's body and --secret secret give the seed's 6f2c41f9...)",
    run(app, options) {
      const config = app.get<AppConfig>(APP_CONFIG);
      const secret =
        options.secret ?? (config.maxbridge.enabled ? config.maxbridge.hashSecrets[0] : undefined);
      if (!secret) {
        throw new UsageError(
          'MaxBridge has no secret here: set MAXBRIDGE_HASH_SECRET, or give --secret',
        );
      }
      const body = required(options, 'body');
      const nonce = options.nonce ?? `${Date.now()}${randomBytes(4).toString('hex')}`;
      const hash = requestHash(nonce, body, secret);
      const url = `${options.url ?? `http://localhost:${config.port}`}${options.path ?? '/api/payment/get-user-info'}`;
      const quoted = `'${body.replaceAll("'", "'\\''")}'`;
      const curl =
        `curl -s -H 'Nonce: ${nonce}' -H 'Hash: ${hash}' -H 'Content-Type: application/json' ` +
        `--data-binary ${quoted} ${url}`;
      return Promise.resolve({
        json: { nonce, hash, url, curl },
        text: [`Nonce: ${nonce}`, `Hash: ${hash}`, '', curl],
      });
    },
  },
};

async function showUser(admin: WalletAdminService, userId: number, verb?: string) {
  const { user, accounts, documents } = await admin.showUser(userId);
  const json = {
    user: {
      id: user.id,
      username: user.user_name,
      full_name: user.full_name,
      birth_date: user.birth_date,
      status: { id: user.user_status_id, name: user.status_name, block_type: user.block_type },
      preferred_currency_id: user.preferred_currency_id,
      transaction_min_limit: Number(user.transaction_min_limit),
      transaction_max_limit: Number(user.transaction_max_limit),
      registration_domain: user.registration_domain,
    },
    accounts: accounts.map((a) => ({
      id: a.id,
      currency: a.currency,
      balance: a.balance,
      ledger_sum: a.ledgerSum,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      type_id: d.document_type_id,
      number: d.document_number,
      status: d.status,
    })),
  };
  const text = [
    `User ${user.id} "${user.user_name}"${verb ? ` ${verb}` : ''}: ${user.status_name} (status ${user.user_status_id}), ` +
      `limits ${cents(user.transaction_min_limit)}..${cents(user.transaction_max_limit)}`,
    ...accounts.map(
      (a) =>
        `  account ${a.id}: ${cents(a.balance)} ${a.currency} (ledger sum ${cents(a.ledgerSum)})`,
    ),
    ...documents.map((d) => `  document ${d.id}: type ${d.document_type_id} ${d.document_number}`),
  ];
  return { json, text };
}
