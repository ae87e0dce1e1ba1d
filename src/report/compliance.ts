// Compliance references as reports show them.

import type { ComplianceFramework, ComplianceRef } from '../analyze/rule.js';

/** Every framework a rule may cite; the type check below fails if rule.ts gains one not listed here. */
export const COMPLIANCE_FRAMEWORKS = ['GDPR', 'PCI-DSS', 'SOC2', 'HIPAA', 'ISO27001', 'NIST-800-53', 'CIS-AWS'] as const;
type Missing = Exclude<ComplianceFramework, (typeof COMPLIANCE_FRAMEWORKS)[number]>;
const everyFrameworkListed: Missing extends never ? true : never = true;
void everyFrameworkListed;

/** `PCI-DSS 3.5.1` */
export function formatComplianceRef(ref: ComplianceRef): string {
  return `${ref.framework} ${ref.control}`;
}
