import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-004',
    title: 'WORKDIR paths are absolute',
    problem: 'WORKDIR path is relative',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-1164'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'A relative WORKDIR is resolved against the previous one, which a changed base image can move: files then land, and commands then run, somewhere else.',
    remediation: 'Write WORKDIR as an absolute path (`WORKDIR /app`).',
    provider: 'docker',
    service: 'build',
    peers: { trivy: ['AVD-DS-0009'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#workdir`],
  },
  dockerfile: {
    check(file, ctx) {
      for (const w of file.instructions.filter((i) => i.keyword === 'WORKDIR')) {
        const path = w.words[0] ?? '';
        if (path && !/^(\/|[A-Za-z]:[\\/]|\$|\\)/.test(path)) ctx.report({ at: w, message: `WORKDIR ${path} is relative to the previous working directory.` });
      }
    },
  },
  noFix: 'The absolute path meant depends on the base image\'s working directory, which the Dockerfile does not show.',
  examples: {
    dockerfile: {
      good: [`FROM alpine:3.20\nWORKDIR /app\nWORKDIR \${APP_HOME}\nUSER 10001\n`],
      bad: [{ code: `FROM alpine:3.20\nWORKDIR app/src\nUSER 10001\n`, errors: [{ line: 2 }] }],
    },
  },
});
