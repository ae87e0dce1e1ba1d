import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from '../../src/report/markdown.js';
import { sampleResult } from './sample.js';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleResult());

  it('starts with a summary table by severity', () => {
    assert.ok(md.startsWith('## Bulwark scan\n\n**6 findings**. 5 files, 5 resources checked in 12 ms.\n'));
    assert.ok(md.includes('| Severity | Findings |\n| --- | ---: |\n| 🟣 Critical | 2 |\n| 🔴 High | 4 |\n| 🟠 Medium | 0 |\n| 🔵 Low | 0 |\n'));
  });

  it('lists findings by severity with file:line links, messages and fixes', () => {
    assert.ok(md.indexOf('### 🟣 Critical (2)') < md.indexOf('### 🔴 High (4)'));
    assert.ok(md.includes('`aws_s3_bucket.data` in [main.tf:3:1](main.tf#L3)'));
    assert.ok(md.includes('**Fix:** Add an aws\\_s3\\_bucket\\_server\\_side\\_encryption\\_configuration using aws:kms.'));
    assert.ok(md.includes('via `module.store`'));
    assert.ok(md.includes('[modules/store/main.tf:1:1](modules/store/main.tf#L1)'));
  });

  it('keeps code spans from rule texts and escapes the text between them', () => {
    assert.ok(md.includes('**Fix:** Set `monitoring = true` on the instance.'));
    assert.ok(md.includes('Instance does not enable detailed monitoring (`monitoring` is not set).'));
    const result = sampleResult();
    result.findings = [{ ...result.findings[0]!, message: 'value `<img src=x>` and <b>bold</b>', remediation: 'one ` unbalanced <i>' }];
    const out = renderMarkdown(result);
    assert.ok(out.includes('value `<img src=x>` and \\<b\\>bold\\</b\\>'));
    assert.ok(out.includes('**Fix:** one \\` unbalanced \\<i\\>'));
  });

  it('prefixes links when given a base', () => {
    const linked = renderMarkdown(sampleResult(), { linkBase: 'https://github.com/acme/infra/blob/abc123/' });
    assert.ok(linked.includes('(https://github.com/acme/infra/blob/abc123/main.tf#L14)'));
  });

  it('escapes Markdown and HTML in messages', () => {
    const result = sampleResult();
    result.findings = [{ ...result.findings[0]!, message: 'name <script>alert(1)</script> | *x*\nnext' }];
    const out = renderMarkdown(result);
    assert.ok(out.includes('name \\<script\\>alert(1)\\</script\\> \\| \\*x\\* next'));
    assert.ok(!out.includes('<script>'));
  });

  it('summarises beyond maxFindings and reports a clean scan', () => {
    const capped = renderMarkdown(sampleResult(), { maxFindings: 2 });
    assert.ok(capped.includes('…and 4 more findings'));
    assert.ok(!capped.includes('### 🔴 High'));
    const clean = renderMarkdown(sampleResult({ findings: [], diagnostics: [] }));
    assert.ok(clean.includes('✅ No findings.'));
    assert.ok(!clean.includes('### 🟣') && clean.includes('### Coverage\n'));
  });

  it('lists input problems in a collapsed section', () => {
    assert.ok(md.includes('<details><summary>Input problems (1)</summary>'));
    assert.ok(md.includes('- **warning** [variables.tf:1:1](variables.tf#L1): variable "region" has no value; treated as unknown'));
  });
});
