import { defineRule } from '../../rule.js';
import { findNamedSecrets } from '../../secrets/patterns.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';

/** `ENV A=1 B="x y"`, `ENV A 1` (legacy), `ARG A=1`: name/value pairs. */
function pairsOf(words: readonly string[], legacy: boolean): [string, string][] {
  if (legacy && words.length >= 2 && !words[0]!.includes('=')) return [[words[0]!, words.slice(1).join(' ')]];
  return words.filter((w) => w.includes('=')).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1).replace(/^["']|["']$/g, '')]);
}

export default defineRule({
  meta: {
    id: 'BW-DOCKER-SECRET-001',
    title: 'Secrets are not baked into images through ENV or ARG',
    problem: 'Secret in a Dockerfile ENV or ARG',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-798', 'CWE-538'],
    compliance: DOCKER_COMPLIANCE.secrets,
    description:
      'An ENV value is stored in the image configuration and an ARG value in its build history: anyone who can pull the ' +
      'image reads them with `docker inspect` or `docker history`, long after the Dockerfile changed.',
    remediation: 'Pass secrets at run time (environment from a secret store, mounted files), or at build time with `RUN --mount=type=secret`; rotate the exposed value.',
    provider: 'docker',
    service: 'secrets',
    peers: {},
    risk: 'credentials',
    links: [`${DOCKERFILE_REFERENCE}#run---mounttypesecret`],
  },
  dockerfile: {
    check(file, ctx) {
      for (const i of file.instructions.filter((x) => x.keyword === 'ENV' || x.keyword === 'ARG')) {
        for (const hit of findNamedSecrets(pairsOf(i.words, i.keyword === 'ENV'))) {
          ctx.report({ at: i, message: `${i.keyword} sets ${hit.kind} to a literal secret (${hit.masked}), which stays readable in the image.`, part: `${i.keyword} ${hit.kind}` });
        }
      }
    },
  },
  noFix: 'The secret must move to run time or a build secret mount, and be rotated; both change how the image is built and run.',
  examples: {
    dockerfile: {
      good: [`FROM node:20-alpine\nARG NPM_TOKEN\nENV NODE_ENV=production DB_PASSWORD_FILE=/run/secrets/db_password\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\nUSER node\n`],
      bad: [{ code: `FROM node:20-alpine\nENV NODE_ENV=production DB_PASSWORD=Sup3r-S3cret-2024\nUSER node\n`, errors: [{ line: 2 }] }],
    },
  },
});
