// Standard input is read only when asked for with `-`.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/main.js';
import { capturedIo } from '../../src/cli/support/io.js';
import { tree } from '../helpers/tree.js';

const MERMAID = 'flowchart LR\n  user([Customer]) -->|HTTPS| web[Web app]\n  web -->|SQL| db[(Orders DB)]\n';

describe('standard input', () => {
  it('model - reads the design from standard input', async () => {
    const io = capturedIo({ cwd: await tree({}), stdin: MERMAID });
    const code = await run(['model', '-', '--from', 'mermaid', '--format', 'json'], io);
    assert.equal(code, 0, io.stderrText());
    const report = JSON.parse(io.stdoutText()) as { model: { elements: { name: string }[] } };
    assert.deepEqual(report.model.elements.map((e) => e.name).sort(), ['Customer', 'Orders DB', 'Web app']);
  });

  it('is never read unless asked for', async () => {
    const dir = await tree({ 'design.mmd': MERMAID, 'infra/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' });
    const io = capturedIo({ cwd: dir });
    io.readStdin = () => assert.fail('standard input was read');
    assert.equal(await run(['model', 'design.mmd', '--format', 'json'], io), 0, io.stderrText());
    assert.equal(await run(['scan', 'infra', '--fail-on', 'none'], io), 0, io.stderrText());
  });

  it('scan - reads rendered manifests from standard input (helm template . | bulwark scan -)', async () => {
    const rendered = `---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: web
          image: registry.example.com/web:1.2.0
`;
    const io = capturedIo({ cwd: await tree({}), stdin: rendered });
    const code = await run(['scan', '-', '--format', 'json'], io);
    assert.equal(code, 1, io.stderrText());
    const result = JSON.parse(io.stdoutText()) as { findings: { ruleId: string; location: { file: string; range: { start: { line: number } } } }[]; stats: { formats: Record<string, { read: boolean; checked: number }> } };
    const hostNetwork = result.findings.find((f) => f.ruleId === 'BW-K8S-POD-006')!;
    assert.equal(hostNetwork.location.file, 'stdin.yaml');
    assert.equal(hostNetwork.location.range.start.line, 10);
    assert.equal(result.stats.formats.kubernetes?.checked, 1);
  });

  it('scan - with other paths is refused instead of mixing the two', async () => {
    const io = capturedIo({ cwd: await tree({}) });
    io.readStdin = () => assert.fail('standard input was read');
    assert.equal(await run(['scan', '-', '.'], io), 2);
    assert.match(io.stderrText(), /standard input alone/);
  });
});
