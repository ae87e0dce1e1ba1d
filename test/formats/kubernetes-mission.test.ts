// The mission's four Kubernetes violations (root, no limits, a secret in env, host network) in one manifest:
// found, then fixed by `bulwark fix --write` with a policy that gives default limits, and a clean re-scan.
// Without that policy the limits fix asks instead of guessing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../helpers/cli.js';
import type { ScanResult } from '../../src/core/result.js';

const MANIFEST = `# Orders API, as first written.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: orders-api
  template:
    metadata:
      labels:
        app: orders-api
    spec:
      hostNetwork: true
      containers:
        - name: api
          image: registry.example.com/orders-api:1.4.0
          ports:
            - containerPort: 8080
          env:
            - name: DB_HOST
              value: mariadb.shop.svc
            - name: DB_PASSWORD
              value: "Pr0d-0rders-2024!"
`;

const MISSION_RULES = {
  root: 'BW-K8S-POD-001',
  cpuLimit: 'BW-K8S-RES-001',
  memoryLimit: 'BW-K8S-RES-002',
  secretInEnv: 'BW-K8S-SECRET-002',
  hostNetwork: 'BW-K8S-POD-006',
};

function project(policy?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-k8s-'));
  writeFileSync(join(dir, 'deployment.yaml'), MANIFEST);
  if (policy) writeFileSync(join(dir, 'bulwark.yaml'), policy);
  return dir;
}

async function findings(dir: string): Promise<ScanResult['findings']> {
  const scan = await runCli(dir, ['scan', '.', '--format', 'json', '--fail-on', 'none']);
  assert.equal(scan.code, 0, scan.err);
  return (JSON.parse(scan.out) as ScanResult).findings;
}

const POLICY = `version: 1
safeDefaults:
  containerResources:
    limits: { cpu: 500m, memory: 256Mi }
    requests: { cpu: 250m, memory: 128Mi }
`;

describe("the mission's Kubernetes violations", () => {
  it('are each found, at the offending line, naming the container', async () => {
    const found = await findings(project());
    const at = (id: string) => found.find((f) => f.ruleId === id);
    assert.equal(at(MISSION_RULES.hostNetwork)?.location.range.start.line, 17);
    assert.equal(at(MISSION_RULES.secretInEnv)?.location.range.start.line, 27);
    assert.match(at(MISSION_RULES.secretInEnv)!.message, /container "api" of Deployment\/shop\/orders-api/);
    assert.ok(!JSON.stringify(found).includes('Pr0d-0rders'), 'the secret never appears in the report');
    for (const id of [MISSION_RULES.root, MISSION_RULES.cpuLimit, MISSION_RULES.memoryLimit]) assert.equal(at(id)?.location.range.start.line, 19, id);
  });

  it('are fixed by fix --write with a policy giving default limits, and the re-scan is clean of them', async () => {
    const dir = project(POLICY);
    const run = await runCli(dir, ['fix', '.', '--write']);
    assert.equal(run.code, 0, run.err + run.out);
    const fixed = readFileSync(join(dir, 'deployment.yaml'), 'utf8');
    assert.ok(fixed.startsWith('# Orders API, as first written.\n'), 'comments are kept');
    assert.deepEqual(parseAllDocuments(fixed).flatMap((d) => d.errors), [], 'the result is valid YAML');
    for (const line of ['      hostNetwork: false', '            runAsNonRoot: true', '              cpu: 500m', '              memory: 256Mi', '                  key: DB_PASSWORD']) {
      assert.ok(fixed.includes(`${line}\n`), `missing: ${line}\n${fixed}`);
    }
    const left = (await findings(dir)).map((f) => f.ruleId);
    for (const id of Object.values(MISSION_RULES)) assert.ok(!left.includes(id), `${id} still reported`);
    const again = await runCli(dir, ['fix', '.', '--write']);
    assert.equal(again.code, 0, again.err);
    assert.equal(readFileSync(join(dir, 'deployment.yaml'), 'utf8'), fixed, 'a second fix changes nothing');
  });

  it('without limits in the policy, the limits fix asks instead of guessing', async () => {
    const dir = project();
    const run = await runCli(dir, ['fix', '.', '--write']);
    assert.equal(run.code, 0, run.err);
    const fixed = readFileSync(join(dir, 'deployment.yaml'), 'utf8');
    assert.match(fixed, /# NEEDS YOUR INPUT: Set CPU and memory requests and limits for this container/);
    assert.ok(!/limits:/.test(fixed), 'no limit is invented');
    const left = (await findings(dir)).map((f) => f.ruleId);
    assert.ok(left.includes(MISSION_RULES.cpuLimit) && left.includes(MISSION_RULES.memoryLimit));
    assert.ok(!left.includes(MISSION_RULES.hostNetwork) && !left.includes(MISSION_RULES.root) && !left.includes(MISSION_RULES.secretInEnv));
  });
});

describe('resource fixes on containers that set some of their resources', () => {
  it('add the missing requests inside the existing mapping and the limits beside it, in one valid block', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-k8s-res-'));
    writeFileSync(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: shared\nspec:\n  containers:\n  - image: quay.io/example/visualizer:1.0\n    name: shared\n    resources:\n      requests:\n        cpu: 100m\n');
    writeFileSync(join(dir, 'bulwark.yaml'), POLICY);
    const run = await runCli(dir, ['fix', '.', '--write', '--rule', 'BW-K8S-RES-001', 'BW-K8S-RES-002', 'BW-K8S-RES-003', 'BW-K8S-RES-004']);
    assert.equal(run.code, 0, run.err + run.out);
    const fixed = readFileSync(join(dir, 'pod.yaml'), 'utf8');
    assert.ok(fixed.endsWith('    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        cpu: 500m\n        memory: 256Mi\n'), fixed);
    const left = (await findings(dir)).map((f) => f.ruleId).filter((id) => id.startsWith('BW-K8S-RES-'));
    assert.deepEqual(left, []);
  });
});
