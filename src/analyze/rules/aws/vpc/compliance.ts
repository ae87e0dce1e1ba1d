// Compliance mappings shared by VPC rules of one concept.
import type { ComplianceRef } from '../../../rule.js';
import { CONCEPTS } from '../../../../core/compliance-catalogue.js';

/** Inbound traffic from the internet to ports that should stay closed (security groups and network ACLs). */
export const OPEN_INGRESS_COMPLIANCE: readonly ComplianceRef[] = CONCEPTS.openIngress;

/** Security groups and their rules say what they are for, so reviews and audits can judge them. */
export const DESCRIBED_FIREWALL_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'SOC2', control: 'CC8.1' },
  { framework: 'NIST-800-53', control: 'CM-8' },
  { framework: 'ISO27001', control: 'A.8.9' },
];
