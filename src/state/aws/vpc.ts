// Security-group rules as every format describes them: inline in the group or standalone.

import type { Value } from '../../core/value.js';
import type { Spot, StateSource } from '../source.js';
import type { PortSpan, Protocol } from './network.js';

export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** The resource declaring the rule: the group (inline rules) or the standalone rule resource. */
  source: StateSource;
  /** Declared inside the group rather than as a resource of its own. */
  inline: boolean;
  /** Subject for messages, e.g. `Ingress block 2 of security group aws_security_group.web`. */
  label: string;
  protocol: Protocol;
  ports: PortSpan;
  /** Literal CIDRs, IPv4 and IPv6; unknown entries are left out. */
  cidrs: string[];
  /** Where a finding about the rule points: the inline block, or the standalone rule's internet-wide CIDR. */
  at: Spot;
  description: Value | undefined;
}
