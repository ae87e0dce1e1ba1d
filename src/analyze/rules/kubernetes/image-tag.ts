import { defineRule } from '../../rule.js';
import { entry, text } from '../../../parse/yaml/tree.js';
import type { YamlFixContext } from '../../fix.js';
import { askAboutContainer, containerCheck, containerFixData, K8S_COMPLIANCE, parseImage, type ContainerFixData } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-IMAGE-001',
    title: 'Container images are pinned to a version',
    problem: 'Container image uses the latest tag or no tag',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-829', 'CWE-1357'],
    compliance: [...K8S_COMPLIANCE.configuration, { framework: 'NIST-800-53', control: 'SI-7' }],
    description:
      'An image without a tag, or tagged `latest`, is whatever the registry serves when a node pulls it: two replicas can run ' +
      'different code, a rollback does not roll back, and a pushed malicious image is deployed by the next restart.',
    remediation: 'Pin the image to a version tag, or better to a digest (`image: registry.example.com/app:1.4.2@sha256:…`).',
    provider: 'kubernetes',
    service: 'images',
    peers: { checkov: ['CKV_K8S_14', 'CKV_K8S_43'], trivy: ['AVD-KSV-0013'] },
    risk: 'protection',
    links: ['https://kubernetes.io/docs/concepts/containers/images/#image-names'],
  },
  kubernetes: containerCheck((v, ctx) => {
    const image = entry(v.container.node, 'image');
    const ref = text(image?.value);
    if (!image || !ref || ref.includes('{{') || ref.includes('$')) return;
    const { tag, digest } = parseImage(ref);
    if (digest || (tag && tag !== 'latest')) return;
    ctx.report({
      at: image,
      message: tag ? `The ${v.label} runs ${ref}: the latest tag changes under it.` : `The ${v.label} runs ${ref} without a tag, which means latest.`,
      part: `${v.container.part}.image`,
      fixData: containerFixData(v),
    });
  }),
  fix: {
    kubernetes: (ctx: YamlFixContext<ContainerFixData>) => askAboutContainer(ctx, 'Pin this image to the version it runs today (a tag, or better a digest); Bulwark cannot know which one that is'),
  },
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.4.2
    - name: sidecar
      image: registry.example.com/proxy@sha256:4c1e997385b8fb4ad4d1d3c7e5d3e3c8e4b0c4a3f0d6e5b1f8a2c3d4e5f6a7b8
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
      image: nginx:latest
    - name: cache
      image: redis
`,
          errors: [{ line: 8 }, { line: 10 }],
          output: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    # NEEDS YOUR INPUT: Pin this image to the version it runs today (a tag, or better a digest); Bulwark cannot know which one that is
    - name: app
      image: nginx:latest
    # NEEDS YOUR INPUT: Pin this image to the version it runs today (a tag, or better a digest); Bulwark cannot know which one that is
    - name: cache
      image: redis
`,
        },
      ],
    },
  },
});
