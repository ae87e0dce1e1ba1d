// The starter policy `bulwark init` writes: every section of the format, commented, with the values a team
// gave and the rest as examples to uncomment. It must always read back as a valid policy (a test checks).

import type { PolicyDocument } from './schema.js';

export interface StarterValues {
  failOn: NonNullable<PolicyDocument['failOn']>;
  kmsKeyArn?: string;
}

export function starterPolicy(values: StarterValues): string {
  const kms = values.kmsKeyArn ? `  kmsKeyArn: ${JSON.stringify(values.kmsKeyArn)}` : '  # kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/REPLACE-ME"';
  return `# Bulwark policy: the safe defaults and rule settings every \`bulwark scan\` below this folder uses.
# Format and examples: docs/policy.md; editors validate it with docs/policy-schema.json.
version: 1

# A shared company policy this file refines (paths are relative to this file):
# extends: ../platform/bulwark.yaml

# Scans exit 1 when a finding is at or above this severity (critical, high, medium, low or none);
# --fail-on on the command line wins.
failOn: ${values.failOn}

# Rules turned off or given another severity: by rule id (see \`bulwark rules\`), by tag (service:s3,
# provider:aws, stride:tampering, cwe:CWE-311) or "*". The most specific setting wins; \`paths\` limits
# a setting to the files its gitignore-style patterns match, relative to the project root.
rules:
  # BW-AWS-EC2-001: low
  # service:cloudtrail: medium
  # BW-AWS-S3-010:
  #   enabled: false
  #   paths: ["sandbox/**"]

# The company's secure configuration (used by the checks and fixes that need a value).
safeDefaults:
${kms}
  # allowedIngressCidrs: ["10.0.0.0/8"]
  # allowedIngressPorts: [443]
  # requiredTags: [owner, cost-center]
  # approvedRegistries: ["123456789012.dkr.ecr.eu-west-1.amazonaws.com"]
  # approvedBaseImages: ["node:20-alpine"]
  # minTlsVersion: "1.2"

# How sensitive the data of matching resources is (restricted, confidential, internal, public): it weighs
# each finding's risk score. The first class a resource matches wins; without one, tags and names decide.
dataClasses:
  # - level: restricted
  #   tags: { data-classification: [pii, pci] }
  # - level: public
  #   names: ["*-website-*"]

# Rules of your own, without code (docs/policy.md): a resource type, conditions, and an optional fix value.
customRules:
  # - id: ACME-S3-001
  #   title: S3 buckets carry an owner tag
  #   severity: medium
  #   resource: aws_s3_bucket
  #   condition: { attribute: tags.owner, exists: true }
  #   fix: { set: { tags.owner: platform-team } }
`;
}
