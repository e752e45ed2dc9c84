import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMaxBridge } from './maxbridge/maxbridge.swagger';
import { API_KEY_SECURITY } from './tenancy/api-key-auth.decorator';

const DESCRIPTION = `
One service, four APIs, each with its own paths, envelope and error shape:

- **Betting Monitor API** (\`/api/v1/...\`): operators send deposits, bets, wins and withdrawals; the
  service detects fraud and money laundering and pushes alerts to webhooks.
- **AML Betting Events API** (\`/betting-events\`): bet slips per player (CPF) for Brazilian compliance.
- **Bet Records API** (\`/api/bet/...\`, \`/api/sports-bet/...\`): casino/live and sports bets with legs.
- **MaxBridge** (\`/api/payment/...\`): the cash-desk bridge between the player wallet and retail shops,
  signed with \`Nonce\` and \`Hash\` headers (see the MaxBridge section), served when MAXBRIDGE_HASH_SECRET is set.

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
    );
  if (options.maxbridge) builder = describeMaxBridge(builder);
  const config = builder.build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Betting Monitor API',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
}
