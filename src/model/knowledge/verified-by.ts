// Which auditor rules verify each mitigation: a finding of one of them on an element shows the mitigation is
// missing there (confirming the threats it answers); no finding, where the rule applies, shows it in place.
// Written once, here: the threats a rule answers are derived from it (threatRulesVerifiedBy), never listed
// twice. Ids are the auditor's (`bulwark rules`); a test checks every one exists.

const SECRET_RULES = ['BW-SECRET-AWS-001', 'BW-SECRET-CONN-001', 'BW-SECRET-ENV-001', 'BW-SECRET-GENERIC-001', 'BW-SECRET-JWT-001', 'BW-SECRET-KEY-001', 'BW-SECRET-TOKEN-001'];
const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(3, '0')}`);

export const MITIGATION_CHECKS: Readonly<Record<string, readonly string[]>> = {
  'MIT-QUEUE-ENCRYPTION': range('BW-AWS-SQS', 1, 4),
  'MIT-ENCRYPT-AT-REST': [
    'BW-AWS-RDS-001', 'BW-AWS-RDS-002', 'BW-AWS-RDS-007', 'BW-AWS-S3-001', 'BW-AWS-S3-011', ...range('BW-AWS-EC2', 3, 6),
    'BW-AWS-CLOUDTRAIL-003', 'BW-AWS-KMS-001', 'BW-AWS-KMS-002', 'BW-AWS-KMS-003',
  ],
  'MIT-PRIVATE-NETWORK': ['BW-AWS-RDS-003', 'BW-AWS-VPC-001', 'BW-AWS-VPC-003', 'BW-AWS-VPC-009', 'BW-AWS-EC2-007', 'BW-COMPOSE-NET-001', 'BW-K8S-NET-003'],
  'MIT-S3-BLOCK-PUBLIC': range('BW-AWS-S3', 3, 9),
  'MIT-S3-VERSIONING': ['BW-AWS-S3-002', 'BW-AWS-S3-012'],
  'MIT-BACKUPS': ['BW-AWS-RDS-004', 'BW-AWS-RDS-005'],
  'MIT-LEAST-PRIVILEGE-ROLE': [...range('BW-AWS-IAM', 1, 5), 'BW-AWS-IAM-014', 'BW-AWS-SQS-003', 'BW-AWS-SQS-004', ...range('BW-K8S-RBAC', 1, 6)],
  'MIT-SECRETS-MANAGER': [
    'BW-COMPOSE-SECRET-001', 'BW-COMPOSE-SECRET-002', 'BW-DOCKER-SECRET-001', 'BW-K8S-SECRET-001', 'BW-K8S-SECRET-002', 'BW-AWS-LAMBDA-001', 'BW-TF-VAR-001',
    'BW-AWS-IAM-016', 'BW-AWS-EC2-008', 'BW-AWS-EC2-009', ...SECRET_RULES,
  ],
  'MIT-SECRET-SCANNING': SECRET_RULES,
  'MIT-DB-STRONG-CREDENTIALS': ['BW-COMPOSE-SECRET-002', 'BW-AWS-RDS-008'],
  'MIT-K8S-NON-ROOT': ['BW-K8S-POD-001', 'BW-K8S-POD-010', 'BW-K8S-POD-011', 'BW-COMPOSE-PRIV-007', 'BW-DOCKER-USER-001'],
  'MIT-K8S-LIMITS': [...range('BW-K8S-RES', 1, 4), 'BW-COMPOSE-RES-001'],
  'MIT-CONTAINER-ISOLATION': [
    ...range('BW-K8S-POD', 2, 9), ...range('BW-K8S-POD', 12, 17), ...range('BW-K8S-VOL', 1, 3), 'BW-K8S-NET-001', ...range('BW-COMPOSE-PRIV', 1, 6),
  ],
  'MIT-NETWORK-SEGMENTATION': ['BW-K8S-NET-002', 'BW-K8S-NET-004', ...range('BW-AWS-VPC', 1, 6), 'BW-AWS-VPC-010'],
  'MIT-TLS': ['BW-K8S-INGRESS-002', 'BW-AWS-TLS-001'],
  'MIT-AUDIT-LOG': [...range('BW-AWS-CLOUDTRAIL', 1, 7), 'BW-AWS-S3-010', 'BW-AWS-S3-013', 'BW-AWS-S3-014', 'BW-AWS-VPC-011'],
  'MIT-DATASTORE-AUDIT': ['BW-AWS-S3-010', 'BW-AWS-S3-013', 'BW-AWS-S3-014'],
  'MIT-BASE-IMAGES': [...range('BW-DOCKER-IMAGE', 1, 3), 'BW-COMPOSE-IMAGE-001', 'BW-K8S-IMAGE-001', 'BW-K8S-IMAGE-002'],
  'MIT-HARDENING-BASELINE': ['BW-DOCKER-USER-001', 'BW-DOCKER-USER-002', 'BW-K8S-POD-009', 'BW-COMPOSE-PRIV-006', 'BW-AWS-EC2-002'],
  'MIT-CLOUD-GUARDRAILS': [...range('BW-AWS-IAM', 6, 13), 'BW-AWS-IAM-015', 'BW-AWS-CLOUDTRAIL-001'],
  'MIT-ADMIN-MFA': ['BW-AWS-IAM-015'],
  'MIT-DEPLOY-VERIFY': ['BW-DOCKER-BUILD-001', 'BW-DOCKER-PKG-005', 'BW-DOCKER-IMAGE-002'],
};

/** The auditor rules that verify any of these mitigations. */
export function checksOf(mitigations: readonly string[]): ReadonlySet<string> {
  const rules = new Set<string>();
  for (const id of mitigations) for (const rule of MITIGATION_CHECKS[id] ?? []) rules.add(rule);
  return rules;
}

/** The mitigations an auditor rule verifies (the inverse of MITIGATION_CHECKS). */
export function mitigationsVerifiedBy(ruleId: string): string[] {
  return Object.keys(MITIGATION_CHECKS).filter((id) => MITIGATION_CHECKS[id]!.includes(ruleId));
}

