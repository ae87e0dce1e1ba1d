import { defineRule } from '../../rule.js';
import { globMatcher } from '../../../core/glob.js';
import { DOCKER_COMPLIANCE, imageStages, parseImage } from './support.js';

/** True when `image` (tag and digest aside) matches an approved entry: `node`, `registry.example.com/base/*`. */
export function isApprovedImage(image: string, approved: readonly string[]): boolean {
  const { registry, repository } = parseImage(image);
  const name = `${registry ? `${registry}/` : ''}${repository}`;
  const full = registry ? name : `docker.io/${repository.includes('/') ? repository : `library/${repository}`}`;
  return approved.some((entry) => {
    const bare = entry.replace(/[:@].*$/, '');
    return name === bare || full === bare || globMatcher([bare])(name) || globMatcher([bare])(full);
  });
}

export default defineRule({
  meta: {
    id: 'BW-DOCKER-IMAGE-003',
    title: 'Dockerfiles build on approved base images',
    problem: 'Base image not on the approved list',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-829'],
    compliance: DOCKER_COMPLIANCE.integrity,
    description:
      'Companies keep a short list of base images they patch, scan and support. A Dockerfile that starts elsewhere ships ' +
      "whatever that image contains, unreviewed. The policy's approvedBaseImages lists the allowed ones.",
    remediation: 'Build on one of the approved base images, or have the image reviewed and added to the policy.',
    provider: 'docker',
    service: 'image',
    peers: {},
    risk: 'protection',
    uses: ['approvedBaseImages'],
    requires: ['approvedBaseImages'],
  },
  dockerfile: {
    check(file, ctx) {
      const approved = ctx.defaults.approvedBaseImages ?? [];
      for (const stage of imageStages(file)) {
        if (!isApprovedImage(stage.image, approved)) ctx.report({ at: stage.from, stage, message: `FROM ${stage.image} is not one of the approved base images (${approved.join(', ')}).`, part: 'FROM' });
      }
    },
  },
  noFix: 'Switching base images changes what is installed in the image; it needs a build and a test.',
  examples: {
    dockerfile: {
      defaults: { approvedBaseImages: ['registry.example.com/base/*', 'gcr.io/distroless/*'] },
      good: [`FROM registry.example.com/base/node:20 AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs20-debian12:nonroot\nCOPY --from=build /app /app\n`],
      bad: [{ code: `FROM node:20-alpine\nUSER node\n`, errors: [{ line: 1 }] }],
    },
  },
});
