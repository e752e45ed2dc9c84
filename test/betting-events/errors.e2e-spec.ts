import { startTestApp, TestApp } from '../support/test-app';

/** The AML Betting Events API answers in its own shape (seed 001), whatever fails. */
describe('AML Betting Events API error shape', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown path under /betting-events/ in its own shape', async () => {
    const res = await t.http.get('/betting-events/unknown/path').expect(404);
    expect(res.body).toEqual({
      error: { message: 'Route GET /betting-events/unknown/path not found', status: 404 },
    });
  });
});
