import { defineRule } from '../../rule.js';
import { reportFamilies, SECRET_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-SECRET-GENERIC-001',
    title: 'No passwords or keys assigned in code and configuration',
    problem: 'Hard-coded password or key',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-798', 'CWE-259'],
    compliance: SECRET_COMPLIANCE,
    description:
      'A password, key or token assigned to a variable or setting (`DB_PASSWORD=…`, `"apiKey": "…"`, a literal fallback ' +
      'after `process.env.DB_PASSWORD ||`) is a credential in the repository. Fallbacks are the worst kind: the code runs with ' +
      'the committed password whenever the environment forgets to set one.',
    remediation: 'Read the value from the environment or a secret store with no literal fallback (fail to start without it), and rotate the exposed value.',
    provider: 'generic',
    service: 'secrets',
    peers: { trivy: ['generic-password', 'generic-api-key'] },
    risk: 'credentials',
  },
  secrets: reportFamilies(['assignment'], (kind, masked) => `${kind} is set to a literal secret (${masked}).`),
  noFix: 'Where the value should come from (an environment variable, a secret store) is the application\'s design, and the exposed value must be rotated.',
  examples: {
    secrets: {
      good: [`const password = process.env.DB_PASSWORD;\nif (!password) throw new Error('DB_PASSWORD is not set');\nconst config = { password, apiKey: settings.apiKey, token: '<your token>' };\n`],
      bad: [
        { code: `const db = mysql.createPool({\n  host: process.env.DB_HOST || 'mariadb',\n  password: process.env.DB_PASSWORD || 'rootpassword',\n});\n`, errors: [{ line: 3 }] },
        { code: `export const config = {\n  apiKey: "q7Vb2XnL9pR4sT8wK1mZ5cJ3",\n  stripeSecret: 'Hk38fJq0wL2mN7vB5xC9zR1t',\n};\n`, errors: [{ line: 2 }, { line: 3 }] },
      ],
    },
  },
});
