import { MaxBridgeCode } from '../maxbridge-code';
import { maxBridgeAnswer } from '../maxbridge.wire';
import type { LocationView, ReservationView, SsbtTransactionView } from './cash-desk.views';

type Examples = Record<string, { summary: string; value: unknown }>;
const example = (summary: string, value: unknown) => ({ summary, value });

const HOURS = { open: '09:00', close: '18:00' };
/** The seed's desk. */
export const SEED_LOCATION: LocationView = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'Test',
  description: 'test desc',
  lat: 123123,
  long: 21232,
  open_hours: {
    monday: HOURS,
    tuesday: HOURS,
    wednesday: HOURS,
    thursday: HOURS,
    friday: HOURS,
    saturday: { open: '10:00', close: '16:00' },
    sunday: '',
  },
};

/** The seed's reservation, with our decisions: integer cents, GUIDs, ISO times. */
const SEED_RESERVATION: ReservationView = {
  id: 'b841562f-e698-4b1f-a1ac-dfe82d57d61b',
  amount: 12323,
  confirmationPin: '042917',
  fee: 0,
  location: { id: SEED_LOCATION.id, name: 'Test', description: 'test desc' },
  createDate: '2026-12-06T09:15:00.000000Z',
  expirationDate: '2026-12-07T09:15:00.000000Z',
  status: 'Approved',
  description: null,
  user_id: 123,
};

const SEED_DEPOSIT: SsbtTransactionView = {
  transactionId: '00000000-0000-0000-0000-000000000000',
  reservationId: '00000000-0000-0000-0000-000000000000',
  deviceId: 1345,
  identification: 12345,
  amount: 1000,
  currency: 'EUR',
  status: 'Success',
  createdAt: '01-21-2025 16:00',
};

const retailError = (summary: string, code: string, message: string, id?: string) =>
  example(summary, { code, message, ...(id && { id }) });

export const RETAIL_ANSWERS = {
  locations: { retails: example('The desks (seed example)', { retails: [SEED_LOCATION] }) },
  reservation: {
    open: example('The open reservation', SEED_RESERVATION),
  },
  cancelled: { cancelled: example('Cancelled', { ...SEED_RESERVATION, status: 'Cancelled' }) },
  preferredBranch: {
    lastDesk: example('The desk of the last withdrawal (seed example)', SEED_LOCATION),
    firstTime: example('A first-time user: every desk', [SEED_LOCATION]),
  },
  created: {
    reserved: example('Reserved (seed example)', { code: 'RESERVED', id: SEED_RESERVATION.id }),
  },
  conflict: {
    reserved: retailError(
      'An open reservation exists already: its id (seed example)',
      'RESERVED',
      'The user already has an open reservation',
      SEED_RESERVATION.id,
    ),
    insufficientFunds: retailError(
      'The wallet’s balance does not cover the amount',
      'INSUFFICIENT_FUNDS',
      'The balance does not cover the amount',
    ),
  },
  missingField: {
    missing: retailError(
      'A field is missing (seed example: no currency, no userId)',
      'INVALID_REQUEST',
      'currency is required; userId is required',
    ),
  },
  unauthorized: {
    noKey: retailError(
      'No key, or not one of ours',
      'UNAUTHORIZED',
      'A valid retail API key is required in Authorization',
    ),
  },
  malformedId: {
    malformed: retailError(
      'An id that is not a GUID (seed: "Bad request example")',
      'INVALID_REQUEST',
      'reservationId must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6',
    ),
  },
  notFound: {
    none: retailError('Nothing of that id', 'NOT_FOUND', 'User 1234 has no open reservation'),
  },
  ssbtDetails: {
    pending: example('A deposit (seed example)', {
      identification: 1234,
      reference: '00000000-0000-0000-0000-000000000000',
      amount: 10,
      currency: 'EUR',
      reservationId: '00000000-0000-0000-0000-000000000000',
      deviceId: 1212,
      status: 'Success',
    }),
  },
  ssbtTransaction: {
    opened: example('Opened, waiting for a commit or a deposit', {
      ...SEED_DEPOSIT,
      status: 'Pending',
    }),
    committed: example('Committed (seed example)', SEED_DEPOSIT),
    rejected: example('Rejected', { ...SEED_DEPOSIT, status: 'Rejected' }),
  },
} satisfies Record<string, Examples>;

export const FRONT_END_ANSWERS = {
  locations: {
    found: example(
      'The desks (seed example)',
      maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, { retails: [SEED_LOCATION] }, 'Success'),
    ),
    noSession: example('No open session', maxBridgeAnswer(MaxBridgeCode.SESSION_NOT_FOUND)),
  },
  defaultLocation: {
    found: example(
      'The default desk',
      maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, SEED_LOCATION),
    ),
    none: example('None yet', maxBridgeAnswer(MaxBridgeCode.STATUS_ITEM_DOES_NOT_EXISTS)),
  },
  reservation: {
    found: example(
      'The open reservation (seed example)',
      maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, SEED_RESERVATION),
    ),
    none: example('None open', maxBridgeAnswer(MaxBridgeCode.STATUS_ITEM_DOES_NOT_EXISTS)),
  },
  cancelled: {
    cancelled: example(
      'Cancelled',
      maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, { ...SEED_RESERVATION, status: 'Cancelled' }),
    ),
    none: example('None open', maxBridgeAnswer(MaxBridgeCode.STATUS_ITEM_DOES_NOT_EXISTS)),
  },
  reserved: {
    reserved: example(
      'Reserved (seed example)',
      maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, { code: '48213975', id: SEED_RESERVATION.id }),
    ),
    invalidCurrency: example(
      'An unknown currency (seed example)',
      maxBridgeAnswer(MaxBridgeCode.WRONG_REQUEST, undefined, 'Invalid Currency'),
    ),
    exists: example(
      'An open reservation exists already: its code and id',
      maxBridgeAnswer(MaxBridgeCode.STATUS_ITEM_EXISTS, {
        code: '48213975',
        id: SEED_RESERVATION.id,
      }),
    ),
  },
  transactionDetails: {
    found: example('The deposit (seed example, `code` as a string)', {
      code: '10',
      message: 'Success',
      data: RETAIL_ANSWERS.ssbtDetails.pending.value,
    }),
    notFound: example('No such deposit of this player (seed example)', {
      code: '156',
      message: 'TRANSACTION_NOT_FOUND',
    }),
  },
  deposit: {
    credited: example(
      'Credited (seed example)',
      maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, {
        sis_transaction_id: 1122,
        provider_transaction_id: '00000000-0000-0000-0000-000000000000',
        core_transaction_id: '9f86d081884c7d65',
      }),
    ),
    duplicated: example(
      'Credited before (seed example)',
      maxBridgeAnswer(MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID),
    ),
    rejected: example(
      'Turned down before by the terminal: nothing credited',
      maxBridgeAnswer(MaxBridgeCode.TRANSACTION_STATUS_REJECTED),
    ),
    balanceLimit: example(
      'The balance would pass what the wallet holds (2^53 - 1 cents): nothing credited',
      maxBridgeAnswer(MaxBridgeCode.FINANCIAL_LIMIT_REACHED),
    ),
  },
} satisfies Record<string, Examples>;

/** The core session's login and logout (not in the seed). */
export const SESSION_ANSWERS = {
  login: {
    opened: example(
      'The session opened: its token, also set as the cookie JSESSIONID',
      maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, {
        token:
          'eyJ0cyI6MTc2NTAxMjUwMDAwMCwiZHQiOiJleUoxYVdRaU9qRXlNelExTENKemMybGtJam9pTkdVNE1tRXdPV0l0WXpneFlpMDBNV0kzTFRrM1pqUXRaVE5pT1RaaE9UQmlORE15SW4wPSIsInNnIjoiMjI5OTU2MzYxY2M0N2M1MDQzN2QwZTA2NjJlYjY0ODM0OTdhYzczNzYwYjE1NWYzY2U4YTliYTUxZDE3YjVjOCJ9',
        user_id: 12345,
        expires_at: '2025-12-06T17:15:00.000000Z',
      }),
    ),
    wrongCredentials: example(
      'A wrong username or password',
      maxBridgeAnswer(MaxBridgeCode.USER_WITH_GIVEN_AUTH_CREDENTIALS_NOT_FOUND),
    ),
    blocked: example('Too many failures: wait', maxBridgeAnswer(MaxBridgeCode.IP_IS_BLOCKED)),
    accountBlocked: example(
      'A player on Full Block',
      maxBridgeAnswer(MaxBridgeCode.ACCOUNT_IS_BLOCKED),
    ),
  },
  logout: {
    closed: example('The session closed', maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS)),
    noSession: example(
      'No open session for this token',
      maxBridgeAnswer(MaxBridgeCode.SESSION_NOT_FOUND),
    ),
  },
} satisfies Record<string, Examples>;

export const LOGIN_REQUESTS = {
  login: example('A player’s credentials', {
    username: 'ana.lima',
    password: 'correct horse battery',
  }),
} satisfies Examples;

/** The seed's request bodies. */
export const SEED_REQUESTS = {
  locklessCreate: {
    seed: example('Seed example', {
      locationId: 'b841562f-e698-4b1f-a1ac-dfe82d57d61b',
      currency: 'EUR',
      amount: 100,
      balance: 5000,
      userId: 123245,
    }),
  },
  preferredBranch: { seed: example('Seed example', { userId: 12345 }) },
  ssbtCommit: {
    seed: example('Seed example', {
      reservationId: '00000000-0000-0000-0000-000000000000',
      userId: 1234,
    }),
  },
  coreReservation: {
    seed: example('Seed example', {
      userId: 2147483647,
      amount: 1000000,
      currency: 'BAM',
      locationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    }),
  },
  withdrawReservation: {
    seed: example('Seed example (the user id as a string)', {
      userId: '2147483647',
      amount: 1000000,
      currency: 'BAM',
      locationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    }),
    invalid: example('Seed example of an invalid request', { currency: 'EURS', amount: 10 }),
  },
  transactionDetails: {
    byReservation: example('Seed example', {
      reservation_id: '00000000-0000-0000-0000-000000000000',
    }),
    byTransaction: example('Seed example, by the terminal’s id', {
      transaction_id: '00000000-0000-0000-0000-000000000000',
    }),
  },
  deposit: {
    seed: example('Seed example', {
      reservation_id: '00000000-0000-0000-0000-000000000000',
      user_id: '1234',
    }),
  },
} satisfies Record<string, Examples>;
