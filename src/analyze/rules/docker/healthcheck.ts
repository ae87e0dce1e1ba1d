import { defineRule } from '../../rule.js';
import type { DockerInstruction } from '../../../parse/dockerfile/read.js';
import type { YamlFixContext } from '../../fix.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE, finalStage, markForInput } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-HEALTH-001',
    title: 'Images declare a HEALTHCHECK',
    problem: 'No HEALTHCHECK in the image',
    severity: 'low',
    stride: 'denial-of-service',
    cwe: ['CWE-1188'],
    compliance: [{ framework: 'NIST-800-53', control: 'SI-4' }, { framework: 'ISO27001', control: 'A.8.16' }],
    description:
      'Without a health check, Docker and Compose see a hung or half-started process as running: traffic keeps going to it ' +
      'and nothing restarts it. (Kubernetes ignores HEALTHCHECK and uses probes; an image built only for Kubernetes can suppress this.)',
    remediation: 'Add `HEALTHCHECK CMD <command that fails when the service is unhealthy>` to the final stage.',
    provider: 'docker',
    service: 'health',
    peers: { checkov: ['CKV_DOCKER_2'] },
    risk: 'availability',
    links: [`${DOCKERFILE_REFERENCE}#healthcheck`],
  },
  dockerfile: {
    check(file, ctx) {
      const stage = finalStage(file);
      // A HEALTHCHECK is inherited from the stage a stage builds on.
      for (let s: typeof stage | undefined = stage; s; s = s.parent !== undefined ? file.stages[s.parent] : undefined) {
        if (s.instructions.some((i) => i.keyword === 'HEALTHCHECK')) return;
      }
      ctx.report({ stage, message: `The image (final stage FROM ${stage.image}) has no HEALTHCHECK.`, part: 'HEALTHCHECK', fixData: stage.from });
    },
  },
  fix: {
    dockerfile: (ctx: YamlFixContext<DockerInstruction>) => {
      const question = 'Add a HEALTHCHECK that fails when this service is unhealthy (e.g. HEALTHCHECK CMD wget -qO- http://localhost:<port>/health || exit 1)';
      return { kind: 'needs-input', description: `Marks the final stage for a decision: ${question}`, question, edits: markForInput(ctx.text, ctx.data, question) };
    },
  },
  examples: {
    dockerfile: {
      good: [`FROM node:20-alpine\nUSER node\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]\n`],
      bad: [
        {
          code: `FROM node:20-alpine\nUSER node\nCMD ["node", "server.js"]\n`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: Add a HEALTHCHECK that fails when this service is unhealthy (e.g. HEALTHCHECK CMD wget -qO- http://localhost:<port>/health || exit 1)\nFROM node:20-alpine\nUSER node\nCMD ["node", "server.js"]\n`,
        },
      ],
    },
  },
});
