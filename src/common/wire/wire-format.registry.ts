import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { routeTagsOf } from '../http/route-tags';
import { GENERIC_WIRE } from './generic-wire';
import type { WireFormat } from './wire-format';

/** Which API answers for a request: the one its route is tagged with, else the one owning the path. */
@Injectable()
export class WireFormatRegistry {
  private readonly formats = new Map<string, WireFormat>();

  register(format: WireFormat): void {
    this.formats.set(format.name, format);
  }

  forRequest(request: FastifyRequest): WireFormat {
    const tagged = routeTagsOf(request).wire;
    if (tagged) {
      const format = this.formats.get(tagged);
      if (!format)
        throw new Error(`Routes are tagged with wire format "${tagged}", which is not registered`);
      return format;
    }
    return this.forPath(request.url.split('?')[0]);
  }

  /**
   * For requests that matched no route: exact paths first, then the longest prefix. A prefix is
   * whole path segments: `/api/v1/transactions` (or `/api/v1/transactions/`) owns that path and
   * everything under it, not `/api/v1/transactionsX`.
   */
  forPath(rawPath: string): WireFormat {
    const path = rawPath.replace(/\/{2,}/g, '/');
    let best: { format: WireFormat; length: number } | null = null;
    for (const format of this.formats.values()) {
      if (format.paths.exact?.includes(path)) return format;
      for (const prefix of format.paths.prefixes ?? []) {
        const base = prefix.replace(/\/+$/, '');
        const owns = path === base || path.startsWith(`${base}/`);
        if (owns && (!best || base.length > best.length)) best = { format, length: base.length };
      }
    }
    return best?.format ?? GENERIC_WIRE;
  }
}
