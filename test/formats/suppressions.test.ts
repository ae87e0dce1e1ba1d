// Suppression comments in the new formats: the same `# bulwark:ignore` above a Kubernetes object, a compose
// service or a Dockerfile stage, and Trivy's own comment, mapped through the rules' peer ids.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../src/scan.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-suppress-'));
  for (const [rel, text] of Object.entries(files)) writeFileSync(join(dir, rel), text);
  return dir;
}

describe('suppressions in Kubernetes, compose and Dockerfiles', () => {
  it('cover the object, service or stage they are above, with their reason', async () => {
    const dir = project({
      'deploy.yaml': `# bulwark:ignore BW-K8S-POD-006 reason="the CNI agent needs the host network"
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: cni
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: cni
          image: registry.example.com/cni:1.0.0
          # trivy:ignore:AVD-KSV-0017
          securityContext:
            privileged: true
`,
      'compose.yaml': `services:
  # bulwark:ignore BW-COMPOSE-NET-001 reason="local development only"
  db:
    image: postgres:16.4
    ports:
      - "5432:5432"
`,
      Dockerfile: `# bulwark:ignore BW-DOCKER-USER-001 reason="the entrypoint drops to app after binding port 80"
FROM nginx:1.27
CMD ["nginx", "-g", "daemon off;"]
`,
    });
    const result = await scan([dir]);
    const suppressed = (id: string) => result.findings.find((f) => f.ruleId === id)?.suppression;
    assert.equal(suppressed('BW-K8S-POD-006')?.reason, 'the CNI agent needs the host network');
    assert.ok(suppressed('BW-K8S-POD-002'), "Trivy's comment on the line above suppresses the privileged finding");
    assert.equal(suppressed('BW-COMPOSE-NET-001')?.reason, 'local development only');
    assert.ok(suppressed('BW-DOCKER-USER-001'));
    assert.equal(suppressed('BW-K8S-POD-001'), undefined, 'other rules are not suppressed');
  });

  it("honour Checkov's annotations on a Kubernetes object, mapped through the rules' peer ids", async () => {
    const dir = project({
      'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: agent
  annotations:
    checkov.io/skip1: CKV_K8S_19=the agent reads node metrics
spec:
  hostNetwork: true
  containers:
    - name: agent
      image: registry.example.com/agent:1.0.0
`,
    });
    const result = await scan([dir]);
    const hostNetwork = result.findings.find((f) => f.ruleId === 'BW-K8S-POD-006')!;
    assert.equal(hostNetwork.suppression?.reason, 'the agent reads node metrics');
    assert.equal(hostNetwork.suppression?.location?.range.start.line, 6);
    assert.equal(result.findings.find((f) => f.ruleId === 'BW-K8S-POD-001')?.suppression, undefined);
  });
});
