import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoNestLogger } from './logging';

function capture(): { logger: PinoNestLogger; lines: () => Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: new PinoNestLogger(pino({ level: 'debug' }, stream)), lines: () => lines };
}

describe('PinoNestLogger', () => {
  it('takes the last string argument as the context, as Nest passes it', () => {
    const { logger, lines } = capture();
    logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    expect(lines()[0]).toMatchObject({
      level: 30,
      context: 'RouterExplorer',
      msg: 'Mapped {/health, GET} route',
    });
  });

  it('merges an object first argument into the line, with the message after it', () => {
    const { logger, lines } = capture();
    logger.warn({ keyId: 3 }, 'Could not record', 'ApiKeyAuthenticator');
    expect(lines()[0]).toMatchObject({
      level: 40,
      keyId: 3,
      msg: 'Could not record',
      context: 'ApiKeyAuthenticator',
    });
  });

  it("keeps Nest's error(message, stack, context) stack", () => {
    const { logger, lines } = capture();
    logger.error('Boom', 'Error: Boom\n    at x', 'ExceptionHandler');
    expect(lines()[0]).toMatchObject({
      level: 50,
      msg: 'Boom',
      stack: 'Error: Boom\n    at x',
      context: 'ExceptionHandler',
    });
  });

  it('serialises an Error with its message and stack', () => {
    const { logger, lines } = capture();
    logger.error(new Error('disk full'), 'Main');
    expect(lines()[0]).toMatchObject({
      msg: 'disk full',
      context: 'Main',
      err: { type: 'Error', message: 'disk full' },
    });
  });

  it('writes nothing below the level', () => {
    const { logger, lines } = capture();
    logger.verbose('noise', 'X');
    expect(lines()).toEqual([]);
  });
});
