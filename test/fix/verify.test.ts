// Verification holds fixes to their promise: a fix that breaks the file, leaves its finding, or brings a
// new one is dropped with the reason, and the fixes beside it in the same file still go through.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineRule, type Rule } from '../../src/analyze/rule.js';
import { findRule } from '../../src/analyze/rules/index.js';
import { fixSetting, setLiteral } from '../../src/analyze/fix-helpers.js';
import { attr } from '../../src/evaluate/terraform/view.js';
import { fixFiles } from '../../src/fix/in-memory.js';

/** A rule flagging `aws_instance` without `name = true`, with the fix given. */
function ruleWithFix(id: string, name: string, fix: NonNullable<Rule['fix']>['terraform']): Rule {
  return defineRule({
    meta: {
      id,
      title: `instances set ${name}`,
      problem: `instance without ${name}`,
      severity: 'low',
      stride: 'tampering',
      cwe: ['CWE-693'],
      compliance: [],
      description: 'test rule',
      remediation: `set ${name}`,
      provider: 'aws',
      service: 'ec2',
      peers: {},
    },
    terraform: {
      resourceTypes: ['aws_instance'],
      check(resource, ctx) {
        if (attr(resource.body, name)?.value !== true) ctx.report({ at: attr(resource.body, name), message: `${resource.address} lacks ${name} = true` });
      },
    },
    ...(fix ? { fix: { terraform: fix } } : {}),
    examples: {},
  });
}

const INSTANCE = `resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}
`;

describe('fix verification', () => {
  it('drops a fix that leaves the file unparsable, and says so', async () => {
    const broken = ruleWithFix('BW-TEST-FIX-001', 'alpha', (ctx) => ({ kind: 'automatic', description: 'breaks it', edits: [{ start: ctx.resource.range.end.offset - 1, end: ctx.resource.range.end.offset, text: '' }] }));
    const out = await fixFiles([broken], { 'main.tf': INSTANCE });
    assert.equal(out.files['main.tf'], INSTANCE);
    assert.match(out.unfixed[0]!.reason, /verification failed: .*it would bring a new finding: BW-PARSE-001/);
  });

  it('drops a fix after which the finding is still reported', async () => {
    const idle = ruleWithFix('BW-TEST-FIX-002', 'beta', (ctx) => setLiteral(ctx, 'beta', 'false', 'sets the wrong value'));
    const out = await fixFiles([idle], { 'main.tf': INSTANCE });
    assert.equal(out.files['main.tf'], INSTANCE);
    assert.match(out.unfixed[0]!.reason, /the finding is still reported after the fix \(main\.tf:4\)/);
  });

  it('drops a fix that brings another rule\'s finding, and keeps the good fix beside it', async () => {
    // Setting gamma writes `delta = false` too, which the delta rule flags: a regression.
    const regressing = ruleWithFix('BW-TEST-FIX-003', 'gamma', (ctx) => {
      const gamma = setLiteral(ctx, 'gamma', 'true', 'sets gamma');
      if ('declined' in gamma) return gamma;
      return { ...gamma, edits: [{ ...gamma.edits[0]!, text: gamma.edits[0]!.text.replace('= true\n', '= true\n  delta = false\n') }] };
    });
    const delta = ruleWithFix('BW-TEST-FIX-004', 'delta', undefined);
    const good = ruleWithFix('BW-TEST-FIX-005', 'epsilon', fixSetting('epsilon', 'true'));
    const text = INSTANCE.replace('}\n', '  delta         = true\n}\n');
    const out = await fixFiles([regressing, delta, good], { 'main.tf': text });
    assert.match(out.files['main.tf']!, /epsilon {7}= true/);
    assert.ok(!out.files['main.tf']!.includes('gamma'));
    const reason = out.unfixed.find((u) => u.finding.ruleId === 'BW-TEST-FIX-003')!.reason;
    assert.match(reason, /new finding: BW-TEST-FIX-004 instance without delta at main\.tf:[56]/);
  });

  it('accepts the checks a fix brings into scope (MFA delete once versioning is on)', async () => {
    const versioning = findRule('BW-AWS-S3-002')!;
    const mfa = findRule('BW-AWS-S3-012')!;
    const out = await fixFiles([versioning, mfa], { 'main.tf': 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n' });
    assert.match(out.files['main.tf']!, /status = "Enabled"/);
    assert.ok(out.after.some((f) => f.ruleId === 'BW-AWS-S3-012'));
  });

  it('declines instead of overwriting a value that comes from a variable', async () => {
    const rule = findRule('BW-AWS-EC2-001')!;
    const text = 'variable "monitoring" {\n  default = false\n}\n\nresource "aws_instance" "web" {\n  ami        = "ami-12345678"\n  monitoring = var.monitoring\n}\n';
    const out = await fixFiles([rule], { 'main.tf': text });
    assert.equal(out.files['main.tf'], text);
    assert.match(out.unfixed[0]!.reason, /monitoring is set from `var\.monitoring`; set the safe value where that is decided/);
  });

  it('fixes every file of a module with one pass per file and leaves the others alone', async () => {
    const rule = findRule('BW-AWS-EC2-001')!;
    const files = { 'a.tf': INSTANCE, 'b.tf': INSTANCE.replace('"web"', '"api"'), 'c.tf': 'resource "aws_s3_bucket" "x" {\n  bucket = "x"\n}\n' };
    const out = await fixFiles([rule], files);
    assert.match(out.files['a.tf']!, /monitoring {4}= true/);
    assert.match(out.files['b.tf']!, /monitoring {4}= true/);
    assert.equal(out.files['c.tf'], files['c.tf']);
  });
});
