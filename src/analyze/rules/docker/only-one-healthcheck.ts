import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';
import { onlyOnce } from './single-instructions.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-010',
    title: 'Each stage has at most one HEALTHCHECK',
    problem: 'Multiple HEALTHCHECK instructions in a stage',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-1164'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'Only the last HEALTHCHECK of a stage takes effect. The others are dead code, and a reviewer reading the first one is misled about what the container does.',
    remediation: 'Keep one HEALTHCHECK per stage.',
    provider: 'docker',
    service: 'build',
    peers: { trivy: ['AVD-DS-0023'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#healthcheck`],
  },
  dockerfile: onlyOnce('HEALTHCHECK'),
  noFix: 'Which of the instructions was meant is for the author to say.',
  examples: {
    dockerfile: {
      good: [`FROM alpine:3.20\nUSER 10001\nHEALTHCHECK CMD /bin/healthcheck\n`],
      bad: [{ code: `FROM alpine:3.20\nUSER 10001\nHEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1\nHEALTHCHECK CMD /bin/healthcheck\n`, errors: [{ line: 3 }] }],
    },
  },
});
