import { MaxBridgeCode } from '../../maxbridge-code';
import { maxBridgeAnswer } from '../../maxbridge.wire';

const example = (summary: string, value: unknown) => ({ summary, value });

/** The answers of `create-reservation`, for Swagger. */
export const CORE_RESERVATION_ANSWERS = {
  reserved: example(
    'Reserved (the seed shows `"code":"string","id":"Guid"`)',
    maxBridgeAnswer(
      MaxBridgeCode.STATUS_SUCCESS,
      { code: '48213975', id: '9b2f6c1e-4d7a-4f0b-8e3c-5a1d2b7c9e40' },
      'Success',
    ),
  ),
  exists: example(
    'The user has an open reservation already: its code and id',
    maxBridgeAnswer(MaxBridgeCode.STATUS_ITEM_EXISTS, {
      code: '48213975',
      id: '9b2f6c1e-4d7a-4f0b-8e3c-5a1d2b7c9e40',
    }),
  ),
  invalidCurrency: example(
    'Unknown currency (checked before missing fields)',
    maxBridgeAnswer(MaxBridgeCode.WRONG_REQUEST, undefined, 'Invalid Currency'),
  ),
  unknownDesk: example(
    'Unknown cash desk',
    maxBridgeAnswer(MaxBridgeCode.STATUS_ITEM_DOES_NOT_EXISTS),
  ),
  insufficientFunds: example(
    'The balance does not cover the amount',
    maxBridgeAnswer(MaxBridgeCode.INSUFFICIENT_FUNDS),
  ),
};
