// What the three EBS encryption-at-rest rules (volumes, instances, launch configurations and templates)
// share: the same concern, so the same severity, weakness and compliance mapping.
import type { RuleMeta } from '../../../rule.js';

export const EBS_ENCRYPTION_AT_REST: Pick<RuleMeta, 'severity' | 'stride' | 'cwe' | 'compliance'> = {
  severity: 'high',
  stride: 'information-disclosure',
  cwe: ['CWE-311'],
  compliance: [
    { framework: 'GDPR', control: 'Art. 32' },
    { framework: 'PCI-DSS', control: '3.5.1' },
    { framework: 'SOC2', control: 'CC6.1' },
    { framework: 'HIPAA', control: '164.312(a)(2)(iv)' },
    { framework: 'NIST-800-53', control: 'SC-28' },
    { framework: 'ISO27001', control: 'A.8.24' },
    { framework: 'CIS-AWS', control: '2.2.1' },
  ],
};
