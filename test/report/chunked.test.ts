// Reports written in pieces: the same text as the one-string renderers (JSON and SARIF are still rendered whole
// by JSON.stringify there), and past 20,000 findings one finding per
// line with the same JSON value.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderJson, renderJsonChunks } from '../../src/report/json.js';
import { renderSarif, renderSarifChunks } from '../../src/report/sarif.js';
import { renderText, renderTextChunks } from '../../src/report/text.js';
import type { ScanResult } from '../../src/core/result.js';
import { sampleResult } from './sample.js';

/** The sample's findings repeated with distinct fingerprints and lines, to `count` findings. */
function manyFindings(count: number): ScanResult {
  const base = sampleResult();
  const findings = Array.from({ length: count }, (_, i) => {
    const f = base.findings[i % base.findings.length]!;
    const line = 1 + i;
    return { ...f, fingerprint: `${f.fingerprint.slice(0, 24)}${i.toString(16).padStart(8, '0')}`, location: { ...f.location, range: { start: { line, column: 1, offset: i * 10 }, end: { line, column: 9, offset: i * 10 + 8 } } } };
  });
  return { ...base, findings };
}

const joined = (chunks: Iterable<string>) => [...chunks].join('');

describe('reports in pieces', () => {
  it('JSON, SARIF and text in pieces are the one-string reports, byte for byte', () => {
    for (const result of [sampleResult(), manyFindings(3_000)]) {
      assert.equal(joined(renderJsonChunks(result)), renderJson(result));
      assert.equal(joined(renderSarifChunks(result)), renderSarif(result));
      for (const options of [{ color: false }, { color: true }, { color: false, quiet: true }]) {
        const chunks = [...renderTextChunks(result, options)];
        assert.equal(chunks.join(''), renderText(result, options));
        const text = chunks.join('');
        assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), 'one newline at the end, no trailing blank line');
        assert.ok(!text.includes('\n\n\n'), 'never two blank lines in a row, wherever the pieces were cut');
        if (result.findings.length > 1000) {
          assert.ok(chunks.length > 1, 'a long report comes in more than one piece');
          assert.equal(text.split('\n').filter((l) => l.includes(result.findings[0]!.ruleId)).length >= 1, true);
        }
      }
    }
  });

  it('past 20,000 findings each finding (and SARIF result) is one line, and the JSON value is unchanged', () => {
    const result = manyFindings(20_001);
    const json = joined(renderJsonChunks(result));
    assert.deepEqual(JSON.parse(json), JSON.parse(renderJson(result)));
    const findingLines = json.split('\n').filter((line) => line.startsWith('    {"ruleId":'));
    assert.equal(findingLines.length, 20_001);
    const sarif = joined(renderSarifChunks(result));
    assert.deepEqual(JSON.parse(sarif), JSON.parse(renderSarif(result)));
    assert.ok(sarif.length < renderSarif(result).length * 0.8, 'one line per result is smaller');
    const under = manyFindings(20_000);
    assert.equal(joined(renderJsonChunks(under)), renderJson(under));
  });
});
