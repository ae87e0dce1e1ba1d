import { defineRule } from '../../rule.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE } from './support.js';
import { reportSecrets, secretToVariable } from './environment-secrets-support.js';

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-SECRET-001',
    title: 'Services take secrets from the environment, not from the compose file',
    problem: 'Literal secret in a service environment',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-798', 'CWE-521'],
    compliance: COMPOSE_COMPLIANCE.secrets,
    description:
      "A password, token or key written into a compose file is in the repository, its history and every clone, and cannot be rotated without a commit. A `${VAR}` reference takes it from the .env file (kept out of git) or the environment.",
    remediation: 'Replace the literal with `${VAR}` (or `${VAR:?message}`), keep the value in an untracked .env or a secrets manager, list the name in .env.example, and rotate the exposed value.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'credentials',
    links: ['https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/'],
  },
  compose: {
    check(service, ctx) {
      reportSecrets(service, ctx, false);
    },
  },
  fix: { compose: secretToVariable },
  examples: {
    compose: {
      good: ['services:\n  db:\n    image: mariadb:11.4\n    environment:\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD}\n      MYSQL_PASSWORD: "${DB_PASSWORD:?set it in .env}"\n      MYSQL_DATABASE: orders\n'],
      bad: [
        {
          code: 'services:\n  api:\n    build: ./api\n    environment:\n      - NODE_ENV=production\n      - DB_PASSWORD=Xk9#mQ2vL8pR4wT\n      - DATABASE_URL=mysql://orders:Xk9mQ2vL8pR4wT@db:3306/orders\n',
          errors: [{ line: 6 }, { line: 7 }],
          output: 'services:\n  api:\n    build: ./api\n    environment:\n      - NODE_ENV=production\n      - DB_PASSWORD=${DB_PASSWORD:?set DB_PASSWORD in .env}\n      - DATABASE_URL=${DATABASE_URL:?set DATABASE_URL in .env}\n',
        },
      ],
    },
  },
});
