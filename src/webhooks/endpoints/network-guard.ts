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
 * "this network" and multicast ranges), in IPv4, in IPv6, and in every IPv6 form that carries an
 * IPv4 address (embeddedIpv4).
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
  // NAT64 for a local network (RFC 8215), whose IPv4 addresses are anyone's guess.
  ['64:ff9b:1::', 48],
  // Teredo: a tunnel to an IPv4 address written in a form of its own.
  ['2001::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  // Site-local, deprecated but still routed by some networks.
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return PRIVATE.check(address, 'ipv4');
  if (version !== 6) return true;
  const bare = address.replace(/%.*$/, '');
  const ipv4 = embeddedIpv4(ipv6Bytes(bare));
  return ipv4 ? PRIVATE.check(ipv4, 'ipv4') : PRIVATE.check(bare, 'ipv6');
}

/**
 * The IPv4 address an IPv6 one carries, or null: IPv4-mapped (`::ffff:10.0.0.1`), IPv4-translated
 * (`::ffff:0:10.0.0.1`), IPv4-compatible (`::10.0.0.1`, and so `::` and `::1`), NAT64's
 * well-known prefix (`64:ff9b::a9fe:a9fe` is 169.254.169.254) and 6to4 (`2002:7f00:1::`).
 */
function embeddedIpv4(bytes: readonly number[]): string | null {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  const ipv4At = (offset: number) => bytes.slice(offset, offset + 4).join('.');
  const word = (index: number) => (bytes[index * 2] << 8) | bytes[index * 2 + 1];
  if (zero(0, 10) && word(5) === 0xffff) return ipv4At(12);
  if (zero(0, 8) && word(4) === 0xffff && word(5) === 0) return ipv4At(12);
  if (zero(0, 12)) return ipv4At(12);
  if (word(0) === 0x64 && word(1) === 0xff9b && zero(4, 12)) return ipv4At(12);
  if (word(0) === 0x2002) return ipv4At(2);
  return null;
}

/** The 16 bytes of a valid IPv6 address (`isIP` said so), its last 32 bits maybe dotted. */
function ipv6Bytes(address: string): number[] {
  const words = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [parseInt(group, 16)];
      const [a, b, c, d] = group.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head, tail] = address.split('::');
  const front = words(head);
  const back = tail === undefined ? [] : words(tail);
  const gap = Array<number>(8 - front.length - back.length).fill(0);
  const all = [...front, ...gap, ...back];
  return all.flatMap((group) => [group >> 8, group & 255]);
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
