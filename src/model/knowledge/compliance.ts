// Compliance controls the threat rules map to, named once so rules stay short and consistent.

import type { ComplianceRef } from '../../core/compliance.js';

const ref = (framework: ComplianceRef['framework'], control: string): ComplianceRef => ({ framework, control });

export const C = {
  gdprSecurity: ref('GDPR', 'Art. 32'),
  pciAuthn: ref('PCI-DSS', '8.3'),
  pciMfa: ref('PCI-DSS', '8.4'),
  pciLogging: ref('PCI-DSS', '10.2'),
  pciTransit: ref('PCI-DSS', '4.2.1'),
  pciAtRest: ref('PCI-DSS', '3.5.1'),
  pciSecureCoding: ref('PCI-DSS', '6.2.4'),
  pciLeastPrivilege: ref('PCI-DSS', '7.2'),
  pciNetwork: ref('PCI-DSS', '1.3'),
  soc2Access: ref('SOC2', 'CC6.1'),
  soc2Boundary: ref('SOC2', 'CC6.6'),
  soc2Transmission: ref('SOC2', 'CC6.7'),
  soc2Monitoring: ref('SOC2', 'CC7.2'),
  soc2Availability: ref('SOC2', 'A1.2'),
  isoAuthn: ref('ISO27001', 'A.8.5'),
  isoCrypto: ref('ISO27001', 'A.8.24'),
  isoLogging: ref('ISO27001', 'A.8.15'),
  isoPrivileged: ref('ISO27001', 'A.8.2'),
  isoAccess: ref('ISO27001', 'A.8.3'),
  isoBackup: ref('ISO27001', 'A.8.13'),
  isoSecureCoding: ref('ISO27001', 'A.8.28'),
  isoCapacity: ref('ISO27001', 'A.8.6'),
  isoNetwork: ref('ISO27001', 'A.8.20'),
  nistAuthn: ref('NIST-800-53', 'IA-2'),
  nistAccess: ref('NIST-800-53', 'AC-3'),
  nistLeastPrivilege: ref('NIST-800-53', 'AC-6'),
  nistAudit: ref('NIST-800-53', 'AU-2'),
  nistTransit: ref('NIST-800-53', 'SC-8'),
  nistAtRest: ref('NIST-800-53', 'SC-28'),
  nistDos: ref('NIST-800-53', 'SC-5'),
  nistInput: ref('NIST-800-53', 'SI-10'),
  nistIntegrity: ref('NIST-800-53', 'SI-7'),
  nistBackup: ref('NIST-800-53', 'CP-9'),
  nistBoundary: ref('NIST-800-53', 'SC-7'),
  nistSecrets: ref('NIST-800-53', 'IA-5'),
} as const;
