import { MaxBridgeCode } from '../maxbridge-code';
import { maxBridgeAnswer } from '../maxbridge.wire';

type Examples = Record<string, { summary: string; value: unknown }>;

const refusal = (summary: string, code: MaxBridgeCode, data?: object) => ({
  summary,
  value: maxBridgeAnswer(code, data),
});

/** The refusals every signed route may answer. */
const SIGNING_REFUSALS: Examples = {
  missingHeaders: refusal('No Nonce or no Hash header', MaxBridgeCode.MISSING_PARAMETERS),
  wrongHash: refusal('Hash does not match the body', MaxBridgeCode.WRONG_HASH),
  replayedNonce: refusal('Nonce used before', MaxBridgeCode.ACCESS_DENIED),
};

/** The seed's get-user-info answers, with the balance and currency its field list names. */
export const USER_INFO_ANSWERS: Examples = {
  found: {
    summary: 'The user (seed example)',
    value: maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, {
      userinfo: {
        balance: 125000,
        currency: 'USD',
        userID: 10000,
        userName: 'exampleUser',
        fullName: 'John Doe',
        birthDate: '1985-05-15',
        transactionMaxLimit: 1000,
        transactionMinLimit: 10,
        userStatusID: 2,
        preferredCurrencyID: 840,
        registrationDomain: 'example.com',
        additionalData: { key: 'value' },
        userDocs: [
          {
            ID: 123456,
            DocumentTypeID: 1,
            DocumentNumber: 'A1234567',
            PersonalID: 'P987654',
            DocumentCountryID: 44,
            DocumentIssueDate: '2022-01-15',
            DocumentExpirationDate: '2032-01-14',
            DocumentIssuingAuthority: 'Gov Agency',
            DocumentIssuingPlace: 'City Center',
            AdditionalData: { key: 'value' },
            UserId: 78910,
            DateModified: '2024-12-31',
            DocumentStatus: 1,
            StatusNote: 'Text',
          },
        ],
      },
    }),
  },
  notFound: refusal('No such user (seed example)', MaxBridgeCode.ACCOUNT_NOT_FOUND),
  missingUserId: refusal('user_id missing', MaxBridgeCode.MISSING_PARAMETERS, {
    fields: { user_id: 'user_id is required' },
  }),
  wrongUserId: refusal('user_id not a positive integer', MaxBridgeCode.WRONG_REQUEST, {
    fields: { user_id: 'user_id must be a positive integer of at most 2147483647' },
  }),
  ...SIGNING_REFUSALS,
};

export const WITHDRAW_ANSWERS: Examples = {
  done: {
    summary: 'Debited',
    value: maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, {
      sis_transaction_id: 1122,
      provider_transaction_id: 'c0a80101-7d4e-4b8e-9a51-3f6f2b9c1d20',
      core_transaction_id: '9f86d081884c7d65',
    }),
  },
  insufficientFunds: refusal('Balance below the amount', MaxBridgeCode.INSUFFICIENT_FUNDS),
  duplicate: refusal(
    'transaction_id used before (nothing debited)',
    MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID,
  ),
  unknownUser: refusal('No such user', MaxBridgeCode.ACCOUNT_NOT_FOUND),
  blocked: refusal('Status Full Block or Withdraw Blocked', MaxBridgeCode.ACCOUNT_IS_BLOCKED),
  noAccount: refusal('No account in that currency', MaxBridgeCode.USERS_ACCOUNTS_NOT_FOUND),
  unknownCurrency: refusal('Not an ISO 4217 code', MaxBridgeCode.CURRENCY_NOT_FOUND),
  negative: refusal('Negative amount or fee', MaxBridgeCode.CAN_NOT_BE_NEGATIVE),
  zero: refusal('Zero amount', MaxBridgeCode.MUST_BE_MORE_THAN_ZERO),
  zeroFee: refusal('Fee of 0 (send null)', MaxBridgeCode.TX_FEE_MUST_BE_NULL_OR_MORE_THAN_ZERO),
  feeAboveAmount: refusal('Fee above the amount', MaxBridgeCode.FEE_EXCEEDS_TRANSACTION_AMOUNT),
  limits: refusal(
    "Outside the user's transaction limits",
    MaxBridgeCode.TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH,
  ),
  missing: refusal('Required fields missing', MaxBridgeCode.MISSING_PARAMETERS, {
    fields: { amount: 'amount is required' },
  }),
  malformed: refusal('A field of the wrong type or form', MaxBridgeCode.WRONG_REQUEST, {
    fields: { amount: 'amount must be an integer number of cents, at most 9007199254740991' },
  }),
  ...SIGNING_REFUSALS,
};
