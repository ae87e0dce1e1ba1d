// A hand-built ScanResult modelled on the mission's Example C plus a module finding, a parse error and a warning.
// Positions are those of examples/terraform/example-c/main.tf (checked by hand) and a `modules/store` module.
import type { RuleMeta } from '../../src/core/rule-meta.js';
import { SCAN_RESULT_VERSION, type ScanResult } from '../../src/core/result.js';
import { fingerprint } from '../../src/core/fingerprint.js';
import type { Finding, Range } from '../../src/core/types.js';

export function range(startLine: number, startColumn: number, startOffset: number, endLine: number, endColumn: number, endOffset: number): Range {
  return { start: { line: startLine, column: startColumn, offset: startOffset }, end: { line: endLine, column: endColumn, offset: endOffset } };
}

export const s3EncryptionMeta: RuleMeta = {
  id: 'BW-AWS-S3-001',
  title: 'S3 bucket has default server-side encryption configured',
  problem: 'S3 bucket without default encryption',
  severity: 'critical',
  stride: 'information-disclosure',
  cwe: ['CWE-311'],
  compliance: [
    { framework: 'PCI-DSS', control: '3.5.1' },
    { framework: 'GDPR', control: 'Art. 32' },
  ],
  description: 'Objects written without encryption are readable by anyone who obtains the underlying storage.',
  remediation: 'Add an aws_s3_bucket_server_side_encryption_configuration using aws:kms.',
  provider: 'aws',
  service: 's3',
  peers: { checkov: ['CKV_AWS_19'], trivy: ['AVD-AWS-0088'] },
  links: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html'],
};

export const openIngressMeta: RuleMeta = {
  id: 'BW-AWS-VPC-001',
  title: 'Security group does not allow ingress from the internet to all ports',
  problem: 'Security group open to the internet on every port',
  severity: 'critical',
  stride: 'elevation-of-privilege',
  cwe: ['CWE-284'],
  compliance: [{ framework: 'CIS-AWS', control: '5.2' }],
  description: 'Every port open to 0.0.0.0/0 exposes every service on the instance to the whole internet.',
  remediation: 'Allow only the ports the service needs, from the narrowest source range.',
  provider: 'aws',
  service: 'vpc',
  peers: { checkov: ['CKV_AWS_24'], trivy: ['AVD-AWS-0107'], kics: ['4728cd65-a20c-49da-8b31-9c08b423e4db'] },
};

export const versioningMeta: RuleMeta = {
  id: 'BW-AWS-S3-002',
  title: 'S3 bucket has versioning enabled',
  problem: 'S3 bucket versioning disabled',
  severity: 'high',
  stride: 'tampering',
  cwe: ['CWE-693'],
  compliance: [],
  description: 'Without versioning an overwritten or deleted object cannot be recovered.',
  remediation: 'Add an aws_s3_bucket_versioning resource with status = "Enabled".',
  provider: 'aws',
  service: 's3',
  peers: {},
};

export const monitoringMeta: RuleMeta = {
  id: 'BW-AWS-EC2-001',
  title: 'EC2 instances have detailed monitoring enabled',
  problem: 'EC2 instance without detailed monitoring',
  severity: 'high',
  stride: 'repudiation',
  cwe: ['CWE-778'],
  compliance: [{ framework: 'SOC2', control: 'CC7.2' }],
  description: 'Five-minute averages hide short spikes.',
  remediation: 'Set `monitoring = true` on the instance.',
  provider: 'aws',
  service: 'ec2',
  peers: { checkov: ['CKV_AWS_126'] },
};

function fromMeta(meta: RuleMeta, rest: Omit<Finding, 'ruleId' | 'severity' | 'title' | 'remediation' | 'fingerprint'>): Finding {
  const print = fingerprint({ ruleId: meta.id, file: rest.location.file, resource: rest.resource?.replace(/^module\.store\./, '') ?? '' });
  return { ruleId: meta.id, severity: meta.severity, title: meta.problem, remediation: meta.remediation, fingerprint: print, ...rest };
}

export const findings: Finding[] = [
  fromMeta(s3EncryptionMeta, {
    message: 'Bucket "my-data-bucket" has no server-side encryption configuration.',
    location: { file: 'main.tf', range: range(3, 1, 88, 5, 2, 151) },
    resource: 'aws_s3_bucket.data',
  }),
  fromMeta(openIngressMeta, {
    message: 'Ingress rule allows tcp ports 0-65535 from 0.0.0.0/0.',
    location: { file: 'main.tf', range: range(14, 3, 351, 19, 4, 464) },
    resource: 'aws_security_group.web',
  }),
  fromMeta(versioningMeta, {
    message: 'Bucket "my-data-bucket" does not enable versioning.',
    location: { file: 'main.tf', range: range(3, 1, 88, 5, 2, 151) },
    resource: 'aws_s3_bucket.data',
  }),
  fromMeta(monitoringMeta, {
    message: 'Instance does not enable detailed monitoring (`monitoring` is not set).',
    location: { file: 'main.tf', range: range(7, 1, 153, 11, 2, 309) },
    resource: 'aws_instance.web',
  }),
  fromMeta(versioningMeta, {
    message: 'Bucket "logs-archive" does not enable versioning.',
    location: { file: 'modules/store/main.tf', range: range(1, 1, 0, 3, 2, 51) },
    resource: 'module.store.aws_s3_bucket.this["logs"]',
    callPath: [{ module: 'module.store', location: { file: 'stack.tf', range: range(1, 1, 0, 4, 2, 60) } }],
  }),
  {
    ruleId: 'BW-PARSE-001',
    severity: 'high',
    title: 'File cannot be parsed',
    message: 'Expected "}" to close the block opened at line 2.',
    location: { file: 'broken/main.tf', range: range(9, 1, 140, 9, 1, 140) },
    fingerprint: fingerprint({ ruleId: 'BW-PARSE-001', file: 'broken/main.tf', content: '} Expected "}"' }),
    remediation: 'Fix the syntax error; the rest of the file was not scanned.',
  },
];

/** Findings in deliberately shuffled order: reports must sort them themselves. */
export function sampleResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return {
    schemaVersion: SCAN_RESULT_VERSION,
    tool: { name: 'bulwark', version: '0.1.0' },
    root: '/home/dev/infra',
    findings: [findings[3]!, findings[5]!, findings[0]!, findings[4]!, findings[2]!, findings[1]!],
    diagnostics: [
      {
        severity: 'warning',
        code: 'evaluation',
        format: 'terraform',
        message: 'variable "region" has no value; treated as unknown',
        location: { file: 'variables.tf', range: range(1, 1, 0, 1, 18, 17) },
      },
    ],
    rules: [versioningMeta, s3EncryptionMeta, openIngressMeta, monitoringMeta],
    stats: {
      files: 5,
      bytes: 2048,
      checked: 5,
      durationMs: 12,
      formats: { terraform: { name: 'Terraform', read: true, files: 5, bytes: 2048, checked: 5, resources: 5, dataSources: 0, rootModules: 1, resourcesWithoutRules: 0, typesWithoutRules: [], providersWithoutRules: [], modulesNotEvaluated: 0 } },
    },
    ...overrides,
  };
}
