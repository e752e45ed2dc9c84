import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { preferredLanguage } from './language';

/** The request's preferred supported language, from `Accept-Language`. */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  preferredLanguage(context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);
