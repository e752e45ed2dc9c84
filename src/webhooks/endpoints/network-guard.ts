import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { InjectConfig } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';

/** Resolves a host name to its addresses; a provider, so that tests (no DNS here) give their own. */
export abstract class HostResolver {
  abstract resolve(host: string): Promise<string[]>;
}

@Injectable()
export class SystemHostResolver extends HostResolver {
  async resolve(host: string): Promise<string[]> {
    return (await lookup(host, { all: true, verbatim: true })).map((found) => found.address);
  }
}

/**
 * Addresses a webhook may not reach: a customer's URL must not be a way into our own network
 * (loopback, private ranges, link-local where cloud metadata lives, carrier-grade NAT, and the
 * "this network" and multicast ranges), in IPv4, IPv6 and IPv4-mapped IPv6.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return PRIVATE.check(address, 'ipv4');
  if (version !== 6) return true;
  const mapped = ipv4Of(address);
  return mapped ? PRIVATE.check(mapped, 'ipv4') : PRIVATE.check(address, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:10.0.0.1`, `::ffff:a00:1`), or null. */
function ipv4Of(address: string): string | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Why a host may not be reached, or null when it may. */
export type HostRefusal = { reason: 'unresolvable' } | { reason: 'private'; address: string };

/**
 * Checks where a webhook URL leads, at creation and again before every delivery (DNS can change
 * between the two). `WEBHOOK_ALLOW_PRIVATE_NETWORKS=true` lifts the private-address refusal, for
 * a receiver inside the operator's own network, and for tests.
 */
@Injectable()
export class NetworkGuard {
  constructor(
    @Inject(HostResolver) private readonly resolver: HostResolver,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The addresses the host stands for, or why it may not be reached. */
  async check(host: string): Promise<{ addresses: string[] } | HostRefusal> {
    const bare = host.startsWith('[') ? host.slice(1, -1) : host;
    let addresses: string[];
    try {
      addresses = isIP(bare) ? [bare] : await this.resolver.resolve(bare);
    } catch {
      return { reason: 'unresolvable' };
    }
    if (addresses.length === 0) return { reason: 'unresolvable' };
    if (!this.config.webhooks.allowPrivateNetworks) {
      const blocked = addresses.find(isPrivateAddress);
      if (blocked) return { reason: 'private', address: blocked };
    }
    return { addresses };
  }
}
