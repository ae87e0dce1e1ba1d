import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../../src/analyze/rule.js';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { dedent, generateRuleDocs, ruleDocMarkdown, ruleIndexMarkdown } from '../../src/report/rule-docs.js';
import { threatLinks } from '../../src/model/report/threat-links.js';
import { s3EncryptionMeta } from './sample.js';

const docsDir = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

const rule: Rule = {
  meta: s3EncryptionMeta,
  examples: {
    terraform: {
      bad: [{ code: '\n    resource "aws_s3_bucket" "b" {\n      bucket = "x"\n    }\n  ', errors: [{ line: 2 }] }],
      good: ['resource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_server_side_encryption_configuration" "b" {}'],
    },
  },
};

describe('rule docs', () => {
  it('committed docs/rules/ match the rule metadata (run `npm run docs` after changing rules)', () => {
    const expected = generateRuleDocs(builtinRules, threatLinks);
    const committed = readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort();
    assert.deepEqual(committed, [...expected.keys()].sort(), 'docs/rules/ has missing or stale pages');
    for (const [name, text] of expected) assert.equal(readFileSync(docsDir + name, 'utf8'), text, `docs/rules/${name} is out of date`);
  });

  it('renders metadata, remediation and dedented examples for one rule', () => {
    const md = ruleDocMarkdown(rule);
    assert.ok(md.includes('# BW-AWS-S3-001: S3 bucket has default server-side encryption configured\n'));
    assert.ok(md.includes('| Severity | critical |'));
    assert.ok(md.includes('| STRIDE | Information disclosure |'));
    assert.ok(md.includes('| CWE | [CWE-311](https://cwe.mitre.org/data/definitions/311.html) |'));
    assert.ok(md.includes('| Compliance | PCI-DSS 3.5.1, GDPR Art. 32 |'));
    assert.ok(md.includes('| Checkov | `CKV_AWS_19` |'));
    assert.ok(md.includes('| Trivy / tfsec | `AVD-AWS-0088` |'));
    assert.ok(!md.includes('| KICS |'));
    assert.ok(md.includes('## How to fix\n\nAdd an aws_s3_bucket_server_side_encryption_configuration using aws:kms.\n'));
    assert.ok(md.includes('### Flagged\n\n```hcl\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n```'));
    assert.ok(md.includes('### Passes\n\n```hcl\nresource "aws_s3_bucket" "b" {}\n'));
  });

  it('can be embedded at a deeper heading level without the generated note', () => {
    const md = ruleDocMarkdown(rule, { headingLevel: 2, generatedNote: false });
    assert.ok(md.startsWith('## BW-AWS-S3-001'));
    assert.ok(md.includes('\n### Why it matters\n'));
    assert.ok(md.includes('\n#### Flagged\n'));
  });

  it('indexes rules in id order with links', () => {
    const index = ruleIndexMarkdown([{ ...rule, meta: { ...rule.meta, id: 'BW-AWS-S3-009' } }, rule]);
    assert.ok(index.indexOf('[BW-AWS-S3-001](BW-AWS-S3-001.md)') < index.indexOf('[BW-AWS-S3-009](BW-AWS-S3-009.md)'));
    assert.ok(index.includes('Bulwark ships 2 rules.'));
  });

  it('dedent keeps relative indentation', () => {
    assert.equal(dedent('\n    a {\n      b = 1\n    }\n'), 'a {\n  b = 1\n}');
  });
});
