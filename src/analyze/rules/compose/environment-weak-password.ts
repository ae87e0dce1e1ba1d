import { defineRule } from '../../rule.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE } from './support.js';
import { reportSecrets, secretToVariable } from './environment-secrets-support.js';

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-SECRET-002',
    title: 'Services do not ship weak default passwords',
    problem: 'Weak, guessable password in a service environment',
    severity: 'critical',
    stride: 'information-disclosure',
    cwe: ['CWE-798', 'CWE-521'],
    compliance: COMPOSE_COMPLIANCE.secrets,
    description:
      "A weak password (admin, postgres, password123, the service or database name again) is the first one any scanner or attacker tries: a data store published with it is open to anyone who can reach the port. Being written in the compose file, it is also in the repository.",
    remediation: 'Replace the literal with `${VAR}` (or `${VAR:?message}`), keep the value in an untracked .env or a secrets manager, list the name in .env.example, and rotate the exposed value.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'credentials',
    links: ['https://docs.docker.com/compose/how-tos/environment-variables/set-environment-variables/'],
  },
  compose: {
    check(service, ctx) {
      reportSecrets(service, ctx, true);
    },
  },
  fix: { compose: secretToVariable },
  examples: {
    compose: {
      good: ['services:\n  db:\n    image: mariadb:11.4\n    environment:\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD}\n      MYSQL_PASSWORD: "${DB_PASSWORD:?set it in .env}"\n      MYSQL_DATABASE: orders\n'],
      bad: [
        {
          code: 'services:\n  db:\n    image: mariadb:11.4\n    environment:\n      MYSQL_ROOT_PASSWORD: rootpassword\n      MYSQL_DATABASE: orders\n',
          errors: [{ line: 5 }],
          output: 'services:\n  db:\n    image: mariadb:11.4\n    environment:\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD in .env}\n      MYSQL_DATABASE: orders\n',
        },
      ],
    },
  },
});
