import { defineRule } from '../../rule.js';
import { entry, text } from '../../../parse/yaml/tree.js';
import { globMatcher } from '../../../core/glob.js';
import { containerCheck, K8S_COMPLIANCE, parseImage } from './support.js';

/** Docker Hub, where an image without a registry comes from. */
const DOCKER_HUB = 'docker.io';

/** True when the image comes from one of the approved registries (`registry.example.com`, `ghcr.io/acme`, `*.example.com`). */
export function fromApprovedRegistry(image: string, approved: readonly string[]): boolean {
  const { registry, repository } = parseImage(image);
  const full = `${registry ?? DOCKER_HUB}/${registry ? repository : repository.includes('/') ? repository : `library/${repository}`}`;
  return approved.some((entry) => {
    const prefix = entry.replace(/\/+$/, '');
    if (full === prefix || full.startsWith(`${prefix}/`)) return true;
    // A wildcard entry (`*.example.com`) names registries (the first segment) or whole repositories.
    return /[*?]/.test(prefix) && (globMatcher([prefix])(full.split('/')[0]!) || globMatcher([`${prefix}/*`])(full));
  });
}

export default defineRule({
  meta: {
    id: 'BW-K8S-IMAGE-002',
    title: 'Container images come from approved registries',
    problem: 'Container image from a registry the policy does not approve',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-829'],
    compliance: [...K8S_COMPLIANCE.configuration, { framework: 'NIST-800-53', control: 'SI-7' }],
    description:
      'Images pulled from arbitrary registries bypass the scanning, signing and retention a company applies to its own. ' +
      "The policy's approvedRegistries lists where images may come from.",
    remediation: 'Mirror the image into an approved registry and reference it there, or add the registry to the policy after review.',
    provider: 'kubernetes',
    service: 'images',
    peers: { checkov: [], trivy: [] },
    risk: 'protection',
    uses: ['approvedRegistries'],
    requires: ['approvedRegistries'],
  },
  kubernetes: containerCheck((v, ctx) => {
    const image = entry(v.container.node, 'image');
    const ref = text(image?.value);
    if (!image || !ref || ref.includes('{{') || ref.includes('$')) return;
    const approved = ctx.defaults.approvedRegistries ?? [];
    if (!fromApprovedRegistry(ref, approved)) ctx.report({ at: image, message: `The ${v.label} runs ${ref}, which is not from an approved registry (${approved.join(', ')}).`, part: `${v.container.part}.image` });
  }),
  noFix: 'The image must first be mirrored into an approved registry, which Bulwark cannot do.',
  examples: {
    kubernetes: {
      defaults: { approvedRegistries: ['registry.example.com', 'ghcr.io/acme'] },
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
    - name: agent
      image: ghcr.io/acme/agent:2.1.0
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0.0
    - name: cache
      image: redis:7.2
`,
          errors: [{ line: 10 }],
        },
      ],
    },
  },
});
