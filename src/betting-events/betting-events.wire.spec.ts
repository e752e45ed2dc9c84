import type { FastifyRequest } from 'fastify';
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
import { loadConfig } from '../config/app-config';
import { BettingEventsWire } from './betting-events.wire';

const wire = new BettingEventsWire(
  new WireFormatRegistry(),
  loadConfig({ BODY_LIMIT_BYTES: '2048' }),
);
const render = (error: SharedError, errorId: string | null = null) =>
  wire.renderError(error, { request: { headers: {} } as FastifyRequest, errorId });

describe('BettingEventsWire', () => {
  it("answers a validation failure in the seed's exact shape, every field with its messages", () => {
    const issue = (field: string, message: string) => ({ field, constraint: 'x', message });
    expect(
      render(
        new RequestValidationError([
          issue('tax_id', 'Tax ID must be in valid format'),
          issue('total_stake', 'Bet amount must be greater than zero'),
          issue('total_odds', 'Odds must be a positive number'),
          issue('bet_legs', 'Must contain at least one selection'),
          issue('bet_legs[1].odds', 'Odds must be a positive number'),
          issue('bet_legs[1].odds', 'Odds must be a number'),
        ]),
      ),
    ).toEqual({
      status: 400,
      body: {
        error: {
          message: 'Invalid input data',
          details: {
            tax_id: ['Tax ID must be in valid format'],
            total_stake: ['Bet amount must be greater than zero'],
            total_odds: ['Odds must be a positive number'],
            bet_legs: ['Must contain at least one selection'],
            'bet_legs[1].odds': ['Odds must be a positive number', 'Odds must be a number'],
          },
          status: 400,
        },
      },
    });
  });

  it.each([
    [new UnauthorizedError('missing_key'), 401, { message: 'Unauthorized', status: 401 }],
    [new UnauthorizedError('revoked_key'), 401, { message: 'Unauthorized', status: 401 }],
    [
      new MalformedBodyError('x'),
      400,
      { message: 'Invalid input data', details: { body: ['Malformed JSON'] }, status: 400 },
    ],
    [
      new UnsupportedMediaTypeError(),
      415,
      {
        message: 'Invalid input data',
        details: { body: ['Content-Type must be application/json'] },
        status: 415,
      },
    ],
    [
      new RateLimitedError(60, 12),
      429,
      { message: 'Rate limit exceeded; retry in 12 s', status: 429 },
    ],
    [
      new PayloadTooLargeError(),
      413,
      { message: 'Request body exceeds the limit of 2048 bytes', status: 413 },
    ],
    [
      new RouteNotFoundError('GET', '/betting-events/x'),
      404,
      { message: 'Route GET /betting-events/x not found', status: 404 },
    ],
    [
      new ResourceNotFoundError('Bet slip', 'slip_1'),
      404,
      { message: 'Bet slip slip_1 not found', status: 404 },
    ],
    [
      new ConflictError('Betting event', 'evt_1'),
      409,
      { message: 'Betting event evt_1 already exists with other content', status: 409 },
    ],
  ])('renders %p with status %i', (error, status, body) => {
    expect(render(error)).toEqual({ status, body: { error: body } });
  });

  it('renders an internal error with its id and nothing of the cause', () => {
    expect(render(new InternalError(new Error('SELECT 1')), 'err_00000000000000aa')).toEqual({
      status: 500,
      body: {
        error: {
          message: 'Internal server error (error id err_00000000000000aa)',
          status: 500,
          error_id: 'err_00000000000000aa',
        },
      },
    });
  });

  it('claims /betting-events and the paths below it', () => {
    const registry = new WireFormatRegistry();
    new BettingEventsWire(registry, loadConfig({})).onModuleInit();
    expect(registry.forPath('/betting-events').name).toBe('betting-events');
    expect(registry.forPath('/betting-events/slips/x').name).toBe('betting-events');
    expect(registry.forPath('/betting-eventsX').name).not.toBe('betting-events');
  });
});
