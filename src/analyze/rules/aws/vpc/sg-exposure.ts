// What security-group rules expose to the internet, over the shared AWS state (any format).

import type { SecurityGroupRule } from '../../../../state/aws/vpc.js';
import { coversAllPorts, describePorts, exposedPorts, isInternetCidr } from '../../../../state/aws/network.js';
import type { StateRuleContext } from '../../../rule.js';

export function internetCidrs(rule: Pick<SecurityGroupRule, 'cidrs'>): string[] {
  return rule.cidrs.filter(isInternetCidr);
}

/**
 * Reports an ingress rule open to the internet on some of the `watched` ports (rules open on every port
 * are BW-AWS-VPC-001's finding). `exposure` words what the reached ports are, for the message.
 */
export function reportInternetIngressTo(
  rule: SecurityGroupRule,
  ctx: StateRuleContext,
  watched: ReadonlyMap<number, string>,
  exposure: (ports: string[]) => string,
): void {
  if (rule.direction !== 'ingress' || coversAllPorts(rule.ports)) return;
  const open = internetCidrs(rule);
  const ports = exposedPorts(rule.ports, watched);
  if (!open.length || !ports.length) return;
  ctx.report({
    at: rule.at,
    message: `${rule.label} allows ingress from ${open.join(', ')} on ${describePorts(rule.protocol, rule.ports)}, ${exposure(ports)}.`,
  });
}
