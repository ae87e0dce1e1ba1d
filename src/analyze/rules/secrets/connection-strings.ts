import { defineRule } from '../../rule.js';
import { reportFamilies, SECRET_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-SECRET-CONN-001',
    title: 'No passwords in connection strings',
    problem: 'Password written in a connection string',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-798'],
    compliance: SECRET_COMPLIANCE,
    description: 'A connection string with its password (`postgres://app:s3cret@db/orders`) hands the database to anyone who reads the file, its history or a log line that prints the URL.',
    remediation: 'Build the URL at run time from a password kept in a secret store or an untracked .env, and rotate the exposed password.',
    provider: 'generic',
    service: 'secrets',
    peers: {},
    risk: 'credentials',
  },
  secrets: reportFamilies(['connection-string'], (kind, masked) => `A ${kind} (${masked}) is written in the file.`),
  noFix: 'The password must move to the environment and be rotated; how the application reads it is its author\'s choice.',
  examples: {
    secrets: {
      good: [`const url = \`mysql://\${process.env.DB_USER}:\${process.env.DB_PASSWORD}@db:3306/orders\`;\nconst docs = 'postgres://user:password@localhost/db';\n`],
      bad: [{ code: `const pool = mysql.createPool('mysql://orders:Xk9mQ2vL8pR4@mariadb:3306/orders');\n`, errors: [{ line: 1 }] }],
    },
  },
});
