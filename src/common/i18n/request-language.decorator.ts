import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { preferredLanguage, preferredTextLanguage } from './language';

/** The request's preferred supported language, from `Accept-Language`. */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  preferredLanguage(context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);

/** The request's preferred language for texts written for people (en, fr, pt-BR). */
export const RequestTextLanguage = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    preferredTextLanguage(
      context.switchToHttp().getRequest<FastifyRequest>().headers['accept-language'],
    ),
);
