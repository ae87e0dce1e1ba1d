// Compliance controls the threat rules map to: short names into the one catalogue both engines share
// (core/compliance-catalogue.ts), so threats and IaC rules cite the same controls at the same granularity.

import { CONTROLS, type ComplianceControl } from '../../core/compliance-catalogue.js';
import type { ComplianceRef } from '../../core/compliance.js';

const ref = (control: ComplianceControl): ComplianceRef => ({ framework: control.framework, control: control.control });

export const C = {
  gdprSecurity: ref(CONTROLS.gdprSecurityOfProcessing),
  pciAuthn: ref(CONTROLS.pciUserAuthenticated),
  pciMfa: ref(CONTROLS.pciMfa),
  pciLogging: ref(CONTROLS.pciAuditLogsEnabled),
  pciTransit: ref(CONTROLS.pciStrongCryptoInTransit),
  pciAtRest: ref(CONTROLS.pciStoredDataUnreadable),
  pciSecureCoding: ref(CONTROLS.pciSecureCoding),
  pciLeastPrivilege: ref(CONTROLS.pciLeastPrivilege),
  pciNetwork: ref(CONTROLS.pciInboundRestricted),
  soc2Access: ref(CONTROLS.soc2LogicalAccess),
  soc2Boundary: ref(CONTROLS.soc2BoundaryProtection),
  soc2Transmission: ref(CONTROLS.soc2TransmissionRestricted),
  soc2Monitoring: ref(CONTROLS.soc2Monitoring),
  soc2Availability: ref(CONTROLS.soc2Availability),
  isoAuthn: ref(CONTROLS.isoSecureAuthentication),
  isoCrypto: ref(CONTROLS.isoCryptography),
  isoLogging: ref(CONTROLS.isoLogging),
  isoPrivileged: ref(CONTROLS.isoPrivilegedAccess),
  isoAccess: ref(CONTROLS.isoInformationAccessRestriction),
  isoBackup: ref(CONTROLS.isoBackup),
  isoSecureCoding: ref(CONTROLS.isoSecureCoding),
  isoCapacity: ref(CONTROLS.isoCapacity),
  isoNetwork: ref(CONTROLS.isoNetworkSecurity),
  nistAuthn: ref(CONTROLS.nistAuthentication),
  nistAccess: ref(CONTROLS.nistAccessEnforcement),
  nistLeastPrivilege: ref(CONTROLS.nistLeastPrivilege),
  nistAudit: ref(CONTROLS.nistEventLogging),
  nistTransit: ref(CONTROLS.nistTransmissionProtection),
  nistAtRest: ref(CONTROLS.nistDataAtRest),
  nistDos: ref(CONTROLS.nistDenialOfService),
  nistInput: ref(CONTROLS.nistInputValidation),
  nistIntegrity: ref(CONTROLS.nistIntegrityVerification),
  nistBackup: ref(CONTROLS.nistBackup),
  nistBoundary: ref(CONTROLS.nistBoundaryProtection),
  nistSecrets: ref(CONTROLS.nistAuthenticatorManagement),
  soc2Change: ref(CONTROLS.soc2ChangeManagement),
  isoConfiguration: ref(CONTROLS.isoConfiguration),
  isoSegregation: ref(CONTROLS.isoNetworkSegregation),
  isoInventory: ref(CONTROLS.isoAssetInventory),
  nistConfiguration: ref(CONTROLS.nistConfigurationSettings),
  nistInventory: ref(CONTROLS.nistComponentInventory),
  nistMonitoring: ref(CONTROLS.nistSystemMonitoring),
  pciNotReachable: ref(CONTROLS.pciNotDirectlyReachable),
} as const;
