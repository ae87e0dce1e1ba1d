import { defineRule } from '../../rule.js';
import { setting } from '../../../adapt/compose/services.js';
import { markYamlForInput } from '../../../edit/yaml-edit.js';
import type { YEntry } from '../../../parse/yaml/tree.js';
import type { YamlFixContext } from '../../fix.js';
import { COMPOSE_REFERENCE } from './support.js';
import { parseImage } from '../../images.js';

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-IMAGE-001',
    title: 'Service images are pinned to a version',
    problem: 'Service image uses the latest tag or no tag',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-829', 'CWE-1357'],
    compliance: [{ framework: 'NIST-800-53', control: 'SI-7' }, { framework: 'NIST-800-53', control: 'CM-6' }],
    description: 'An image without a tag, or tagged latest, changes whenever it is pulled again: a new major version of the database or a compromised image arrives on the next `docker compose pull` without review.',
    remediation: 'Pin the image to a version tag, or better a digest.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'protection',
    links: [`${COMPOSE_REFERENCE}#image`],
  },
  compose: {
    check(service, ctx) {
      const image = setting(service, 'image');
      if (!image || image.unresolved.length || image.value.includes('@')) return;
      const { tag } = parseImage(image.value);
      if (tag && tag !== 'latest') return;
      ctx.report({ at: image.entry, message: `Service ${service.name} runs ${image.value}${tag ? '' : ', which has no tag and so means latest'}.`, part: 'image', fixData: image.entry });
    },
  },
  fix: {
    compose: (ctx: YamlFixContext<YEntry>) => {
      const question = 'Pin this image to the version you run today (a tag, or better a digest); Bulwark cannot know which one that is';
      return { kind: 'needs-input', description: `Marks the image for a decision: ${question}`, question, edits: markYamlForInput(ctx.text, ctx.data, question) };
    },
  },
  examples: {
    compose: {
      good: [`services:\n  db:\n    image: mariadb:11.4.2\n  app:\n    build: ./app\n`],
      bad: [
        {
          code: `services:\n  db:\n    image: mariadb:latest\n  queue:\n    image: localstack/localstack\n`,
          errors: [{ line: 3 }, { line: 5 }],
          output: `services:\n  db:\n    # NEEDS YOUR INPUT: Pin this image to the version you run today (a tag, or better a digest); Bulwark cannot know which one that is\n    image: mariadb:latest\n  queue:\n    # NEEDS YOUR INPUT: Pin this image to the version you run today (a tag, or better a digest); Bulwark cannot know which one that is\n    image: localstack/localstack\n`,
        },
      ],
    },
  },
});
