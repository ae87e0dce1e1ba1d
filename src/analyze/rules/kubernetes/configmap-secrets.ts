import { defineRule } from '../../rule.js';
import { entry, isScalar, text } from '../../../parse/yaml/tree.js';
import { findAwsCredentials, findNamedSecrets, findOtherSecrets } from '../../secrets/patterns.js';
import { K8S_COMPLIANCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-K8S-SECRET-001',
    title: 'ConfigMaps hold no secrets',
    problem: 'Secret stored in a ConfigMap',
    severity: 'high',
    stride: 'information-disclosure',
    cwe: ['CWE-312', 'CWE-798'],
    compliance: K8S_COMPLIANCE.secrets,
    description:
      'ConfigMaps are for configuration anyone working on the namespace may read: they are not encrypted at rest by the ' +
      'API server\'s secret encryption, RBAC rarely guards them, and they end up in logs and dashboards. A password or key ' +
      'in one is exposed.',
    remediation: 'Move the value into a Secret (or an external secret store) and rotate it.',
    provider: 'kubernetes',
    service: 'secrets',
    peers: { trivy: ['AVD-KSV-0109'] },
    risk: 'credentials',
  },
  kubernetes: {
    kinds: ['ConfigMap'],
    check(object, ctx) {
      const data = entry(object.node, 'data')?.value;
      if (data?.kind !== 'map') return;
      for (const item of data.entries) {
        const value = isScalar(item.value) ? text(item.value) : undefined;
        if (value === undefined) continue;
        // A key naming a secret with a literal value, or a secret inside a value (an env file, a config file).
        const hits = [...findNamedSecrets([[item.key, value]]), ...(value.includes('\n') || value.includes('=') ? [...findAwsCredentials(value), ...findOtherSecrets(value)] : [])];
        if (!hits.length) continue;
        ctx.report({ at: item, message: `ConfigMap ${object.label} holds a secret in ${item.key} (${hits[0]!.kind}: ${hits[0]!.masked}).`, part: `data.${item.key}` });
      }
    },
  },
  noFix: 'The workloads reading this ConfigMap must be changed to read a Secret; moving the value alone would break them.',
  examples: {
    kubernetes: {
      good: [
        `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: info
  DB_HOST: mariadb.shop.svc
  app.env: |
    REDIS_HOST=redis
    REDIS_PASSWORD=\${REDIS_PASSWORD}
`,
      ],
      bad: [
        {
          code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: info
  DB_PASSWORD: Pr0duct10n-DB-2024
  app.env: |
    REDIS_HOST=redis
    REDIS_PASSWORD=r3d1s-Sup3r-S3cret
`,
          errors: [{ line: 7 }, { line: 8 }],
        },
      ],
    },
  },
});
