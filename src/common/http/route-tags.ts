import { PATH_METADATA } from '@nestjs/common/constants';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import type { FastifyRequest } from 'fastify';
import type { AuthScheme, BrandKeyAccess } from '../auth/auth-scheme';

/**
 * What a route declares about itself, readable before the controller runs (in Fastify hooks and
 * in the error handler, where Nest's metadata is out of reach): how it authenticates and which
 * API's wire format answers for it.
 */
export interface RouteTags {
  auth?: AuthScheme;
  wire?: string;
  /** For `api-key` routes: whether brand-scoped keys are served (absent: refused). */
  brandKeys?: BrandKeyAccess;
  /** For `dashboard-session` routes: the least role served (absent: every role). */
  role?: 'viewer' | 'analyst' | 'admin';
  /** The route takes no body: an empty one sent as `application/json` is read as none. */
  bodyless?: true;
}

/**
 * Tags every route of a controller (as a class decorator) or one route (as a method decorator);
 * a method's own tags win over its controller's. Stored as Fastify route config.
 */
export function TagRoutes(tags: RouteTags): ClassDecorator & MethodDecorator {
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (key !== undefined && descriptor) {
      tagHandler(target, key, descriptor, tags, 'method');
      return descriptor;
    }
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name);
      if (name === 'constructor' || typeof handler?.value !== 'function') continue;
      if (!Reflect.hasMetadata(PATH_METADATA, handler.value as object)) continue;
      tagHandler(prototype, name, handler, tags, 'class');
    }
  }) as ClassDecorator & MethodDecorator;
}

function tagHandler(
  prototype: object,
  name: string | symbol,
  descriptor: PropertyDescriptor,
  tags: RouteTags,
  level: 'class' | 'method',
): void {
  const own = routeTagsOfHandler(descriptor.value as object);
  const merged = level === 'method' ? { ...own, ...tags } : { ...tags, ...own };
  RouteConfig(merged)(prototype, name, descriptor);
}

/**
 * A route that takes no body (a `POST` action, a `DELETE`): `Content-Type: application/json` with
 * an empty body, which client libraries send on every call, is read as no body rather than
 * refused as malformed JSON.
 */
export const Bodyless = (): MethodDecorator => TagRoutes({ bodyless: true });

/** The tags of a Nest route handler (its Fastify route config). */
export function routeTagsOfHandler(handler: object): RouteTags {
  return (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as RouteTags;
}

/** The tags of the route a request matched; empty for unmatched requests. */
export function routeTagsOf(request: FastifyRequest): RouteTags {
  return (request.routeOptions?.config ?? {}) as RouteTags;
}
