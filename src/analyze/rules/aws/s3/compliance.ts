// Compliance mappings shared by several S3 rules of one concept.
import type { ComplianceRef } from '../../../rule.js';

/** Block Public Access: the guardrail itself and each of its four flags. */
export const PUBLIC_ACCESS_BLOCK_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'SOC2', control: 'CC6.1' },
  { framework: 'ISO27001', control: 'A.8.3' },
  { framework: 'NIST-800-53', control: 'AC-3' },
  { framework: 'CIS-AWS', control: '2.1.5' },
];

/** A bucket opened to everyone, by ACL or by policy. */
export const PUBLIC_BUCKET_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'GDPR', control: 'Art. 32' },
  { framework: 'PCI-DSS', control: '1.4.4' },
  { framework: 'PCI-DSS', control: '7.2.1' },
  { framework: 'SOC2', control: 'CC6.1' },
  { framework: 'HIPAA', control: '164.312(a)(1)' },
  { framework: 'ISO27001', control: 'A.8.3' },
  { framework: 'NIST-800-53', control: 'AC-3' },
  { framework: 'CIS-AWS', control: '2.1.5' },
];
