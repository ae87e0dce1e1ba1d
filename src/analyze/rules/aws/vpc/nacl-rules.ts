// One view over network ACL entries: inline `ingress`/`egress` blocks of `aws_network_acl` /
// `aws_default_network_acl`, and standalone `aws_network_acl_rule` resources.

import { pushAll } from '../../../../core/arrays.js';
import type { TfAttribute, TfBody, TfResource } from '../../../../evaluate/terraform/view.js';
import { asNumber, attr, blocks, isFalse, isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import type { TerraformReport, TerraformRuleContext } from '../../../rule.js';
import { cidrStrings, isInternetCidr, readPorts, readProtocol, type PortSpan, type Protocol } from '../../../../state/aws/network.js';

export const NACL_RULE_TYPES = ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule'] as const;

export interface NaclEntry {
  direction: 'ingress' | 'egress';
  body: TfBody;
  inline: boolean;
  where: string;
  /** `allow`, `deny`, or undefined when not determinable. */
  action: 'allow' | 'deny' | undefined;
  protocol: Protocol;
  ports: PortSpan;
  /** Internet-wide CIDRs among `cidr_block` / `ipv6_cidr_block`. */
  internetCidrs: string[];
  internetCidrAttr?: TfAttribute;
  /** Every literal CIDR of the entry; `cidrUnknown` when one is not known. */
  cidrs: string[];
  cidrUnknown: boolean;
  /** `rule_no`: entries are evaluated lowest first, and the first match decides. Undefined when not known. */
  ruleNo: number | undefined;
}

const INLINE_TYPES = new Set(['aws_network_acl', 'aws_default_network_acl']);

const ENTRIES = Symbol('network ACL entries by resource');

/** The entries a resource declares, read once per resource per project (two rules read them). */
export function naclEntries(resource: TfResource, ctx?: Pick<TerraformRuleContext, 'memo'>): NaclEntry[] {
  if (!ctx) return readEntries(resource);
  const byResource = ctx.memo(ENTRIES, () => new Map<TfResource, NaclEntry[]>());
  let entries = byResource.get(resource);
  if (!entries) byResource.set(resource, (entries = readEntries(resource)));
  return entries;
}

function readEntries(resource: TfResource): NaclEntry[] {
  if (INLINE_TYPES.has(resource.type)) {
    const entries: NaclEntry[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      blocks(resource.body, direction).forEach((block, i) => {
        if (block.fromUnknownDynamic) return;
        const subject = `${direction === 'ingress' ? 'Ingress' : 'Egress'} block ${i + 1} of network ACL ${resource.address}`;
        entries.push(readEntry(block, direction, true, subject, 'action'));
      });
    }
    return entries;
  }
  // `egress` defaults to false: a rule without it is an ingress rule.
  const egress = value(resource.body, 'egress');
  if (isUnknown(egress)) return [];
  const direction = isTrue(egress) ? 'egress' : egress === undefined || isFalse(egress) ? 'ingress' : undefined;
  return direction ? [readEntry(resource.body, direction, false, `Network ACL rule ${resource.address}`, 'rule_action')] : [];
}

function readEntry(body: TfBody, direction: 'ingress' | 'egress', inline: boolean, where: string, actionAttribute: string): NaclEntry {
  const protocol = readProtocol(value(body, 'protocol'));
  const actionValue = value(body, actionAttribute);
  const action = typeof actionValue === 'string' && ['allow', 'deny'].includes(actionValue.toLowerCase())
    ? (actionValue.toLowerCase() as 'allow' | 'deny')
    : undefined;
  const internetCidrs: string[] = [];
  const cidrs: string[] = [];
  let cidrUnknown = false;
  let internetCidrAttr: TfAttribute | undefined;
  for (const name of ['cidr_block', 'ipv6_cidr_block']) {
    const a = attr(body, name);
    if (!a) continue;
    if (isUnknown(a.value)) cidrUnknown = true;
    const all = cidrStrings(a.value);
    pushAll(cidrs, all);
    const open = all.filter(isInternetCidr);
    pushAll(internetCidrs, open);
    if (open.length && !internetCidrAttr) internetCidrAttr = a;
  }
  // Inline blocks number themselves `rule_no`, aws_network_acl_rule `rule_number`.
  const ruleNo = asNumber(value(body, inline ? 'rule_no' : 'rule_number'));
  return {
    direction,
    body,
    inline,
    where,
    action,
    protocol,
    ports: readPorts(protocol, value(body, 'from_port'), value(body, 'to_port')),
    internetCidrs,
    ...(internetCidrAttr ? { internetCidrAttr } : {}),
    cidrs,
    cidrUnknown,
    ruleNo,
  };
}

/** An entry that lets internet traffic in. */
export function allowsInternetIngress(entry: NaclEntry): boolean {
  return entry.direction === 'ingress' && entry.action === 'allow' && entry.internetCidrs.length > 0;
}

export function naclReportTarget(entry: NaclEntry): TerraformReport['at'] {
  return entry.inline ? entry.body : (entry.internetCidrAttr ?? entry.body);
}

// --- rule order -----------------------------------------------------------------------------------

/** Every entry of the network ACL `resource` belongs to (its inline blocks and standalone rules), for ordering. */
export function aclEntries(resource: TfResource, ctx: Pick<TerraformRuleContext, 'ofType' | 'referencing' | 'memo'>): NaclEntry[] {
  const acl = INLINE_TYPES.has(resource.type) ? resource : owningAcl(resource, ctx);
  if (acl) {
    // Two rules read the entries of every ACL, once for each of its rules: read them once per ACL.
    const byAcl = ctx.memo(ACL_ENTRIES, () => new Map<TfResource, NaclEntry[]>());
    let entries = byAcl.get(acl);
    if (!entries) {
      const standalone = ctx.referencing(acl, 'aws_network_acl_rule', 'network_acl_id');
      byAcl.set(acl, (entries = [...naclEntries(acl, ctx), ...standalone.flatMap((r) => naclEntries(r, ctx))]));
    }
    return entries;
  }
  // A rule naming its ACL by a literal id: its siblings name the same id.
  const id = value(resource.body, 'network_acl_id');
  if (typeof id !== 'string') return naclEntries(resource, ctx);
  return ctx
    .ofType('aws_network_acl_rule')
    .filter((r) => r.module === resource.module && value(r.body, 'network_acl_id') === id)
    .flatMap((r) => naclEntries(r, ctx));
}

const ACL_ENTRIES = Symbol('network ACL entries by ACL');

const ACLS_BY_ADDRESS = Symbol('network ACLs by address');

function owningAcl(rule: TfResource, ctx: Pick<TerraformRuleContext, 'ofType' | 'memo'>): TfResource | undefined {
  const byAddress = ctx.memo(ACLS_BY_ADDRESS, () => {
    const map = new Map<string, TfResource>();
    for (const type of INLINE_TYPES) {
      for (const acl of ctx.ofType(type)) {
        if (!map.has(acl.address)) map.set(acl.address, acl);
        if (!map.has(acl.baseAddress)) map.set(acl.baseAddress, acl);
      }
    }
    return map;
  });
  for (const ref of attr(rule.body, 'network_acl_id')?.refs ?? []) {
    const acl = byAddress.get(ref);
    if (acl) return acl;
  }
  return undefined;
}

/** Port intervals, inclusive. */
type Ports = [number, number][];

const ALL_PORTS: Ports = [[0, 65535]];

/**
 * What an ingress allow entry admits from the internet once the ACL's lower-numbered deny entries are applied
 * (the first matching entry decides): the TCP and UDP ports left, and whether other protocols get through.
 * `uncertain` when a deny that may come first cannot be read (unknown number, CIDR, protocol or ports).
 */
export interface EffectiveIngress {
  tcp: Ports;
  udp: Ports;
  other: boolean;
  uncertain: boolean;
}

export function effectiveIngress(entry: NaclEntry, siblings: readonly NaclEntry[]): EffectiveIngress {
  const all = entry.ports.kind === 'all';
  const span: Ports = entry.ports.kind === 'range' ? [[entry.ports.from, entry.ports.to]] : all ? ALL_PORTS : [];
  const result: EffectiveIngress = {
    tcp: entry.protocol === 'tcp' || all ? span : [],
    udp: entry.protocol === 'udp' || all ? span : [],
    other: all,
    uncertain: entry.ports.kind === 'unknown',
  };
  for (const deny of siblings) {
    if (deny === entry || deny.direction !== 'ingress' || deny.action === 'allow') continue;
    const before = deny.ruleNo !== undefined && entry.ruleNo !== undefined ? deny.ruleNo < entry.ruleNo : undefined;
    if (before === false) continue;
    const covers = entry.internetCidrs.some((c) => deny.cidrs.some((d) => cidrCovers(d, c)));
    const readable = deny.action === 'deny' && before !== undefined && !deny.cidrUnknown && deny.protocol !== 'unknown' && deny.ports.kind !== 'unknown';
    if (!readable) {
      // A deny that might come first and might match: what gets through cannot be told.
      if (covers || deny.cidrUnknown) result.uncertain = true;
      continue;
    }
    if (!covers) continue;
    if (deny.ports.kind === 'all') return { tcp: [], udp: [], other: false, uncertain: result.uncertain };
    const denied: Ports = deny.ports.kind === 'range' ? [[deny.ports.from, deny.ports.to]] : [];
    if (deny.protocol === 'tcp') result.tcp = subtract(result.tcp, denied);
    if (deny.protocol === 'udp') result.udp = subtract(result.udp, denied);
  }
  return result;
}

/** Every port of every protocol the entry names is still admitted. */
export function admitsEverything(entry: NaclEntry, effective: EffectiveIngress): boolean {
  const full = (p: Ports) => p.some(([a, b]) => a <= 1 && b >= 65535);
  if (entry.ports.kind === 'all') return full(effective.tcp) && full(effective.udp) && effective.other;
  return entry.protocol === 'tcp' ? full(effective.tcp) : entry.protocol === 'udp' ? full(effective.udp) : false;
}

export function admitsPort(effective: EffectiveIngress, port: number): boolean {
  const has = (p: Ports) => p.some(([a, b]) => a <= port && port <= b);
  return has(effective.tcp) || has(effective.udp);
}

function subtract(ports: Ports, denied: Ports): Ports {
  let out = ports;
  for (const [da, db] of denied) {
    out = out.flatMap(([a, b]): Ports => {
      if (db < a || da > b) return [[a, b]];
      const parts: Ports = [];
      if (da > a) parts.push([a, da - 1]);
      if (db < b) parts.push([db + 1, b]);
      return parts;
    });
  }
  return out;
}

/** True when the CIDR `outer` contains every address of `inner` (IPv4 by arithmetic; IPv6 for `::/0` or equality). */
export function cidrCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const o = parseIpv4(outer);
  const i = parseIpv4(inner);
  if (o && i) return o.prefix <= i.prefix && (o.prefix === 0 || (o.address >>> (32 - o.prefix)) === (i.address >>> (32 - o.prefix)));
  return outer.trim() === '::/0' && inner.includes(':');
}

function parseIpv4(cidr: string): { address: number; prefix: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  return { address: ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0, prefix };
}
