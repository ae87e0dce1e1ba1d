import { defineRule } from '../../rule.js';
import { reportFamilies, SECRET_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-SECRET-AWS-001',
    title: 'No AWS credentials in the repository',
    problem: 'AWS credentials committed',
    severity: 'critical',
    stride: 'spoofing',
    cwe: ['CWE-798'],
    compliance: SECRET_COMPLIANCE,
    description:
      'An AWS access key in a repository is found by bots scanning public commits within minutes, and by anyone with read ' +
      'access to a private one. It acts with every permission of its IAM user until it is deactivated, and stays in git history after the file changes.',
    remediation: 'Deactivate and delete the key in IAM now, check CloudTrail for its use, remove it from history, and use roles (instance profiles, IRSA, OIDC for CI) instead of keys.',
    provider: 'generic',
    service: 'secrets',
    peers: { trivy: ['aws-access-key-id', 'aws-secret-access-key'] },
    risk: 'credentials',
    links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console'],
  },
  secrets: reportFamilies(['aws'], (kind, masked) => `${kind} (${masked}) written in the file.`),
  noFix: 'A leaked key must be revoked in AWS; deleting it from the file leaves it valid and in git history.',
  examples: {
    secrets: {
      good: [`// Credentials come from the default provider chain (role, SSO, environment).\nconst s3 = new S3Client({ region: 'eu-west-1' });\nconst docsExample = 'AKIAIOSFODNN7EXAMPLE';\n`],
      bad: [{ code: `const s3 = new S3Client({\n  region: 'eu-west-1',\n  credentials: { accessKeyId: 'AKIA2E0A8F3B244C9986', secretAccessKey: 'q8Hk2vN5pR7sT1wX4yZ6aB9cD3eF0gH2iJ5kL8mN' },\n});\n`, errors: [{ line: 3 }, { line: 3 }] }],
    },
  },
});
