import type { Plan } from './plan';
import type { TenantScope } from './tenant-scope';

/** Who is calling: resolved from the API key by the guard, handed to handlers. */
export interface Tenant extends TenantScope {
  teamId: number;
  teamName: string;
  plan: Plan;
  /** Set when the key is limited to one brand. */
  brandId: number | null;
  apiKeyId: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    tenant?: Tenant;
  }
}
