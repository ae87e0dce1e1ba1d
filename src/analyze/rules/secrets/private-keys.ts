import { defineRule } from '../../rule.js';
import { reportFamilies, SECRET_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-SECRET-KEY-001',
    title: 'No private keys in the repository',
    problem: 'Private key committed',
    severity: 'critical',
    stride: 'spoofing',
    cwe: ['CWE-321', 'CWE-798'],
    compliance: SECRET_COMPLIANCE,
    description:
      'A private key (TLS, SSH, JWT signing, a service account\'s) lets whoever reads it impersonate its owner: decrypt ' +
      'traffic, log in to servers, sign tokens the services trust.',
    remediation: 'Replace the key pair (revoke the certificate, remove the public key from authorized_keys), remove it from history, and keep keys in a secret store.',
    provider: 'generic',
    service: 'secrets',
    peers: { trivy: ['private-key'] },
    risk: 'credentials',
  },
  secrets: reportFamilies(['private-key'], (kind) => `A ${kind} is written in the file.`),
  noFix: 'A leaked key must be replaced where it is trusted; deleting it from the file leaves it valid and in git history.',
  examples: {
    secrets: {
      good: [`# Generate the key on the host: ssh-keygen -t ed25519 -f ~/.ssh/deploy\nKEY_PATH = "/run/secrets/deploy_key"\n`],
      bad: [{ code: `const key = \`-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDq4m3Jc0n8u9m5l2XwT1k9YvHq7aK3f0Q6y8nR2c1pVwAAAJi3lK1Jt5St\n-----END OPENSSH PRIVATE KEY-----\`;\n`, errors: [{ line: 1 }] }],
    },
  },
});
