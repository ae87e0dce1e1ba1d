import { defineRule } from '../../rule.js';
import { SECRET_COMPLIANCE } from './support.js';

/** `.env`, `.env.local`, `.env.production`, stray copies like `.env.bak` or `prod.env`; templates are fine. */
export const ENV_FILE = /(^|\/)(\.env(\.[\w.-]+)?|[\w.-]+\.env)$/;
const TEMPLATE = /\.(example|sample|template|dist|defaults?|tpl)$|\.env\.(example|sample|template|dist)\b/i;

export default defineRule({
  meta: {
    id: 'BW-SECRET-ENV-001',
    title: 'Environment files stay out of the repository',
    problem: 'Environment file that git would commit',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-538'],
    compliance: SECRET_COMPLIANCE,
    description:
      '.env files hold the real values of an environment: database passwords, API keys. One that is tracked, or not ' +
      'ignored, ends up in the repository and its history. Copies like `.env.bak` or `.env.prod` leak the same way.',
    remediation: 'Add `.env*` (with `!.env.example`) to .gitignore, `git rm --cached` the file, rotate what it held, and commit a `.env.example` with the names only.',
    provider: 'generic',
    service: 'secrets',
    peers: { checkov: [], trivy: [] },
    risk: 'credentials',
  },
  secrets: {
    check(file, ctx) {
      if (!ENV_FILE.test(file.rel) || TEMPLATE.test(file.rel)) return;
      const assigned = file.text.split('\n').filter((l) => /^\s*(export\s+)?[A-Za-z_][\w.-]*\s*=\s*\S/.test(l)).length;
      if (!assigned) return;
      const sets = `${file.rel} sets ${assigned} variable${assigned === 1 ? '' : 's'}`;
      const message = file.tracked
        ? `${sets} and is tracked by git although an ignore file ignores it: its values are in the repository and its history.`
        : `${sets} and is not ignored by git: it would be committed with its values.`;
      ctx.report({ start: 0, end: 0, message, part: 'env-file' });
    },
  },
  noFix: 'Untracking a file and rotating its values happen outside the file.',
  examples: {
    secrets: {
      good: [`// Values come from .env, which .gitignore keeps out.\nrequire('dotenv').config();\n`],
      bad: [{ file: 'deploy/.env.bak', code: `DB_HOST=mariadb\nDB_PASSWORD=Xk9mQ2vL8pR4\n`, errors: [{ line: 1 }] }],
    },
  },
});
