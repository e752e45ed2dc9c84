/**
 * The routes the fuzz suite attacks, read from the service's own OpenAPI document: a new route is
 * fuzzed as soon as Swagger shows it, with its documented parameters and request examples. A
 * route of an API whose error shape the suite does not know fails the suite (see `apiOf`).
 */

/** Each API answers errors in its own shape (CONTRACTS.md); the operations endpoints too. */
export type ApiName =
  'monitor' | 'aml' | 'bet-records' | 'maxbridge' | 'maxbridge-retail' | 'dashboard' | 'operations';

export type AuthScheme =
  'api-key' | 'nonce-hash' | 'retail-key' | 'core-session' | 'dashboard-session' | 'public';

export interface ParamSpec {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean';
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  example?: unknown;
}

export interface FuzzOperation {
  /** `POST /api/v1/events`, with the document's `{param}` templates. */
  id: string;
  method: string;
  path: string;
  auth: AuthScheme;
  api: ApiName;
  pathParams: ParamSpec[];
  queryParams: ParamSpec[];
  /** Valid bodies to mutate (the documented examples); null when the route takes no body. */
  bodies: unknown[] | null;
}

/** The error schema a route documents tells its API. */
const API_OF_ERROR_SCHEMA: Record<string, ApiName> = {
  MonitorErrorDto: 'monitor',
  BettingEventsErrorDto: 'aml',
  BetRecordsErrorDto: 'bet-records',
};

/* eslint-disable @typescript-eslint/no-explicit-any -- the document is plain JSON */
type Doc = any;

export function operationsOf(doc: Doc): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [path, byMethod] of Object.entries<Doc>(doc.paths)) {
    for (const [method, operation] of Object.entries<Doc>(byMethod)) {
      const id = `${method.toUpperCase()} ${path}`;
      const auth = authOf(id, operation.security);
      const params: Doc[] = operation.parameters ?? [];
      operations.push({
        id,
        method: method.toUpperCase(),
        path,
        auth,
        api: apiOf(id, auth, operation.responses, operation.tags ?? []),
        pathParams: params.filter((p) => p.in === 'path').map((p) => paramOf(doc, p)),
        queryParams: params.filter((p) => p.in === 'query').map((p) => paramOf(doc, p)),
        bodies: operation.requestBody ? bodiesOf(doc, operation.requestBody) : null,
      });
    }
  }
  return operations;
}

function authOf(id: string, security: Doc[] | undefined): AuthScheme {
  if (!security || security.length === 0) return 'public';
  const schemes = security.flatMap((requirement) => Object.keys(requirement)).sort();
  if (schemes.join() === 'api-key') return 'api-key';
  if (schemes.join() === 'maxbridge-hash,maxbridge-nonce') return 'nonce-hash';
  if (schemes.join() === 'maxbridge-retail-key') return 'retail-key';
  if (schemes.join() === 'maxbridge-requested-with,maxbridge-session') return 'core-session';
  if (schemes.join() === 'dashboard-csrf,dashboard-session') return 'dashboard-session';
  throw new Error(
    `${id}: the fuzz suite cannot sign for ${schemes.join(' + ')}: teach test/fuzz/fuzz-requests.ts`,
  );
}

function apiOf(
  id: string,
  auth: AuthScheme,
  responses: Record<string, Doc>,
  tags: string[],
): ApiName {
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400) continue;
    const ref: string | undefined = response.content?.['application/json']?.schema?.$ref;
    const api = ref && API_OF_ERROR_SCHEMA[ref.split('/').pop()!];
    if (api) return api;
  }
  if (auth === 'nonce-hash') return 'maxbridge';
  if (auth === 'retail-key') return 'maxbridge-retail';
  // The core's login is public, and answers in MaxBridge's codes as the front end does.
  if (auth === 'core-session' || tags.some((tag) => tag.startsWith('MaxBridge')))
    return 'maxbridge';
  // The dashboard's login and invitations are public, and answer in the dashboard's shape.
  if (auth === 'dashboard-session' || tags.includes('Dashboard')) return 'dashboard';
  if (auth === 'public') return 'operations';
  throw new Error(
    `${id}: its error responses name no error schema the fuzz suite knows: add it to API_OF_ERROR_SCHEMA`,
  );
}

function paramOf(doc: Doc, param: Doc): ParamSpec {
  const schema = resolve(doc, param.schema ?? {});
  return {
    name: param.name,
    type: schema.type ?? 'string',
    enum: schema.enum,
    minimum: schema.minimum,
    maximum: schema.maximum,
    example: param.example ?? schema.example,
  };
}

function bodiesOf(doc: Doc, requestBody: Doc): unknown[] {
  const content = requestBody.content?.['application/json'] ?? {};
  const examples = Object.values<Doc>(content.examples ?? {}).map((e) => e.value);
  if (content.example !== undefined) examples.push(content.example);
  return examples.length > 0 ? examples : [exampleOf(doc, content.schema ?? {})];
}

/** A body made of the schema's property examples, for routes that show no whole example. */
function exampleOf(doc: Doc, schemaOrRef: Doc, depth = 0): unknown {
  const schema = resolve(doc, schemaOrRef);
  if (schema.example !== undefined) return schema.example;
  if (depth > 8) return null;
  if (schema.type === 'array') return [exampleOf(doc, schema.items ?? {}, depth + 1)];
  if (schema.type === 'object' || schema.properties) {
    return Object.fromEntries(
      Object.entries<Doc>(schema.properties ?? {}).map(([name, property]) => [
        name,
        exampleOf(doc, property, depth + 1),
      ]),
    );
  }
  if (schema.enum) return schema.enum[0];
  return { integer: 1, number: 1.5, boolean: true, string: 'text' }[schema.type as string] ?? null;
}

function resolve(doc: Doc, schema: Doc): Doc {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()]);
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
}
