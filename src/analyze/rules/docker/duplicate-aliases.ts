import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-006',
    title: 'Build stages have distinct names',
    problem: 'Two build stages share a name',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-1284'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'When two stages share a name, `COPY --from` and `FROM` take one of them; which one is easy to get wrong, and the wrong files end up in the image.',
    remediation: 'Give every stage its own name.',
    provider: 'docker',
    service: 'build',
    peers: { trivy: ['AVD-DS-0012'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#from`],
  },
  dockerfile: {
    check(file, ctx) {
      const seen = new Set<string>();
      for (const stage of file.stages) {
        const name = stage.name?.toLowerCase();
        if (!name) continue;
        if (seen.has(name)) ctx.report({ at: stage.from, stage, message: `Stage name ${stage.name} is already used by an earlier stage.`, part: 'FROM' });
        seen.add(name);
      }
    },
  },
  noFix: 'Renaming a stage changes what COPY --from and FROM refer to.',
  examples: {
    dockerfile: {
      good: [`FROM node:20 AS deps\nRUN npm ci\nFROM node:20 AS build\nRUN npm run build\nFROM node:20-alpine\nUSER node\n`],
      bad: [{ code: `FROM node:20 AS build\nRUN npm ci\nFROM node:20 AS build\nRUN npm run build\nFROM node:20-alpine\nUSER node\n`, errors: [{ line: 3 }] }],
    },
  },
});
