import { defineRule } from '../../rule.js';
import { reportFamilies, SECRET_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-SECRET-JWT-001',
    title: 'No signed tokens in the repository',
    problem: 'JSON Web Token committed',
    severity: 'high',
    stride: 'spoofing',
    cwe: ['CWE-798'],
    compliance: SECRET_COMPLIANCE,
    description: 'A JWT is a bearer credential: whoever holds it is its subject until it expires, and long-lived service tokens often never do.',
    remediation: 'Revoke the token (or rotate its signing key), and issue tokens at run time instead of committing them.',
    provider: 'generic',
    service: 'secrets',
    peers: { trivy: ['jwt-token'] },
    risk: 'credentials',
  },
  secrets: reportFamilies(['jwt'], (kind, masked) => `A ${kind} (${masked}) is written in the file.`),
  noFix: 'A leaked token must be revoked where it is accepted.',
  examples: {
    secrets: {
      good: [`const token = await issueToken({ sub: user.id });\nheaders.Authorization = \`Bearer \${token}\`;\n`],
      bad: [{ code: `const SERVICE_TOKEN =\n  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcmRlci13b3JrZXIiLCJyb2xlIjoic2VydmljZSJ9.kR3m9vQ2xT7pL1sW8nB4cJ6hF0dG5aZ3';\n`, errors: [{ line: 2 }] }],
    },
  },
});
