// CIDR, protocol and port reading shared by every format's security-group and network-ACL state.
// Pure functions over evaluated values; anything unknown stays unknown so rules never flag a guess.

import { asNumber, asString, isUnknown, type Value } from '../../core/value.js';

/**
 * True when the CIDR admits the public internet at large: `0.0.0.0/0`, `::/0`, and other very wide public
 * ranges (an IPv4 prefix of /8 or shorter, an IPv6 prefix of /16 or shorter) that are not private or reserved.
 * A single public address (`203.0.113.7/32`) is a deliberate allow-list entry, not "the internet".
 */
export function isInternetCidr(cidr: string): boolean {
  // The same few CIDRs recur across thousands of rules: remember the answers (bounded).
  let answer = internetCidrMemo.get(cidr);
  if (answer === undefined) {
    answer = classifyCidr(cidr);
    if (internetCidrMemo.size > 10_000) internetCidrMemo.clear();
    internetCidrMemo.set(cidr, answer);
  }
  return answer;
}

const internetCidrMemo = new Map<string, boolean>();

function classifyCidr(cidr: string): boolean {
  const [address, prefixText] = cidr.trim().split('/');
  if (!address || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return false;
  const prefix = Number(prefixText);
  return address.includes(':') ? isWideIpv6(address, prefix) : isWideIpv4(address, prefix);
}

function isWideIpv4(address: string, prefix: number): boolean {
  const octets = address.split('.');
  if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) return false;
  if (prefix > 8) return false;
  const first = Number(octets[0]);
  if (prefix === 8 && (first === 0 || first === 10 || first === 127)) return false; // this-network, private, loopback
  if (prefix >= 3 && first >= 224) return false; // multicast and reserved
  return true;
}

function isWideIpv6(address: string, prefix: number): boolean {
  if (prefix > 16) return false;
  const head = address.startsWith('::') ? 0 : Number.parseInt(address.split(':')[0] ?? '', 16);
  if (Number.isNaN(head)) return false;
  if (prefix >= 7 && (head & 0xfe00) === 0xfc00) return false; // unique local
  if (prefix >= 10 && (head & 0xffc0) === 0xfe80) return false; // link local
  if (prefix >= 8 && (head & 0xff00) === 0xff00) return false; // multicast
  return true;
}

/** Literal CIDR strings in a list or single-string value; unknown elements are left out. */
export function cidrStrings(v: Value | undefined): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((c): c is string => typeof c === 'string');
  return [];
}

/** `all` for every protocol, a known name, `unknown` (not determinable) or `missing` (not set). */
export type Protocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'unknown' | 'missing' | (string & {});

const PROTOCOL_ALIASES: Record<string, Protocol> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
  '1': 'icmp',
  icmp: 'icmp',
  '58': 'icmpv6',
  icmpv6: 'icmpv6',
};

export function readProtocol(v: Value | undefined): Protocol {
  if (v === undefined || v === null) return 'missing';
  if (isUnknown(v)) return 'unknown';
  const text = asString(v)?.trim().toLowerCase();
  if (text === undefined) return 'unknown';
  return PROTOCOL_ALIASES[text] ?? text;
}

export type PortSpan =
  | { kind: 'all' }
  | { kind: 'range'; from: number; to: number }
  /** The protocol has no ports (ICMP, ESP, …). */
  | { kind: 'none' }
  | { kind: 'unknown' };

/** Which ports a rule opens, from its protocol and `from_port`/`to_port`. */
export function readPorts(protocol: Protocol, from: Value | undefined, to: Value | undefined): PortSpan {
  if (protocol === 'all') return { kind: 'all' };
  if (protocol === 'unknown' || protocol === 'missing') return { kind: 'unknown' };
  if (protocol !== 'tcp' && protocol !== 'udp') return { kind: 'none' };
  const low = asNumber(isUnknown(from) ? undefined : from);
  const high = asNumber(isUnknown(to) ? undefined : to);
  if (low === undefined || high === undefined) return { kind: 'unknown' };
  // -1 means "any port" to the AWS APIs (and the console writes it for TCP/UDP "All"): normalise to 0-65535.
  if (low === -1 && high === -1) return { kind: 'range', from: 0, to: 65535 };
  const a = low === -1 ? 0 : low;
  const b = high === -1 ? 65535 : high;
  return { kind: 'range', from: Math.min(a, b), to: Math.max(a, b) };
}

/** Every port of the protocol (or every protocol): `-1`, or TCP/UDP 0/1-65535. */
export function coversAllPorts(ports: PortSpan): boolean {
  return ports.kind === 'all' || (ports.kind === 'range' && ports.from <= 1 && ports.to >= 65535);
}

export function includesPort(ports: PortSpan, port: number): boolean {
  return ports.kind === 'all' || (ports.kind === 'range' && ports.from <= port && port <= ports.to);
}

/** Human wording for messages, e.g. `all protocols and ports`, `TCP ports 0-65535`, `TCP port 22`. */
export function describePorts(protocol: Protocol, ports: PortSpan): string {
  if (ports.kind === 'all') return 'all protocols and ports';
  const name = protocol.toUpperCase();
  if (ports.kind === 'range') return ports.from === ports.to ? `${name} port ${ports.from}` : `${name} ports ${ports.from}-${ports.to}`;
  return ports.kind === 'none' ? `protocol ${protocol}` : 'unknown ports';
}

/** Remote administration ports: exposing these to the internet invites brute force and exploits. */
export const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [3389, 'RDP'],
]);

export { DATA_STORE_PORTS } from '../../core/data-store-ports.js';
import { DATA_STORE_PORTS } from '../../core/data-store-ports.js';

/** The listed ports a span opens, formatted like `22 (SSH), 3389 (RDP)`; empty when none. */
export function exposedPorts(ports: PortSpan, list: ReadonlyMap<number, string>): string[] {
  const hits: string[] = [];
  for (const [port, name] of list) if (includesPort(ports, port)) hits.push(`${port} (${name})`);
  return hits;
}
