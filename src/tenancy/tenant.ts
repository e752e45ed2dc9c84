import type { Plan } from './plan';

/** Who is calling: resolved from the API key by the guard, handed to handlers. */
export interface Tenant {
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
