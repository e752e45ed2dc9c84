import type { DocumentBuilder } from '@nestjs/swagger';
import { RETAIL_KEY_SECURITY, RETAIL_TAG } from './cash-desk/retail/retail-api.decorator';
import {
  FRONT_END_TAG,
  REQUESTED_WITH_SECURITY,
  SESSION_COOKIE_SECURITY,
} from './core-session/front-end-api.decorator';
import { HASH_SECURITY, MAXBRIDGE_TAG, NONCE_SECURITY } from './maxbridge-api.decorator';
import {
  MAXBRIDGE_CODE_DESCRIPTIONS,
  MAXBRIDGE_CODES,
  MaxBridgeCode,
  messageOf,
} from './maxbridge-code';

const SIGNING = `
**Signing.** Every request carries two headers:

- \`Nonce\`: a new random value for each request (1 to 128 visible ASCII characters). A nonce is
  accepted once; sent again within its time to live (MAXBRIDGE_NONCE_TTL_SECONDS, 15 minutes by
  default) the request is refused with code 138 ACCESS_DENIED.
- \`Hash\`: \`hex(SHA256(Nonce + body + secret))\`, over the body's bytes **exactly as sent**: sign the
  very string you send, not the object it came from (re-serialising changes spaces and key order).

Seed example: nonce \`1234\`, body
\`{"transaction_id":"00000000-0000-0000-0000-000000000000","service_id":1,"user_id":1121}\`, secret
\`secret\`: the string to hash is the three joined, and the hash is
\`6f2c41f942e0f454462b29a6755630e147917cb06917fce6c8ee127a1bced3ec\`. In a shell:

\`\`\`
body='{"user_id":12345}'; nonce=$(date +%s%N)
hash=$(printf '%s%s%s' "$nonce" "$body" "$MAXBRIDGE_HASH_SECRET" | sha256sum | cut -d' ' -f1)
curl -s -H "Nonce: $nonce" -H "Hash: $hash" -H 'Content-Type: application/json' \\
  -d "$body" http://localhost:3000/api/payment/get-user-info
\`\`\`

Missing \`Nonce\` or \`Hash\`: 112 MISSING_PARAMETERS. A hash that does not match: 139 WRONG_HASH.

**Trying it on this page:** the secret never goes into a browser. Sign the body you will send with
\`npm run -s cli -- maxbridge sign --body '{"user_id":1}'\` on the server, enter its \`Nonce\` and
\`Hash\` under *Authorize*, and send exactly the same body (a nonce works once: sign again for the
next request).

**Retries.** A withdrawal whose answer was lost can be sent again with the same \`transaction_id\`
(and a new nonce): 151 means the first one was carried out, since a refused withdrawal never uses
up its \`transaction_id\`.

**Answers.** Always \`{"code":N,"message":"NAME"}\`, with \`data\` on success (code 10, message
\`success\` as in the seed's examples) and, for 99 and 112, the fields at fault. Business refusals
are HTTP 200, as in the seed; only a failure of ours is an HTTP 500 (268 SERVER_ERROR, with an
\`error_id\` to quote to support). Amounts are integer cents.
`;

const RETAIL_TEXT = `The calls of the MaxBet retail system and SSBT terminals (seed 003): cash desks and
lockless withdraw reservations. **Authorization:** the header \`Authorization: <key>\`, bare as the
seed sends it; keys are made with \`npm run cli -- maxbridge retail-key create\` (shown once,
stored hashed) and revoked with \`maxbridge retail-key revoke\`. **Answers** are plain HTTP
statuses as the seed's examples: 200, 400 for a missing or malformed field, 401 for a missing or
unknown key, 404 for what does not exist, 409 for a conflict. Every error has the body
\`{"code":"NOT_FOUND","message":"..."}\` (codes \`INVALID_REQUEST\`, \`UNAUTHORIZED\`, \`NOT_FOUND\`,
\`RESERVED\` with the open reservation's \`id\`, \`INSUFFICIENT_FUNDS\`, \`CONFLICT\`). Amounts are
integer cents; location and reservation ids are GUIDs.`;

const FRONT_END_TEXT = `The player's front end (seed 003), behind the core session. Log in with
\`POST /api/v1/auth/login {username, password}\` (not in the seed): the answer's \`data.token\` is
also set as the cookie \`JSESSIONID\`. Then send, on every route: \`X-Requested-With: true\`, the
token in \`Cookie\` (bare, as the seed's examples, or \`JSESSIONID=<token>\`), and optionally
\`X-UserID\`, which must be the token's user. The token is the seed's shape: base64 of
\`{"ts":<ms>,"dt":base64({"uid":N,"ssid":"<uuid>"}),"sg":"<hex HMAC-SHA256>"}\`, signed with
SESSION_SECRET. No token, an unknown, closed or expired session, or another \`X-UserID\`:
\`{"code":126,"message":"SESSION_NOT_FOUND"}\`; a forged signature or no \`X-Requested-With\`: 138.
Answers are HTTP 200 with a code, as in the seed.`;

function codeTable(): string {
  const rows = MAXBRIDGE_CODES.map(
    (code) => `| ${code} | ${messageOf(code)} | ${MAXBRIDGE_CODE_DESCRIPTIONS[code]} |`,
  );
  return ['| Code | Message | Description |', '|---|---|---|', ...rows].join('\n');
}

/**
 * The MaxBridge part of the OpenAPI document: the tag's text (signing and the whole code table)
 * and the two header schemes.
 */
export function describeMaxBridge(builder: DocumentBuilder): DocumentBuilder {
  return builder
    .addTag(
      MAXBRIDGE_TAG,
      `The cash-desk bridge between the player wallet and retail shops (seed 003).\n${SIGNING}\n` +
        `<details><summary><b>The codes</b> of the seed's table (code ${MaxBridgeCode.ACCOUNT_NOT_FOUND} answers \`USER_NOT_FOUND\` as in the seed's example): click to open</summary>\n\n${codeTable()}\n\n</details>`,
    )
    .addTag(RETAIL_TAG, RETAIL_TEXT)
    .addTag(FRONT_END_TAG, FRONT_END_TEXT)
    .addApiKey(
      {
        type: 'apiKey',
        in: 'cookie',
        name: 'JSESSIONID',
        description:
          'The session token of `POST /api/v1/auth/login` (also accepted bare in `Cookie`)',
      },
      SESSION_COOKIE_SECURITY,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-Requested-With',
        description: 'Always `true`',
      },
      REQUESTED_WITH_SECURITY,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'A retail key, bare as the seed sends it (`maxbridge retail-key create`)',
      },
      RETAIL_KEY_SECURITY,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Nonce',
        description: 'A new random value per request',
      },
      NONCE_SECURITY,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Hash',
        description: 'hex(SHA256(Nonce + raw request body + secret))',
      },
      HASH_SECURITY,
    );
}
