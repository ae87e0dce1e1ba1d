// What the secret rules share: reporting the matches of some families, masked, once each.

import type { ComplianceRef } from '../../../core/compliance.js';
import type { SecretFamily } from '../../secrets/detectors.js';
import { mask } from '../../secrets/patterns.js';
import type { SecretsCheck } from '../../secrets-rule.js';

export const SECRET_COMPLIANCE: ComplianceRef[] = [
  { framework: 'PCI-DSS', control: '8.6.2' },
  { framework: 'NIST-800-53', control: 'IA-5(7)' },
  { framework: 'ISO27001', control: 'A.5.17' },
  { framework: 'SOC2', control: 'CC6.1' },
];

/** Reports every match of these families: `${kind} (${masked})` in the message, the detector and masked value in the part. */
export function reportFamilies(families: readonly SecretFamily[], describe: (kind: string, masked: string) => string): SecretsCheck {
  return {
    check(file, ctx) {
      for (const m of file.matches) {
        if (!families.includes(m.family)) continue;
        const masked = mask(m.secret);
        ctx.report({ start: m.start, end: m.end, message: describe(m.kind, masked), part: `${m.detector}:${masked}:${m.secret.length}` });
      }
    },
  };
}
