import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './send-error';
import { WireFormatRegistry } from './wire-format.registry';

/**
 * Every error of every route, wherever it was raised (authentication hook, body parsing, pipe,
 * handler), answered by the wire format the route is tagged with; for unmatched requests, by the
 * API that owns the path.
 */
@Catch()
@Injectable()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly registry: WireFormatRegistry) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    sendError(
      this.registry.forRequest(request),
      exception,
      request,
      http.getResponse<FastifyReply>(),
    );
  }
}
