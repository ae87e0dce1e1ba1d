// The one catalogue of compliance controls both engines cite: every control a rule or a threat maps to is
// here, named once, with its title, at one granularity per framework (GRANULARITY). Reports, compliance
// summaries and the agent skills read titles from here; a test keeps every citation inside the catalogue.

import type { ComplianceFramework, ComplianceRef } from './compliance.js';

export interface ComplianceControl extends ComplianceRef {
  title: string;
  /** The same requirement's number in the framework's previous version (PCI DSS v3.2.1, which auditors still cite). */
  previously?: string;
}

/** Which version of each framework the controls come from. */
export const FRAMEWORK_VERSIONS: Readonly<Record<ComplianceFramework, string>> = {
  GDPR: 'Regulation (EU) 2016/679',
  'PCI-DSS': 'PCI DSS v4.0',
  SOC2: 'AICPA Trust Services Criteria (2017, revised 2022)',
  HIPAA: 'HIPAA Security Rule, 45 CFR Part 164 Subpart C',
  ISO27001: 'ISO/IEC 27001:2022 Annex A',
  'NIST-800-53': 'NIST SP 800-53 Rev. 5',
  'CIS-AWS': 'CIS Amazon Web Services Foundations Benchmark v3.0.0',
};

/**
 * The one granularity: the most specific numbered control each framework defines. PCI DSS sub-requirements
 * (`8.3.6`), NIST controls or enhancements (`IA-5(1)`), ISO Annex A controls (`A.8.24`), SOC 2 criteria
 * (`CC6.1`), HIPAA standards or implementation specifications (`164.312(a)(2)(iv)`), GDPR articles
 * (`Art. 32`), CIS recommendations (`2.1.1`).
 */
export const GRANULARITY: Readonly<Record<ComplianceFramework, RegExp>> = {
  GDPR: /^Art\. \d+$/,
  'PCI-DSS': /^\d+\.\d+\.\d+$/,
  SOC2: /^(CC\d|A1|C1|PI1|P\d)\.\d+$/,
  HIPAA: /^164\.\d{3}(\([a-zA-Z0-9]+\))+$/,
  ISO27001: /^A\.[5-8]\.\d+$/,
  'NIST-800-53': /^[A-Z]{2}-\d+(\(\d+\))?$/,
  'CIS-AWS': /^\d+\.\d+(\.\d+)?$/,
};

const c = (framework: ComplianceFramework, control: string, title: string): ComplianceControl => ({ framework, control, title });

/** Every control, by a name that says what it asks for. */
export const CONTROLS = {
  // GDPR
  gdprSecurityOfProcessing: c('GDPR', 'Art. 32', 'Security of processing'),
  // PCI DSS v4.0
  pciServicesJustified: c('PCI-DSS', '1.2.5', 'Allowed services, protocols and ports are identified, approved and needed'),
  pciInboundRestricted: c('PCI-DSS', '1.3.1', 'Inbound traffic to the cardholder data environment is restricted'),
  pciOutboundRestricted: c('PCI-DSS', '1.3.2', 'Outbound traffic from the cardholder data environment is restricted'),
  pciNotDirectlyReachable: c('PCI-DSS', '1.4.4', 'Components storing cardholder data are not directly reachable from untrusted networks'),
  pciStoredDataUnreadable: c('PCI-DSS', '3.5.1', 'Stored account data is rendered unreadable'),
  pciKeysProtected: c('PCI-DSS', '3.6.1', 'Cryptographic keys are protected against disclosure and misuse'),
  pciKeyRotation: c('PCI-DSS', '3.7.4', 'Cryptographic keys are changed at the end of their cryptoperiod'),
  pciStrongCryptoInTransit: c('PCI-DSS', '4.2.1', 'Strong cryptography protects data over open, public networks'),
  pciSecureCoding: c('PCI-DSS', '6.2.4', 'Software engineering techniques prevent common attacks'),
  pciAccessModel: c('PCI-DSS', '7.2.1', 'An access control model is defined'),
  pciLeastPrivilege: c('PCI-DSS', '7.2.2', 'Access is assigned by job function with the least privileges needed'),
  pciSharedAccounts: c('PCI-DSS', '8.2.2', 'Group, shared or generic accounts are used only when necessary'),
  pciUserAuthenticated: c('PCI-DSS', '8.3.1', 'All user access is authenticated'),
  pciPasswordStrength: c('PCI-DSS', '8.3.6', 'Passwords meet a minimum length and complexity'),
  pciPasswordReuse: c('PCI-DSS', '8.3.7', 'New passwords differ from the last four'),
  pciPasswordChange: c('PCI-DSS', '8.3.9', 'Single-factor passwords are changed at least every 90 days'),
  pciMfa: c('PCI-DSS', '8.4.2', 'Multi-factor authentication for all access into the cardholder data environment'),
  pciNoHardCodedPasswords: c('PCI-DSS', '8.6.2', 'Passwords for system and application accounts are not hard-coded'),
  pciAuditLogsEnabled: c('PCI-DSS', '10.2.1', 'Audit logs are enabled and active'),
  pciAuditLogReadLimited: c('PCI-DSS', '10.3.1', 'Read access to audit logs is limited'),
  pciAuditLogsProtected: c('PCI-DSS', '10.3.2', 'Audit log files are protected from modification'),
  pciAuditLogIntegrity: c('PCI-DSS', '10.3.4', 'File-integrity monitoring or change detection on audit logs'),
  pciAuditLogReview: c('PCI-DSS', '10.4.1', 'Audit logs are reviewed at least daily'),
  // SOC 2
  soc2LogicalAccess: c('SOC2', 'CC6.1', 'Logical access security over protected information assets'),
  soc2AccessAuthorization: c('SOC2', 'CC6.3', 'Access is authorized, modified and removed by role and least privilege'),
  soc2BoundaryProtection: c('SOC2', 'CC6.6', 'Protection against threats from outside the system boundaries'),
  soc2TransmissionRestricted: c('SOC2', 'CC6.7', 'Transmission, movement and removal of information is restricted'),
  soc2Monitoring: c('SOC2', 'CC7.2', 'System components are monitored for anomalies'),
  soc2ChangeManagement: c('SOC2', 'CC8.1', 'Changes are authorized, designed, tested and approved'),
  soc2Availability: c('SOC2', 'A1.2', 'Environmental protections, backup and recovery infrastructure'),
  // HIPAA Security Rule
  hipaaActivityReview: c('HIPAA', '164.308(a)(1)(ii)(D)', 'Information system activity review'),
  hipaaPasswordManagement: c('HIPAA', '164.308(a)(5)(ii)(D)', 'Password management'),
  hipaaBackupPlan: c('HIPAA', '164.308(a)(7)(ii)(A)', 'Data backup plan'),
  hipaaAccessControl: c('HIPAA', '164.312(a)(1)', 'Access control'),
  hipaaEncryption: c('HIPAA', '164.312(a)(2)(iv)', 'Encryption and decryption'),
  hipaaAuditControls: c('HIPAA', '164.312(b)', 'Audit controls'),
  hipaaIntegrity: c('HIPAA', '164.312(c)(1)', 'Integrity'),
  hipaaAuthentication: c('HIPAA', '164.312(d)', 'Person or entity authentication'),
  // ISO/IEC 27001:2022 Annex A
  isoAssetInventory: c('ISO27001', 'A.5.9', 'Inventory of information and other associated assets'),
  isoAccessControl: c('ISO27001', 'A.5.15', 'Access control'),
  isoAuthenticationInformation: c('ISO27001', 'A.5.17', 'Authentication information'),
  isoAccessRights: c('ISO27001', 'A.5.18', 'Access rights'),
  isoPrivilegedAccess: c('ISO27001', 'A.8.2', 'Privileged access rights'),
  isoInformationAccessRestriction: c('ISO27001', 'A.8.3', 'Information access restriction'),
  isoSecureAuthentication: c('ISO27001', 'A.8.5', 'Secure authentication'),
  isoCapacity: c('ISO27001', 'A.8.6', 'Capacity management'),
  isoConfiguration: c('ISO27001', 'A.8.9', 'Configuration management'),
  isoBackup: c('ISO27001', 'A.8.13', 'Information backup'),
  isoLogging: c('ISO27001', 'A.8.15', 'Logging'),
  isoMonitoring: c('ISO27001', 'A.8.16', 'Monitoring activities'),
  isoNetworkSecurity: c('ISO27001', 'A.8.20', 'Networks security'),
  isoNetworkSegregation: c('ISO27001', 'A.8.22', 'Segregation of networks'),
  isoCryptography: c('ISO27001', 'A.8.24', 'Use of cryptography'),
  isoSecureCoding: c('ISO27001', 'A.8.28', 'Secure coding'),
  // NIST SP 800-53 Rev. 5
  nistAccountManagement: c('NIST-800-53', 'AC-2', 'Account management'),
  nistAccessEnforcement: c('NIST-800-53', 'AC-3', 'Access enforcement'),
  nistLeastPrivilege: c('NIST-800-53', 'AC-6', 'Least privilege'),
  nistNonPrivilegedAccess: c('NIST-800-53', 'AC-6(2)', 'Least privilege: non-privileged access for nonsecurity functions'),
  nistEventLogging: c('NIST-800-53', 'AU-2', 'Event logging'),
  nistAuditProtection: c('NIST-800-53', 'AU-9', 'Protection of audit information'),
  nistAuditGeneration: c('NIST-800-53', 'AU-12', 'Audit record generation'),
  nistConfigurationSettings: c('NIST-800-53', 'CM-6', 'Configuration settings'),
  nistComponentInventory: c('NIST-800-53', 'CM-8', 'System component inventory'),
  nistBackup: c('NIST-800-53', 'CP-9', 'System backup'),
  nistAuthentication: c('NIST-800-53', 'IA-2', 'Identification and authentication (organizational users)'),
  nistMfaPrivileged: c('NIST-800-53', 'IA-2(1)', 'Multi-factor authentication to privileged accounts'),
  nistAuthenticatorManagement: c('NIST-800-53', 'IA-5', 'Authenticator management'),
  nistPasswordAuthenticators: c('NIST-800-53', 'IA-5(1)', 'Password-based authentication'),
  nistNoEmbeddedAuthenticators: c('NIST-800-53', 'IA-5(7)', 'No embedded unencrypted static authenticators'),
  nistDenialOfService: c('NIST-800-53', 'SC-5', 'Denial-of-service protection'),
  nistBoundaryProtection: c('NIST-800-53', 'SC-7', 'Boundary protection'),
  nistDenyByDefault: c('NIST-800-53', 'SC-7(5)', 'Deny by default, allow by exception'),
  nistTransmissionProtection: c('NIST-800-53', 'SC-8', 'Transmission confidentiality and integrity'),
  nistKeyManagement: c('NIST-800-53', 'SC-12', 'Cryptographic key establishment and management'),
  nistDataAtRest: c('NIST-800-53', 'SC-28', 'Protection of information at rest'),
  nistSystemMonitoring: c('NIST-800-53', 'SI-4', 'System monitoring'),
  nistIntegrityVerification: c('NIST-800-53', 'SI-7', 'Software, firmware and information integrity'),
  nistInputValidation: c('NIST-800-53', 'SI-10', 'Information input validation'),
  // CIS AWS Foundations Benchmark v3.0.0
  cisNoRootAccessKeys: c('CIS-AWS', '1.4', 'No root user account access key exists'),
  cisPasswordLength: c('CIS-AWS', '1.8', 'IAM password policy requires a minimum length of 14 or greater'),
  cisPasswordReuse: c('CIS-AWS', '1.9', 'IAM password policy prevents password reuse'),
  cisMfaForConsoleUsers: c('CIS-AWS', '1.10', 'MFA is enabled for all IAM users with a console password'),
  cisPermissionsThroughGroups: c('CIS-AWS', '1.15', 'IAM users receive permissions only through groups'),
  cisNoFullAdminPolicies: c('CIS-AWS', '1.16', 'No IAM policies allow full "*:*" administrative privileges'),
  cisInstanceRoles: c('CIS-AWS', '1.18', 'IAM instance roles are used for AWS resource access from instances'),
  cisS3Encryption: c('CIS-AWS', '2.1.1', 'S3 buckets employ encryption at rest'),
  cisS3MfaDelete: c('CIS-AWS', '2.1.3', 'MFA Delete is enabled on S3 buckets'),
  cisS3BlockPublicAccess: c('CIS-AWS', '2.1.5', 'S3 buckets are configured with Block Public Access'),
  cisEbsEncryption: c('CIS-AWS', '2.2.1', 'EBS volume encryption is enabled'),
  cisRdsEncryption: c('CIS-AWS', '2.3.1', 'Encryption is enabled for RDS instances'),
  cisRdsNotPublic: c('CIS-AWS', '2.3.3', 'RDS instances are not publicly accessible'),
  cisCloudTrailAllRegions: c('CIS-AWS', '3.1', 'CloudTrail is enabled in all regions'),
  cisCloudTrailValidation: c('CIS-AWS', '3.2', 'CloudTrail log file validation is enabled'),
  cisCloudTrailBucketNotPublic: c('CIS-AWS', '3.3', 'The S3 bucket used for CloudTrail logs is not publicly accessible'),
  cisCloudTrailCloudWatch: c('CIS-AWS', '3.4', 'CloudTrail trails are integrated with CloudWatch Logs'),
  cisCloudTrailBucketLogging: c('CIS-AWS', '3.6', 'S3 bucket access logging is enabled on the CloudTrail bucket'),
  cisCloudTrailKms: c('CIS-AWS', '3.7', 'CloudTrail logs are encrypted at rest using KMS CMKs'),
  cisS3ObjectWriteLogging: c('CIS-AWS', '3.10', 'Object-level logging for write events is enabled for S3 buckets'),
  cisS3ObjectReadLogging: c('CIS-AWS', '3.11', 'Object-level logging for read events is enabled for S3 buckets'),
  cisNaclAdminPorts: c('CIS-AWS', '5.1', 'No network ACLs allow ingress from 0.0.0.0/0 to remote administration ports'),
  cisSgAdminPortsIpv4: c('CIS-AWS', '5.2', 'No security groups allow ingress from 0.0.0.0/0 to remote administration ports'),
  cisSgAdminPortsIpv6: c('CIS-AWS', '5.3', 'No security groups allow ingress from ::/0 to remote administration ports'),
  cisImdsv2: c('CIS-AWS', '5.6', 'EC2 metadata service only allows IMDSv2'),
} as const satisfies Record<string, ComplianceControl>;

/** PCI DSS v4.0 requirements and the v3.2.1 numbers they replace (from the PCI SSC summary of changes). */
const PCI_V3: Readonly<Record<string, string>> = {
  '1.2.5': '1.1.6',
  '1.3.1': '1.2.1',
  '1.3.2': '1.2.1',
  '1.4.4': '1.3.6',
  '3.5.1': '3.4',
  '3.6.1': '3.5',
  '3.7.4': '3.6.4',
  '4.2.1': '4.1',
  '6.2.4': '6.5',
  '7.2.1': '7.1',
  '7.2.2': '7.1.2',
  '8.2.2': '8.5',
  '8.3.1': '8.2',
  '8.3.6': '8.2.3',
  '8.3.7': '8.2.5',
  '8.3.9': '8.2.4',
  '8.4.2': '8.3.1',
  '10.2.1': '10.1',
  '10.3.1': '10.5.1',
  '10.3.2': '10.5.2',
  '10.3.4': '10.5.5',
  '10.4.1': '10.6.1',
};

export const COMPLIANCE_CATALOGUE: readonly ComplianceControl[] = Object.values(CONTROLS).map((control) =>
  control.framework === 'PCI-DSS' && PCI_V3[control.control] ? { ...control, previously: PCI_V3[control.control] } : control,
);

/** `PCI-DSS 3.5.1 (v3.2.1: 3.4) Stored account data is rendered unreadable`: how a finding names a control it fails. */
export function describeControl(control: ComplianceControl): string {
  return `${control.framework} ${control.control}${control.previously ? ` (v3.2.1: ${control.previously})` : ''} ${control.title}`;
}

const BY_KEY = new Map(COMPLIANCE_CATALOGUE.map((control) => [`${control.framework} ${control.control}`, control]));

/** The catalogue entry a reference points at, if any. */
export function complianceControl(ref: ComplianceRef): ComplianceControl | undefined {
  return BY_KEY.get(`${ref.framework} ${ref.control}`);
}

const ref = (control: ComplianceControl): ComplianceRef => ({ framework: control.framework, control: control.control });

/**
 * Concepts that both engines cite the same way: a rule "S3 bucket not encrypted" and a threat "data at rest
 * readable from storage" map to the same controls.
 */
export const CONCEPTS = {
  /** Data stored encrypted at rest (any key). */
  encryptionAtRest: [CONTROLS.gdprSecurityOfProcessing, CONTROLS.pciStoredDataUnreadable, CONTROLS.soc2TransmissionRestricted, CONTROLS.hipaaEncryption, CONTROLS.isoCryptography, CONTROLS.nistDataAtRest].map(ref),
  /** Data encrypted under a customer managed key, whose policy and lifecycle the owner controls. */
  customerManagedKey: [CONTROLS.pciKeysProtected, CONTROLS.soc2LogicalAccess, CONTROLS.hipaaEncryption, CONTROLS.isoCryptography, CONTROLS.nistKeyManagement].map(ref),
  /** Recording who did what: audit trails and access logs. */
  activityLogging: [CONTROLS.pciAuditLogsEnabled, CONTROLS.soc2Monitoring, CONTROLS.hipaaAuditControls, CONTROLS.isoLogging, CONTROLS.nistAuditGeneration].map(ref),
  /** Grants limited to the actions and resources a principal needs. */
  leastPrivilege: [CONTROLS.pciLeastPrivilege, CONTROLS.soc2AccessAuthorization, CONTROLS.isoAccessControl, CONTROLS.nistLeastPrivilege].map(ref),
  /** Credentials written into configuration, scripts or code. */
  hardCodedSecrets: [CONTROLS.pciNoHardCodedPasswords, CONTROLS.soc2LogicalAccess, CONTROLS.nistNoEmbeddedAuthenticators, CONTROLS.isoAuthenticationInformation].map(ref),
  /** Inbound traffic from the internet to ports that should stay closed. */
  openIngress: [CONTROLS.pciInboundRestricted, CONTROLS.soc2BoundaryProtection, CONTROLS.nistBoundaryProtection, CONTROLS.isoNetworkSecurity].map(ref),
} as const;
