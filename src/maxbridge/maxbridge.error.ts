import { MaxBridgeCode } from './maxbridge-code';

/**
 * A MaxBridge answer other than success: a code of the seed's table. Thrown by the wallet and the
 * signing guard, answered by the MaxBridge wire as `{"code":N,"message":"NAME"}`; thrown inside a
 * transaction, it rolls the transaction back, so a refused operation writes nothing.
 */
export class MaxBridgeError extends Error {
  constructor(
    readonly code: MaxBridgeCode,
    /** Facts for the caller, sent as the answer's `data` (which fields were wrong). */
    readonly data?: object,
  ) {
    super(`MaxBridge code ${code} ${MaxBridgeCode[code]}`);
    this.name = 'MaxBridgeError';
  }
}
