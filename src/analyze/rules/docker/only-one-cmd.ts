import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';
import { onlyOnce } from './single-instructions.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-008',
    title: 'Each stage has at most one CMD',
    problem: 'Multiple CMD instructions in a stage',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-1164'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'Only the last CMD of a stage takes effect. The others are dead code, and a reviewer reading the first one is misled about what the container does.',
    remediation: 'Keep one CMD per stage.',
    provider: 'docker',
    service: 'build',
    peers: { trivy: ['AVD-DS-0016'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#cmd`],
  },
  dockerfile: onlyOnce('CMD'),
  noFix: 'Which of the instructions was meant is for the author to say.',
  examples: {
    dockerfile: {
      good: [`FROM alpine:3.20\nUSER 10001\nCMD ["./app"]\n`],
      bad: [{ code: `FROM alpine:3.20\nUSER 10001\nCMD ["./old"]\nCMD ["./app"]\n`, errors: [{ line: 3 }] }],
    },
  },
});
