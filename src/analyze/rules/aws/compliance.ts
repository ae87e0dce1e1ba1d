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
