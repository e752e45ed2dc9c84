import type { Plan } from '../config/plan';
import type { TenantScope } from './tenant-scope';

/**
 * Who is calling: resolved from the API key by the guard, handed to handlers. It is the scope of
 * its own requests: the team, and the brand when the key is limited to one.
 */
export interface Tenant extends TenantScope {
  teamName: string;
  plan: Plan;
  apiKeyId: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    tenant?: Tenant;
  }
}
