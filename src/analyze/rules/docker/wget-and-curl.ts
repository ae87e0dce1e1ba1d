import { defineRule } from '../../rule.js';
import type { DockerInstruction } from '../../../parse/dockerfile/read.js';
import { bare, DOCKER_COMPLIANCE, runs } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-PKG-001',
    title: 'One download tool per Dockerfile',
    problem: 'Both wget and curl are used',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-1164'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'Using both wget and curl means both are in the build (often in the image too): more packages to patch and two sets of TLS and redirect behaviour to get right.',
    remediation: 'Standardise on one of them (or on ADD --checksum).',
    provider: 'docker',
    service: 'packages',
    peers: { trivy: ['AVD-DS-0014'] },
    risk: 'protection',
  },
  dockerfile: {
    check(file, ctx) {
      const uses: Record<'wget' | 'curl', DockerInstruction[]> = { wget: [], curl: [] };
      for (const { run, commands } of runs(file)) {
        for (const tool of ['wget', 'curl'] as const) if (commands.some((c) => bare(c)[0] === tool) && !uses[tool].includes(run)) uses[tool].push(run);
      }
      if (!uses.wget.length || !uses.curl.length) return;
      const rarer = uses.wget.length <= uses.curl.length ? 'wget' : 'curl';
      ctx.report({ at: uses[rarer][0]!, message: `This Dockerfile uses both wget (${uses.wget.length} RUN) and curl (${uses.curl.length} RUN); ${rarer} could be replaced.`, part: 'download-tools' });
    },
  },
  noFix: 'The two tools take different options; rewriting a download is a change to test.',
  examples: {
    dockerfile: {
      good: [`FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSLo /tmp/b.tgz https://example.com/b.tgz\nUSER 10001\n`],
      bad: [{ code: `FROM debian:12-slim\nRUN wget -q https://example.com/a.tgz\nRUN curl -fsSLo /tmp/b.tgz https://example.com/b.tgz\nRUN curl -fsSLo /tmp/c.tgz https://example.com/c.tgz\nUSER 10001\n`, errors: [{ line: 2 }] }],
    },
  },
});
