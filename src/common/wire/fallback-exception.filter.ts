import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { sendError } from './send-error';
import { WireFormatRegistry } from './wire-format.registry';

/**
 * Global filter for what no API filter caught: unknown routes, bodies rejected before routing,
 * and routes outside the four APIs. The path decides which API's shape the answer takes.
 */
@Catch()
@Injectable()
export class FallbackExceptionFilter implements ExceptionFilter {
  constructor(private readonly registry: WireFormatRegistry) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const path = request.url.split('?')[0];
    sendError(this.registry.resolve(path), exception, host);
  }
}
