import { RouteNotFoundError } from '../errors/app-error';
import { GENERIC_WIRE } from './generic-wire';
import type { WireFormat } from './wire-format';
import { WireFormatRegistry } from './wire-format.registry';

const wire = (name: string, paths: WireFormat['paths']): WireFormat => ({
  name,
  paths,
  renderError: () => ({ status: 0, body: name }),
});

describe('WireFormatRegistry', () => {
  const registry = new WireFormatRegistry();
  const monitor = wire('monitor', { prefixes: ['/api/v1/'] });
  const maxbridge = wire('maxbridge', {
    exact: ['/api/v1/transactions/deposit'],
    prefixes: ['/api/payment/'],
  });
  const bets = wire('bets', { prefixes: ['/api/bet/', '/api/bet'] });
  [monitor, maxbridge, bets].forEach((w) => registry.register(w));

  it.each([
    ['/api/v1/events', 'monitor'],
    ['/api/v1/transactions/deposit', 'maxbridge'],
    ['/api/v1/transactions/deposit-other', 'monitor'],
    ['/api/payment/withdraw', 'maxbridge'],
    ['/api/bet/list', 'bets'],
    ['//api/payment//withdraw', 'maxbridge'],
    ['/api/payment', 'maxbridge'],
    ['/api/payment/', 'maxbridge'],
    ['/api/paymentX', 'generic'],
    ['/docs', 'generic'],
    ['/', 'generic'],
  ])('%s belongs to %s', (path, name) => {
    expect(registry.forPath(path).name).toBe(name);
  });

  it('gives a prefix its bare path and everything under it, the longest winning', () => {
    const local = new WireFormatRegistry();
    const retail = wire('retail', { prefixes: ['/api/v1/get-locations'] });
    [monitor, maxbridge, retail].forEach((w) => local.register(w));
    expect(
      Object.fromEntries(
        [
          '/api/v1/get-locations',
          '/api/v1/get-locations/',
          '/api/v1/get-locations/x/y',
          '/api/v1/get-locationsX',
          '/api/v1',
          '/api/v1x',
        ].map((path) => [path, local.forPath(path).name]),
      ),
    ).toEqual({
      '/api/v1/get-locations': 'retail',
      '/api/v1/get-locations/': 'retail',
      '/api/v1/get-locations/x/y': 'retail',
      '/api/v1/get-locationsX': 'monitor',
      '/api/v1': 'monitor',
      '/api/v1x': 'generic',
    });
  });

  it('answers a matched route with the wire it is tagged with, whatever its path', () => {
    const request = (url: string, wire?: string) =>
      ({ url, routeOptions: { config: wire ? { wire } : {} } }) as never;
    expect(
      registry.forRequest(request('/api/v1/transactions/create-reservation', 'maxbridge')),
    ).toBe(maxbridge);
    expect(registry.forRequest(request('/api/v1/unknown?x=1'))).toBe(monitor);
    expect(() => registry.forRequest(request('/x', 'nobody'))).toThrow(/not registered/);
  });

  it('registers a format once', () => {
    const local = new WireFormatRegistry();
    local.register(monitor);
    local.register(monitor);
    expect(local.forPath('/api/v1/x')).toBe(monitor);
  });

  it('answers generic errors as JSON with the status', () => {
    const error = new RouteNotFoundError('GET', '/x');
    expect(GENERIC_WIRE.renderError(error, { request: {} as never, errorId: null })).toEqual({
      status: 404,
      body: { error: { status: 404, message: 'No route for GET /x' } },
    });
  });
});
