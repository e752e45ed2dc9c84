import { applyDecorators } from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { TagRoutes } from '../common/http/route-tags';
import { MAXBRIDGE_WIRE } from './maxbridge.wire';

/** The Swagger security schemes of the `Nonce` and `Hash` headers, required together. */
export const NONCE_SECURITY = 'maxbridge-nonce';
export const HASH_SECURITY = 'maxbridge-hash';
export const MAXBRIDGE_TAG = 'MaxBridge';

/** Signed by `Nonce` and `Hash` (SHA256 of nonce + raw body + secret), checked before the handler. */
export const NonceHashAuth = () =>
  applyDecorators(
    TagRoutes({ auth: 'nonce-hash' }),
    ApiSecurity({ [NONCE_SECURITY]: [], [HASH_SECURITY]: [] }),
  );

/** A MaxBridge controller: signed requests, answered in MaxBridge's `{code, message}` wire. */
export const MaxBridgeApi = () =>
  applyDecorators(TagRoutes({ wire: MAXBRIDGE_WIRE }), NonceHashAuth(), ApiTags(MAXBRIDGE_TAG));
