import { defineRule } from '../../rule.js';
import type { DockerInstruction } from '../../../parse/dockerfile/read.js';
import type { YamlFixContext } from '../../fix.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-009',
    title: 'Image metadata uses LABEL, not the deprecated MAINTAINER',
    problem: 'Deprecated MAINTAINER instruction',
    severity: 'low',
    stride: 'repudiation',
    cwe: ['CWE-477'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'MAINTAINER is deprecated: its value is not a label, so tools that read image ownership from labels (scanners, registries, inventories) do not see it.',
    remediation: 'Replace it with `LABEL org.opencontainers.image.authors="…"`.',
    provider: 'docker',
    service: 'build',
    peers: { trivy: ['AVD-DS-0022'] },
    risk: 'detection',
    links: [`${DOCKERFILE_REFERENCE}#maintainer-deprecated`],
  },
  dockerfile: {
    check(file, ctx) {
      for (const m of file.instructions.filter((i) => i.keyword === 'MAINTAINER')) ctx.report({ at: m, message: `MAINTAINER ${m.args.trim()} is deprecated; use a LABEL.`, fixData: m });
    },
  },
  fix: {
    dockerfile: (ctx: YamlFixContext<DockerInstruction>) => ({
      kind: 'automatic',
      description: 'Replaces MAINTAINER with the OCI authors label.',
      edits: [{ start: ctx.data.start, end: ctx.data.end, text: `LABEL org.opencontainers.image.authors=${JSON.stringify(ctx.data.args.trim())}` }],
    }),
  },
  examples: {
    dockerfile: {
      good: [`FROM alpine:3.20\nLABEL org.opencontainers.image.authors="platform@example.com"\nUSER 10001\n`],
      bad: [
        {
          code: `FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\nUSER 10001\n`,
          errors: [{ line: 2 }],
          output: `FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nUSER 10001\n`,
        },
      ],
    },
  },
});
