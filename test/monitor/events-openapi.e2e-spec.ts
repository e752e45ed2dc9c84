import {
  ACCEPTED_EXAMPLE,
  BATCH_EXAMPLE,
  BATCH_RESULT_EXAMPLE,
  FLAT_EVENT_EXAMPLE,
  GROUPED_EVENT_EXAMPLE,
  STATUS_EXAMPLE,
} from '../../src/events/dto/event.examples';
import { createTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** What support staff see in Swagger for the ingestion routes, and that its examples work. */
type Operation = {
  requestBody?: {
    content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }>;
  };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
  security?: Record<string, string[]>[];
};
type Schema = {
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: string[];
  items?: Schema;
};

describe('Swagger of the monitor ingestion routes', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await startTestApp();
    paths = (await t.http.get('/docs-json').expect(200)).body.paths;
  });
  afterAll(() => t.close());

  it('documents every answer of each route, errors included', () => {
    const statuses = (path: string, method: string) =>
      Object.keys(paths[path][method].responses).sort();
    expect(statuses('/api/v1/events', 'post')).toEqual([
      '202',
      '400',
      '401',
      '409',
      '413',
      '415',
      '429',
      '500',
      '503',
    ]);
    expect(statuses('/api/v1/events/batch', 'post')).toEqual([
      '200',
      '400',
      '401',
      '413',
      '415',
      '429',
      '500',
      '503',
    ]);
    expect(statuses('/api/v1/events/{uuid}/status', 'get')).toEqual([
      '200',
      '400',
      '401',
      '404',
      '429',
      '500',
      '503',
    ]);
    for (const operation of [paths['/api/v1/events'].post, paths['/api/v1/events/batch'].post]) {
      expect(operation.security).toEqual([{ 'api-key': [] }]);
    }
  });

  it("shows both body shapes with the seed's examples, and the seed's answers", () => {
    const single = paths['/api/v1/events'].post;
    const body = single.requestBody!.content['application/json'];
    const [grouped, flat] = body.schema.oneOf!;
    expect(grouped.required).toEqual(['event_id', 'player', 'event']);
    expect(grouped.properties!.event.properties!.type.enum).toContain('BET_PLACED');
    expect(flat.required).toEqual([
      'external_event_id',
      'player_id',
      'event_type',
      'event_timestamp',
      'amount',
      'currency',
    ]);
    expect(Object.keys(flat.properties!)).toHaveLength(24);
    expect(body.examples).toEqual({
      grouped: { summary: 'Grouped structure (seed)', value: GROUPED_EVENT_EXAMPLE },
      flat: { summary: 'Flat structure (seed curl example)', value: FLAT_EVENT_EXAMPLE },
    });
    expect(single.responses['202'].content!['application/json'].example).toEqual(ACCEPTED_EXAMPLE);
    const batch = paths['/api/v1/events/batch'].post;
    expect(batch.requestBody!.content['application/json'].examples!.batch.value).toEqual(
      BATCH_EXAMPLE,
    );
    expect(batch.responses['200'].content!['application/json'].example).toEqual(
      BATCH_RESULT_EXAMPLE,
    );
    const status = paths['/api/v1/events/{uuid}/status'].get;
    expect(status.responses['200'].content!['application/json'].example).toEqual(STATUS_EXAMPLE);
  });

  it('has examples that the API accepts as they are', async () => {
    const { apiKey } = await createTeam(t);
    const post = (path: string, body: object) =>
      t.http.post(`/api/v1/events${path}`).set('X-API-Key', apiKey).send(body);
    expect((await post('', GROUPED_EVENT_EXAMPLE)).status).toBe(202);
    expect((await post('', FLAT_EVENT_EXAMPLE)).status).toBe(202);
    const batch = await post('/batch', BATCH_EXAMPLE);
    expect(batch.status).toBe(200);
    expect(batch.body.data).toMatchObject({ success_count: 2, failed_count: 0 });
  });
});
