import type { FastifyRequest } from 'fastify';
import { loadConfig } from '../config/app-config';
import {
  ConflictError,
  InternalError,
  MalformedBodyError,
  PayloadTooLargeError,
  RateLimitedError,
  RequestValidationError,
  ResourceNotFoundError,
  RouteNotFoundError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from '../common/errors/app-error';
import type { SharedError } from '../common/errors/shared-error';
import { WireFormatRegistry } from '../common/wire/wire-format.registry';
import { MonitorWire } from './monitor-wire';

const wire = new MonitorWire(new WireFormatRegistry(), loadConfig({ BODY_LIMIT_BYTES: '2048' }));
const render = (error: SharedError, language?: string, errorId: string | null = null) =>
  wire.renderError(error, {
    request: { headers: language ? { 'accept-language': language } : {} } as FastifyRequest,
    errorId,
  });
const failure = (code: string, message: string, extra = {}) => ({
  success: false,
  error: { code, message, ...extra },
});

describe('MonitorWire', () => {
  it.each([
    [
      new UnauthorizedError('missing_key'),
      401,
      failure('UNAUTHORIZED', 'Missing API key: send it in the X-API-Key header'),
    ],
    [
      new UnauthorizedError('revoked_key'),
      401,
      failure('UNAUTHORIZED', 'This API key has been revoked'),
    ],
    [
      new RateLimitedError(1000, 45),
      429,
      failure('RATE_LIMITED', 'Rate limit of 1000 requests per minute exceeded; retry in 45 s'),
    ],
    [
      new MalformedBodyError('invalid JSON'),
      400,
      failure('VALIDATION_ERROR', 'Malformed JSON body'),
    ],
    [
      new PayloadTooLargeError(),
      413,
      failure('PAYLOAD_TOO_LARGE', 'Request body exceeds the limit of 2048 bytes'),
    ],
    [
      new UnsupportedMediaTypeError(),
      415,
      failure('VALIDATION_ERROR', 'Content-Type must be application/json'),
    ],
    [
      new RouteNotFoundError('GET', '/api/v1/x'),
      404,
      failure('NOT_FOUND', 'Route GET /api/v1/x not found'),
    ],
    [new ResourceNotFoundError('Event', 'abc'), 404, failure('NOT_FOUND', 'Event abc not found')],
    [
      new RequestValidationError([
        { field: 'event.type', constraint: 'isIn', message: 'event.type is not allowed' },
      ]),
      400,
      failure('VALIDATION_ERROR', 'Validation failed', {
        details: [{ field: 'event.type', message: 'event.type is not allowed' }],
      }),
    ],
  ])('renders %p in English', (error, status, body) => {
    expect(render(error)).toEqual({ status, body });
  });

  it.each([
    [new UnauthorizedError('invalid_key'), 'Clé API invalide'],
    [
      new RateLimitedError(60, 12),
      'Limite de 60 requêtes par minute dépassée ; réessayez dans 12 s',
    ],
    [new MalformedBodyError('x'), 'Corps JSON mal formé'],
    [new RouteNotFoundError('GET', '/api/v1/x'), 'Route GET /api/v1/x introuvable'],
    [new PayloadTooLargeError(), 'Le corps de la requête dépasse la limite de 2048 octets'],
    [new ResourceNotFoundError('Alert', 'a-1'), 'Alerte a-1 introuvable'],
    [
      ConflictError.ofState('Alert', 'a-1', 'RESOLVED', 'OPEN'),
      'Alerte a-1 : impossible de passer de RESOLVED à OPEN',
    ],
    [ConflictError.ofState('Alert', 'a-1', 'RESOLVED', 'RESOLVED'), 'Alerte a-1 : déjà RESOLVED'],
  ])('renders %p in French', (error, message) => {
    expect((render(error, 'fr').body as { error: { message: string } }).error.message).toBe(
      message,
    );
  });

  it('lists the first 100 problems of a request, and says how many it found', () => {
    const issues = Array.from({ length: 250 }, (_, i) => ({
      field: `k${i}`,
      constraint: 'route',
      message: `unknown field k${i}`,
    }));
    const { body } = render(new RequestValidationError(issues));
    const error = (body as { error: { message: string; details: { field: string }[] } }).error;
    expect(error.message).toBe('Validation failed: the first 100 of 250 problems are listed');
    expect(error.details.map((d) => d.field)).toEqual(issues.slice(0, 100).map((i) => i.field));
  });

  it('renders an internal error with its id and nothing of the cause', () => {
    const { status, body } = render(
      new InternalError(new Error('SELECT * FROM api_keys')),
      'en',
      'err_00000000000000aa',
    );
    expect(status).toBe(500);
    expect(body).toEqual(
      failure('INTERNAL_ERROR', 'Internal server error (error id err_00000000000000aa)', {
        error_id: 'err_00000000000000aa',
      }),
    );
  });

  it('claims the /api/v1/ paths when it registers', () => {
    const registry = new WireFormatRegistry();
    new MonitorWire(registry, loadConfig({})).onModuleInit();
    expect(registry.forPath('/api/v1/anything').name).toBe('monitor');
  });
});
