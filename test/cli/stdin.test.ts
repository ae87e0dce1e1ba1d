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

  it('scan refuses - with a message instead of waiting for input', async () => {
    const io = capturedIo({ cwd: await tree({}) });
    io.readStdin = () => assert.fail('standard input was read');
    assert.equal(await run(['scan', '-'], io), 2);
    assert.match(io.stderrText(), /not standard input/);
  });
});
