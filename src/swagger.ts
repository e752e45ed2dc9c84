import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMaxBridge } from './maxbridge/maxbridge.swagger';
import {
  DASHBOARD_COOKIE_SECURITY,
  DASHBOARD_CSRF_SECURITY,
} from './dashboard/dashboard-api.decorator';
import { API_KEY_SECURITY } from './tenancy/api-key-auth.decorator';

const DESCRIPTION = `
One service, four APIs, each with its own paths, envelope and error shape:

- **Betting Monitor API** (\`/api/v1/...\`): operators send deposits, bets, wins and withdrawals; the
  service detects fraud and money laundering and pushes alerts to webhooks.
- **AML Betting Events API** (\`/betting-events\`): bet slips per player (CPF) for Brazilian compliance.
- **Bet Records API** (\`/api/bet/...\`, \`/api/sports-bet/...\`): casino/live and sports bets with legs.
- **MaxBridge**: the cash-desk bridge between the player wallet and retail shops, served when
  MAXBRIDGE_HASH_SECRET is set, with three kinds of caller (see the MaxBridge sections):
  - the core (\`/api/payment/...\`, \`/api/v1/transactions/create-reservation\`), signed with \`Nonce\` and
    \`Hash\` headers;
  - the MaxBet retail system and SSBT terminals (\`/api/lockless-reservation/...\`, \`/api/ssbt-deposit/...\`,
    \`/api/v1/get-locations\`, \`/api/v1/get-reservation\`), with \`Authorization: <retail key>\`;
  - the player's front end (\`/paymentswebapi/...\`, \`/api/v1/payment/withdraw-reservation\`, \`/api/v1/ssbt/...\`,
    \`/api/v1/transactions/deposit\`), behind the core session opened by \`POST /api/v1/auth/login\` (its token
    in \`Cookie\`, with \`X-Requested-With\` and \`X-UserID\`).

**Authentication.** The monitor, AML and bet-record APIs take the team's key in the \`X-API-Key\` header (header names are
case-insensitive). Keys are issued by the operator's administrators with \`npm run cli -- key create\`.

**Rate limits.** Per team and plan, per clock minute, over all \`X-API-Key\` routes together (a batch counts
as one request). Every authenticated answer carries \`X-RateLimit-Limit\`, \`X-RateLimit-Remaining\` and
\`X-RateLimit-Reset\` (Unix seconds); a 429 also carries \`Retry-After\` (seconds). Calls refused with 401
are not counted.

**Requests.** JSON bodies; unknown fields are ignored. Every answer carries \`X-Request-Id\` (yours, when you
send a sane one): quote it to support.
`;

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Swagger UI at `/docs`, the OpenAPI document at `/docs-json`. */
export function setupSwagger(app: INestApplication, options: { maxbridge: boolean }): void {
  let builder = new DocumentBuilder()
    .setTitle('Betting Monitor')
    .setDescription(DESCRIPTION)
    .setVersion(packageVersion())
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-API-Key', description: "Your team's API key" },
      API_KEY_SECURITY,
    )
    .addCookieAuth(
      'bm_dashboard',
      { type: 'apiKey', in: 'cookie', description: 'The dashboard’s session, set by its login' },
      DASHBOARD_COOKIE_SECURITY,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description:
          'The session’s CSRF token (login, GET /dashboard/api/session): every change sends it',
      },
      DASHBOARD_CSRF_SECURITY,
    );
  if (options.maxbridge) builder = describeMaxBridge(builder);
  const config = builder.build();
  const document = SwaggerModule.createDocument(app, config);
  document.tags = tagsInReadingOrder(document);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Betting Monitor API',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
}

/** Where each API's sections come on the page: the business APIs first, operations last. */
const TAG_GROUPS = ['Betting Monitor', 'AML', 'Bet Records', 'MaxBridge', 'Dashboard'];

/**
 * Every tag the routes use, in reading order for support staff: the monitor's sections, then the
 * AML, bet-record and MaxBridge ones, operations at the end (each group in the order its routes
 * come), with the descriptions the builder gave them.
 */
function tagsInReadingOrder(document: OpenAPIObject): NonNullable<OpenAPIObject['tags']> {
  const described = new Map((document.tags ?? []).map((tag) => [tag.name, tag]));
  const used: string[] = [];
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, { tags?: string[] }>)) {
      for (const tag of operation?.tags ?? []) if (!used.includes(tag)) used.push(tag);
    }
  }
  const rank = (tag: string) => {
    const group = TAG_GROUPS.findIndex((prefix) => tag.startsWith(prefix));
    return group < 0 ? TAG_GROUPS.length : group;
  };
  return used
    .map((name, index) => ({ name, index }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.index - b.index)
    .map(({ name }) => described.get(name) ?? { name });
}
