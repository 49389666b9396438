import { BlockList, isIP } from 'node:net';

/**
 * Where a host of a URL points, as far as can be told without resolving a name: a literal
 * address is classified by its range, `localhost` is loopback, any other name is `public`.
 */
export type HostKind = 'loopback' | 'link_local' | 'private' | 'public';

// BlockList also matches IPv4-mapped IPv6 addresses (`::ffff:a9fe:a9fe`) against IPv4 ranges.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

// Link-local ranges hold the cloud metadata services (169.254.169.254, fd00:ec2::254 aside).
const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16, 'ipv4');
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network": 0.0.0.0 reaches the local machine on most systems
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT, also Alibaba Cloud's metadata service
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
PRIVATE.addAddress('::', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6'); // unique local, AWS's fd00:ec2::254 metadata included

/** Names that resolve to a metadata service inside a cloud, whatever the DNS says elsewhere. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'instance-data']);

/** Classifies `URL.hostname` (IPv6 in brackets, as the URL parser writes it). */
export function hostKind(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return 'loopback';
  if (METADATA_NAMES.has(host.replace(/\.$/, ''))) return 'link_local';
  const family = isIP(host);
  if (family === 0) return 'public';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (LOOPBACK.check(host, type)) return 'loopback';
  if (LINK_LOCAL.check(host, type)) return 'link_local';
  if (PRIVATE.check(host, type)) return 'private';
  return 'public';
}

/**
 * True for hosts that never leave this machine, where plain http is acceptable: `localhost` and
 * literal loopback addresses. Other names (`*.localhost` included) are resolved through DNS,
 * which can send them anywhere, so they are not.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostKind(hostname) === 'loopback';
}
