// One view over network ACL entries: inline `ingress`/`egress` blocks of `aws_network_acl` /
// `aws_default_network_acl`, and standalone `aws_network_acl_rule` resources.

import type { TfAttribute, TfBody, TfResource } from '../../../../evaluate/terraform/view.js';
import { attr, blocks, isFalse, isTrue, isUnknown, value } from '../../../../evaluate/terraform/view.js';
import type { TerraformReport } from '../../../rule.js';
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
}

const INLINE_TYPES = new Set(['aws_network_acl', 'aws_default_network_acl']);

export function naclEntries(resource: TfResource): NaclEntry[] {
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
  let internetCidrAttr: TfAttribute | undefined;
  for (const name of ['cidr_block', 'ipv6_cidr_block']) {
    const a = attr(body, name);
    if (!a) continue;
    const open = cidrStrings(a.value).filter(isInternetCidr);
    internetCidrs.push(...open);
    if (open.length && !internetCidrAttr) internetCidrAttr = a;
  }
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
  };
}

/** An entry that lets internet traffic in. */
export function allowsInternetIngress(entry: NaclEntry): boolean {
  return entry.direction === 'ingress' && entry.action === 'allow' && entry.internetCidrs.length > 0;
}

export function naclReportTarget(entry: NaclEntry): TerraformReport['at'] {
  return entry.inline ? entry.body : (entry.internetCidrAttr ?? entry.body);
}
