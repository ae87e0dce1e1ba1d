import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE, imageStages, parseImage } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-IMAGE-002',
    title: 'Base images are pinned by digest',
    problem: 'Base image not pinned by digest',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-829'],
    compliance: DOCKER_COMPLIANCE.integrity,
    description:
      'A tag can be moved to another image at any time (by its maintainer, or by whoever compromises the registry ' +
      'account). Only a digest names exactly one image. The policy asks for digests with requireImageDigests.',
    remediation: 'Add the digest of the image you build on: `FROM node:20.11-alpine@sha256:…` (`docker buildx imagetools inspect` prints it).',
    provider: 'docker',
    service: 'image',
    peers: {},
    risk: 'protection',
    uses: ['requireImageDigests'],
    requires: ['requireImageDigests'],
    links: [`${DOCKERFILE_REFERENCE}#from`],
  },
  dockerfile: {
    check(file, ctx) {
      if (!ctx.defaults.requireImageDigests) return;
      for (const stage of imageStages(file)) {
        if (!parseImage(stage.image).digest) ctx.report({ at: stage.from, stage, message: `FROM ${stage.image} is not pinned by digest.`, part: 'FROM' });
      }
    },
  },
  noFix: 'The digest of the image you test with must be looked up in its registry, which Bulwark does not contact.',
  examples: {
    dockerfile: {
      defaults: { requireImageDigests: true },
      good: [`FROM node:20.11-alpine@sha256:8f58ee8d1e2c8b6f0a3b0e6a0d3b8f2b9e4f6d7c8a9b0c1d2e3f4a5b6c7d8e9f\nUSER node\n`],
      bad: [{ code: `FROM node:20.11-alpine\nUSER node\n`, errors: [{ line: 1 }] }],
    },
  },
});
