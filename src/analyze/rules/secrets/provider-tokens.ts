import { defineRule } from '../../rule.js';
import { reportFamilies, SECRET_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-SECRET-TOKEN-001',
    title: 'No service tokens in the repository',
    problem: 'Service token committed',
    severity: 'critical',
    stride: 'spoofing',
    cwe: ['CWE-798'],
    compliance: SECRET_COMPLIANCE,
    description:
      'GitHub, GitLab, Slack, Stripe, Google, Azure, npm, PyPI, SendGrid, Twilio, OpenAI and Anthropic tokens are recognised by ' +
      'their documented formats. Each acts as its owner on that service (pushing code, publishing packages, charging cards, ' +
      'reading messages) for as long as it is valid, and git history keeps it after the file changes.',
    remediation: 'Revoke the token at its provider now, remove it from history, and load it at run time from a secret store or CI secret.',
    provider: 'generic',
    service: 'secrets',
    peers: { trivy: ['github-pat', 'gitlab-pat', 'slack-access-token', 'stripe-secret-token', 'gcp-api-key', 'npm-access-token', 'pypi-upload-token', 'sendgrid-api-token', 'twilio-api-key', 'openai-api-key', 'anthropic-api-key', 'shopify-access-token'] },
    risk: 'credentials',
  },
  secrets: reportFamilies(['token'], (kind, masked) => `${kind} (${masked}) written in the file.`),
  noFix: 'A leaked token must be revoked at its provider; deleting it from the file leaves it valid and in git history.',
  examples: {
    secrets: {
      good: [`export const github = new Octokit({ auth: process.env.GITHUB_TOKEN });\n// Format reminder: tokens look like ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`],
      bad: [{ code: `export const github = new Octokit({\n  auth: 'ghp_R7kQ2mX9vT4pL8sW1nB6cJ3hF5dG0aZ2yE4u',\n});\nconst hook = 'https://hooks.slack.com/services/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';\n`, errors: [{ line: 2 }, { line: 4 }] }],
    },
  },
});
