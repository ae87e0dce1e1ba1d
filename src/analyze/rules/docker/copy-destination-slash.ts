import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-005',
    title: 'COPY of several sources goes to a directory ending in /',
    problem: 'COPY of several files to a destination without a trailing slash',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-1284'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'With several sources the destination must be a directory written with a trailing slash; otherwise the build fails, or one file overwrites the others.',
    remediation: 'End the destination with `/`.',
    provider: 'docker',
    service: 'build',
    peers: { trivy: ['AVD-DS-0011'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#copy`],
  },
  dockerfile: {
    check(file, ctx) {
      for (const copy of file.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) {
        const words = copy.words.filter((w) => !w.startsWith('--')).map((w) => w.replace(/^\[|,$|\]$/g, '').replace(/^"|"$/g, '')).filter(Boolean);
        const destination = words[words.length - 1] ?? '';
        if (words.length > 2 && !destination.endsWith('/') && !destination.includes('$')) ctx.report({ at: copy, message: `${copy.keyword} copies ${words.length - 1} sources to ${destination}, which does not end with /.` });
      }
    },
  },
  noFix: 'Whether the destination is meant as a directory is the author\'s intent.',
  examples: {
    dockerfile: {
      good: [`FROM node:20-alpine\nCOPY package.json package-lock.json /app/\nCOPY ["tsconfig.json", "src", "/app/src/"]\nUSER node\n`],
      bad: [{ code: `FROM node:20-alpine\nCOPY package.json package-lock.json /app\nUSER node\n`, errors: [{ line: 2 }] }],
    },
  },
});
