// Compliance frameworks and the references rules and threats cite, shared by both engines.

/** Every framework a rule or threat may cite. */
export const COMPLIANCE_FRAMEWORKS = ['GDPR', 'PCI-DSS', 'SOC2', 'HIPAA', 'ISO27001', 'NIST-800-53', 'CIS-AWS'] as const;
export type ComplianceFramework = (typeof COMPLIANCE_FRAMEWORKS)[number];

export interface ComplianceRef {
  framework: ComplianceFramework;
  /** Control id as the framework writes it, e.g. `Art. 32`, `3.5.1`, `CC6.1`, `A.8.24`, `SC-28`, `2.1.1`. */
  control: string;
}

/** `PCI-DSS 3.5.1` */
export function formatComplianceRef(ref: ComplianceRef): string {
  return `${ref.framework} ${ref.control}`;
}
