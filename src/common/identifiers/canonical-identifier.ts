import { isIP } from 'node:net';

/** The identifiers players are seen to share (SHARED_IDENTIFIER, the allowlist). */
export const IDENTIFIER_KINDS = ['ip', 'phone', 'session'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * One spelling per identifier, so that nobody passes SHARED_IDENTIFIER or the allowlist by writing
 * one address or number another way:
 * - an IPv6 address in its canonical text (lower case, leading zeros dropped, the longest run of
 *   zero groups compressed: RFC 5952), and an IPv4-mapped one (`::ffff:41.82.10.5`) as IPv4;
 * - a phone without spaces, dots, dashes or brackets, an international `00` prefix written `+`;
 * - a session id as sent (it is opaque).
 * A value that is not an IP address for kind `ip` is returned as sent: `isIpValue` tells.
 */
export function canonicalIdentifier(kind: IdentifierKind, value: string): string {
  if (kind === 'ip') return canonicalIp(value);
  if (kind === 'phone') return canonicalPhone(value);
  return value;
}

export const isIpValue = (value: string): boolean => isIP(value) !== 0;

function canonicalIp(value: string): string {
  if (!value.includes(':') || isIP(value) !== 6) return value;
  const zone = value.indexOf('%');
  const address = zone < 0 ? value : value.slice(0, zone);
  // The WHATWG URL parser writes IPv6 hosts in RFC 5952's form.
  const host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped && zone < 0) {
    const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return zone < 0 ? host : `${host}${value.slice(zone)}`;
}

function canonicalPhone(value: string): string {
  const bare = value.replace(/[\s.\-()/]/g, '');
  if (bare === '') return value;
  return bare.startsWith('00') ? `+${bare.slice(2)}` : bare;
}
