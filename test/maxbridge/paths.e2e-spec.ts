import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A path no route serves is answered in the shape of the API its prefix belongs to, the most
 * specific prefix winning: MaxBridge's routes share `/api/v1/` with the monitor.
 */
describe('unmatched paths, each in its API’s shape', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const maxbridge = (path: string, method = 'POST') => ({
    status: 404,
    body: {
      code: 99,
      message: 'WRONG_REQUEST',
      data: { fields: { path: `No route ${method} ${path}` } },
    },
  });
  const retail = (path: string, method = 'POST') => ({
    status: 404,
    body: { code: 'NOT_FOUND', message: `No route ${method} ${path}` },
  });
  const betRecords = (path: string) => ({
    status: 404,
    body: { detail: `Route POST ${path} not found` },
  });

  it.each([
    ['/api/payment', maxbridge('/api/payment')],
    ['/api/payment/nothing', maxbridge('/api/payment/nothing')],
    ['/api/payment/', maxbridge('/api/payment/')],
    ['/api/v1/transactions', maxbridge('/api/v1/transactions')],
    ['/api/v1/transactions/', maxbridge('/api/v1/transactions/')],
    ['/api/v1/transactions/nothing', maxbridge('/api/v1/transactions/nothing')],
    ['/api/v1/payment', maxbridge('/api/v1/payment')],
    ['/api/v1/ssbt', maxbridge('/api/v1/ssbt')],
    ['/api/v1/auth', maxbridge('/api/v1/auth')],
    ['/api/v1/payment/nothing', maxbridge('/api/v1/payment/nothing')],
    ['/api/v1/ssbt/nothing', maxbridge('/api/v1/ssbt/nothing')],
    ['/api/v1/auth/nothing', maxbridge('/api/v1/auth/nothing')],
    ['/paymentswebapi', maxbridge('/paymentswebapi')],
    ['//api/v1/payment/nothing', maxbridge('//api/v1/payment/nothing')],
    ['/api/lockless-reservation', retail('/api/lockless-reservation')],
    ['/api/lockless-reservation/nothing', retail('/api/lockless-reservation/nothing')],
    ['/api/ssbt-deposit/nothing', retail('/api/ssbt-deposit/nothing')],
    ['/api/v1/get-locations/', retail('/api/v1/get-locations/')],
    ['/api/v1/get-locations/x', retail('/api/v1/get-locations/x')],
    ['/api/v1/get-reservation/x', retail('/api/v1/get-reservation/x')],
    ['/api/bet', betRecords('/api/bet')],
    ['/api/sports-bet', betRecords('/api/sports-bet')],
  ])('POST %s', async (path, expected) => {
    const response = await fetch(`${t.url}${path}`, { method: 'POST' });
    expect({ status: response.status, body: await response.json() }).toEqual(expected);
  });

  it.each([
    ['/api/v1/get-locations/', retail('/api/v1/get-locations/', 'GET')],
    ['/api/v1/get-reservation/x', retail('/api/v1/get-reservation/x', 'GET')],
    ['/api/v1/transactions', maxbridge('/api/v1/transactions', 'GET')],
  ])('GET %s', async (path, expected) => {
    const response = await fetch(`${t.url}${path}`);
    expect({ status: response.status, body: await response.json() }).toEqual(expected);
  });

  it('answers /api/v1 itself and its unknown paths in the monitor envelope', async () => {
    for (const path of [
      '/api/v1',
      '/api/v1/get-locations-other',
      '/api/v1/transactionsX',
      '/api/v1/paymentX/nothing',
    ]) {
      const response = await fetch(`${t.url}${path}`, { method: 'POST' });
      const body = (await response.json()) as { success: boolean; error: { code: string } };
      expect({ status: response.status, success: body.success, code: body.error.code }).toEqual({
        status: 404,
        success: false,
        code: 'NOT_FOUND',
      });
    }
  });
});
