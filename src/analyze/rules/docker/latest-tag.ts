import { defineRule } from '../../rule.js';
import type { DockerInstruction } from '../../../parse/dockerfile/read.js';
import type { YamlFixContext } from '../../fix.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE, imageStages, markForInput, parseImage } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-IMAGE-001',
    title: 'Base images are pinned to a version',
    problem: 'Base image uses the latest tag or no tag',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-829', 'CWE-1357'],
    compliance: DOCKER_COMPLIANCE.integrity,
    description:
      'FROM without a tag, or with `latest`, builds on whatever the registry serves that day: builds stop being ' +
      'reproducible, a breaking or compromised base image arrives without review, and rollbacks rebuild something else.',
    remediation: 'Pin the base image to a version tag, or better a digest (`FROM node:20.11-alpine@sha256:…`), and update it deliberately.',
    provider: 'docker',
    service: 'image',
    peers: { checkov: ['CKV_DOCKER_7'], trivy: ['AVD-DS-0001'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#from`],
  },
  dockerfile: {
    check(file, ctx) {
      for (const stage of imageStages(file)) {
        const { tag, digest } = parseImage(stage.image);
        if (digest || (tag && tag !== 'latest')) continue;
        ctx.report({ at: stage.from, stage, message: tag ? `FROM ${stage.image} uses the latest tag.` : `FROM ${stage.image} has no tag, which means latest.`, part: 'FROM', fixData: stage.from });
      }
    },
  },
  fix: {
    dockerfile: (ctx: YamlFixContext<DockerInstruction>) => {
      const question = 'Pin this base image to the version you build on today (a tag, or better a digest); Bulwark cannot know which one that is';
      return { kind: 'needs-input', description: `Marks the base image for a decision: ${question}`, question, edits: markForInput(ctx.text, ctx.data, question) };
    },
  },
  examples: {
    dockerfile: {
      good: [`FROM node:20.11-alpine AS build\nRUN npm ci\n\nFROM gcr.io/distroless/nodejs20-debian12@sha256:8f58ee8d1e2c8b6f0a3b0e6a0d3b8f2b9e4f6d7c8a9b0c1d2e3f4a5b6c7d8e9f\nCOPY --from=build /app /app\nUSER 10001\n`],
      bad: [
        {
          code: `FROM ubuntu:latest\nRUN apt-get update\n\nFROM alpine\nUSER 10001\n`,
          errors: [{ line: 1 }, { line: 4 }],
          output: `# NEEDS YOUR INPUT: Pin this base image to the version you build on today (a tag, or better a digest); Bulwark cannot know which one that is\nFROM ubuntu:latest\nRUN apt-get update\n\n# NEEDS YOUR INPUT: Pin this base image to the version you build on today (a tag, or better a digest); Bulwark cannot know which one that is\nFROM alpine\nUSER 10001\n`,
        },
      ],
    },
  },
});
