// Every way Terraform declares a security-group rule, read into one shape: inline `ingress`/`egress` blocks
// (including expanded `dynamic` blocks), `aws_security_group_rule`, and the provider-v5
// `aws_vpc_security_group_ingress_rule` / `aws_vpc_security_group_egress_rule` resources.

import { pushAll } from '../../../../core/arrays.js';
import type { TfLookups } from '../../../../evaluate/terraform/lookups.js';
import type { TfAttribute, TfBody, TfResource, Value } from '../../../../evaluate/terraform/view.js';
import { attr, blocks, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import { cidrStrings, isInternetCidr, readPorts, readProtocol, type PortSpan, type Protocol } from '../../../../state/aws/network.js';
import type { SecurityGroupRule as StateRule } from '../../../../state/aws/vpc.js';
import { tfSource, tfSpot } from '../../source.js';

/** Resource types that carry security-group rules, inline or standalone. */
export const SECURITY_GROUP_RULE_TYPES = [
  'aws_security_group',
  'aws_default_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
] as const;

export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** The inline block, or the standalone rule resource's body. */
  body: TfBody;
  inline: boolean;
  /** Subject for messages: `Ingress block 2 of security group aws_security_group.web` or `Security group rule aws_security_group_rule.ssh`. */
  where: string;
  protocol: Protocol;
  ports: PortSpan;
  /** Literal CIDRs, IPv4 and IPv6; unknown entries are left out. */
  cidrs: string[];
  /** The attribute holding the first internet-wide CIDR, when there is one. */
  internetCidrAttr?: TfAttribute;
  description: Value | undefined;
  /** For an element of an `ingress = [...]` list, its path (`ingress[1]`): the list attribute alone cannot name it. */
  part?: string;
}

const INLINE_TYPES = new Set(['aws_security_group', 'aws_default_security_group']);
const CIDR_ATTRIBUTES = ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6'];

/** The rules a resource declares. Blocks from an unevaluable `dynamic` are skipped: their contents are unknown. */
export function securityGroupRules(resource: TfResource, ctx: Pick<TfLookups, 'memo'>): SecurityGroupRule[] {
  // Six rules read the same resource's rules: read them once per resource.
  const memo = ctx.memo(RULES_MEMO, () => new Map<TfResource, SecurityGroupRule[]>());
  let rules = memo.get(resource);
  if (!rules) {
    rules = readRules(resource);
    memo.set(resource, rules);
  }
  return rules;
}

const RULES_MEMO = Symbol('security group rules by resource');

function readRules(resource: TfResource): SecurityGroupRule[] {
  if (INLINE_TYPES.has(resource.type)) {
    const rules: SecurityGroupRule[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      blocks(resource.body, direction).forEach((block, i) => {
        if (block.fromUnknownDynamic) return;
        const subject = `${direction === 'ingress' ? 'Ingress' : 'Egress'} block ${i + 1} of security group ${resource.address}`;
        rules.push(readRule(block, direction, true, subject, 'protocol'));
      });
      // Attributes-as-blocks form: `ingress = [{ from_port = 22, … }]`.
      const list = attr(resource.body, direction);
      if (list && Array.isArray(list.value)) {
        list.value.forEach((element, i) => {
          if (!isObject(element)) return;
          const subject = `${direction === 'ingress' ? 'Ingress' : 'Egress'} rule ${i + 1} of security group ${resource.address}`;
          rules.push({ ...readRule(objectBody(element, list, resource.file, direction), direction, true, subject, 'protocol'), part: `${direction}[${i}]` });
        });
      }
    }
    return rules;
  }
  const direction = standaloneDirection(resource);
  if (!direction) return [];
  const protocolAttribute = resource.type === 'aws_security_group_rule' ? 'protocol' : 'ip_protocol';
  return [readRule(resource.body, direction, false, `Security group rule ${resource.address}`, protocolAttribute)];
}

function isObject(v: Value): v is { [key: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

/** A body view of one object of an `ingress = [...]` list; every attribute points at the list attribute. */
function objectBody(element: { [key: string]: Value }, list: TfAttribute, file: string, type: string): TfBody {
  const attributes = new Map<string, TfAttribute>();
  for (const [name, v] of Object.entries(element)) {
    attributes.set(name, { name, value: v, range: list.range, valueRange: list.valueRange, refs: [] });
  }
  return { type, labels: [], range: list.range, file, attributes, blocks: [] };
}

function standaloneDirection(resource: TfResource): 'ingress' | 'egress' | undefined {
  if (resource.type === 'aws_vpc_security_group_ingress_rule') return 'ingress';
  if (resource.type === 'aws_vpc_security_group_egress_rule') return 'egress';
  const type = value(resource.body, 'type');
  return type === 'ingress' || type === 'egress' ? type : undefined;
}

function readRule(
  body: TfBody,
  direction: 'ingress' | 'egress',
  inline: boolean,
  where: string,
  protocolAttribute: string,
): SecurityGroupRule {
  const protocol = readProtocol(value(body, protocolAttribute));
  const cidrs: string[] = [];
  let internetCidrAttr: TfAttribute | undefined;
  for (const name of CIDR_ATTRIBUTES) {
    const a = attr(body, name);
    if (!a) continue;
    const list = cidrStrings(a.value);
    pushAll(cidrs, list);
    if (!internetCidrAttr && list.some(isInternetCidr)) internetCidrAttr = a;
  }
  return {
    direction,
    body,
    inline,
    where,
    protocol,
    ports: readPorts(protocol, value(body, 'from_port'), value(body, 'to_port')),
    cidrs,
    ...(internetCidrAttr ? { internetCidrAttr } : {}),
    description: value(body, 'description'),
  };
}

/** Where a finding about this rule should point: the inline block, or the CIDR attribute of a rule resource. */
export function reportTarget(rule: SecurityGroupRule): TfAttribute | TfBody {
  return rule.inline ? rule.body : (rule.internetCidrAttr ?? rule.body);
}

/** The rules a resource declares, in the state every format shares. */
export function stateSecurityGroupRules(resource: TfResource, lookups: Pick<TfLookups, 'memo'>): StateRule[] {
  const rules = securityGroupRules(resource, lookups);
  if (!rules.length) return [];
  const source = tfSource(resource);
  return rules.map((rule) => ({
    direction: rule.direction,
    source,
    inline: rule.inline,
    label: rule.where,
    protocol: rule.protocol,
    ports: rule.ports,
    cidrs: rule.cidrs,
    at: tfSpot(resource, reportTarget(rule), rule.part, source),
    description: rule.description,
  }));
}
