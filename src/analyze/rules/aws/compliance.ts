// Compliance mappings shared by rules of one concept across services.
import type { ComplianceRef } from '../../rule.js';

/** Recording who did what (audit trails, access logs): the controls every activity-logging rule maps to. */
export const ACTIVITY_LOGGING_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'PCI-DSS', control: '10.2.1' },
  { framework: 'SOC2', control: 'CC7.2' },
  { framework: 'HIPAA', control: '164.312(b)' },
  { framework: 'ISO27001', control: 'A.8.15' },
  { framework: 'NIST-800-53', control: 'AU-12' },
];

/** Data stored encrypted at rest (any key). */
export const ENCRYPTION_AT_REST_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'GDPR', control: 'Art. 32' },
  { framework: 'PCI-DSS', control: '3.5.1' },
  { framework: 'SOC2', control: 'CC6.7' },
  { framework: 'HIPAA', control: '164.312(a)(2)(iv)' },
  { framework: 'ISO27001', control: 'A.8.24' },
  { framework: 'NIST-800-53', control: 'SC-28' },
];

/** Data encrypted under a customer managed KMS key, whose policy and lifecycle the owner controls. */
export const CUSTOMER_MANAGED_KEY_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'PCI-DSS', control: '3.6.1' },
  { framework: 'SOC2', control: 'CC6.1' },
  { framework: 'HIPAA', control: '164.312(a)(2)(iv)' },
  { framework: 'ISO27001', control: 'A.8.24' },
  { framework: 'NIST-800-53', control: 'SC-12' },
];

/** Least privilege: grants limited to the actions and resources a principal needs. */
export const LEAST_PRIVILEGE_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'PCI-DSS', control: '7.2.2' },
  { framework: 'SOC2', control: 'CC6.3' },
  { framework: 'ISO27001', control: 'A.5.15' },
  { framework: 'NIST-800-53', control: 'AC-6' },
];

/** Credentials written into configuration, scripts or code. PCI DSS 8.6.2 names exactly this. */
export const HARD_CODED_SECRET_COMPLIANCE: readonly ComplianceRef[] = [
  { framework: 'PCI-DSS', control: '8.6.2' },
  { framework: 'SOC2', control: 'CC6.1' },
  { framework: 'NIST-800-53', control: 'IA-5(7)' },
  { framework: 'ISO27001', control: 'A.5.17' },
];
