// Focused IAM behaviour the rule examples do not pin down: the policy reader, unknowns, modules,
// count/for_each, severities and the no-double-reporting split between the wildcard rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleOnTerraform, runRulesOnTerraform } from '../../../src/scanners/rule-tester.js';
import { iamRules } from '../../../src/analyze/rules/aws/iam/index.js';
import { parsePolicyDocument } from '../../../src/analyze/rules/aws/iam/policy-document.js';
import { isUnknown } from '../../../src/evaluate/terraform/view.js';
import type { Rule } from '../../../src/analyze/rule.js';

function rule(id: string): Rule {
  const found = iamRules.find((r) => r.meta.id === id);
  assert.ok(found, id);
  return found;
}
const run = (id: string, hcl: string) => runRuleOnTerraform(rule(id), { 'main.tf': hcl });
const ids = (hcl: string) => runRulesOnTerraform(iamRules, { 'main.tf': hcl }).map((f) => f.ruleId).filter((id) => id.startsWith('BW-AWS-IAM'));

describe('parsePolicyDocument', () => {
  it('normalises single statements, string lists and the "*" principal', () => {
    const doc = parsePolicyDocument(
      JSON.stringify({ Statement: { Effect: 'allow', Action: 's3:GetObject', Resource: ['a', 'b'], Principal: '*' } }),
    );
    assert.ok(doc);
    assert.equal(doc.statements.length, 1);
    const s = doc.statements[0]!;
    assert.equal(s.effect, 'Allow');
    assert.deepEqual(s.actions, ['s3:GetObject']);
    assert.deepEqual(s.resources, ['a', 'b']);
    assert.deepEqual(s.principals, { AWS: ['*'] });
    assert.deepEqual(s.conditions, []);
  });

  it('reads conditions as operator/key/values', () => {
    const doc = parsePolicyDocument(
      '{"Statement":[{"Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}',
    );
    const s = doc!.statements[0]!;
    assert.deepEqual(s.notActions, ['iam:*']);
    assert.deepEqual(s.conditions, [{ operator: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', values: ['false'] }]);
  });

  it('turns the evaluator\'s "(unknown)" placeholders into unknowns', () => {
    const s = parsePolicyDocument('{"Statement":[{"Effect":"(unknown)","Action":["s3:GetObject","(unknown)"],"Resource":"(unknown)"}]}')!.statements[0]!;
    assert.ok(isUnknown(s.effect));
    assert.equal((s.actions as unknown[])[0], 's3:GetObject');
    assert.ok(isUnknown((s.actions as unknown[])[1]));
    assert.ok(isUnknown((s.resources as unknown[])[0]));
  });

  it('gives up on text that is not a policy', () => {
    assert.equal(parsePolicyDocument('{ "Statement": [ { "Effect": "Allow", } ] }'), undefined);
    assert.equal(parsePolicyDocument('not json'), undefined);
    assert.equal(parsePolicyDocument(null), undefined);
  });
});

describe('IAM wildcard rules', () => {
  it('grade admin, whole-service and sensitive-action grants without double reporting', () => {
    const policy = (action: string) => `resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "${action}", Resource = "*" }] })
}
`;
    assert.deepEqual(ids(policy('*')), ['BW-AWS-IAM-001']);
    assert.deepEqual(ids(policy('iam:*')), ['BW-AWS-IAM-002']);
    assert.deepEqual(ids(policy('iam:PassRole')), ['BW-AWS-IAM-003']);
    assert.deepEqual(ids(policy('ec2:Describe*')), []);
    assert.deepEqual(ids(policy('sts:GetCallerIdentity')), []);
    assert.deepEqual(ids(policy('logs:*')), []);
    assert.equal(rule('BW-AWS-IAM-001').meta.severity, 'critical');
    assert.equal(rule('BW-AWS-IAM-002').meta.severity, 'high');
    assert.equal(rule('BW-AWS-IAM-003').meta.severity, 'medium');
  });

  it('counts a read wildcard that covers object reads as sensitive, but not List/Describe wildcards', () => {
    const hcl = (actions: string) => `resource "aws_iam_role_policy" "r" {
  name = "r"
  role = "app"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ${actions}, Resource = "*" }] })
}
`;
    const [finding] = run('BW-AWS-IAM-003', hcl('["s3:Get*"]'));
    assert.match(finding!.message, /s3:GetObject/);
    assert.deepEqual(run('BW-AWS-IAM-003', hcl('["s3:List*", "ec2:Describe*", "cloudwatch:Get*"]')), []);
  });

  it('does not flag a whole-service wildcard scoped to one resource, but does flag "*" actions on it', () => {
    const hcl = (action: string) => `resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "${action}", Resource = "arn:aws:s3:::reports/*" }] })
}
`;
    assert.deepEqual(ids(hcl('s3:*')), []);
    const findings = run('BW-AWS-IAM-002', hcl('*'));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /arn:aws:s3:::reports\/\*/);
  });

  it('points at the policy attribute and names the resource, including inside modules', () => {
    const findings = runRuleOnTerraform(rule('BW-AWS-IAM-001'), {
      'main.tf': `module "ops" {\n  source = "./modules/ops"\n}\n`,
      'modules/ops/main.tf': `resource "aws_iam_role_policy" "admin" {
  name = "admin"
  role = "ops"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}
`,
    });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.resource, 'module.ops.aws_iam_role_policy.admin');
    assert.equal(findings[0]!.location.file, 'modules/ops/main.tf');
    assert.equal(findings[0]!.location.range.start.line, 4);
  });

  it('reports every for_each instance that grants admin and none whose grant is computed', () => {
    const hcl = `variable "unknown_action" {
  type = string
}

resource "aws_iam_policy" "p" {
  for_each = { admin = "*", reader = "s3:GetObject" }
  name     = each.key
  policy   = jsonencode({ Statement = [{ Effect = "Allow", Action = each.value, Resource = "*" }] })
}

resource "aws_iam_policy" "computed" {
  name   = "computed"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = var.unknown_action, Resource = "*" }] })
}
`;
    assert.deepEqual(run('BW-AWS-IAM-001', hcl).map((f) => f.resource), ['aws_iam_policy.p["admin"]']);
  });

  it('leaves policies from unknown dynamic statements alone', () => {
    const hcl = `variable "statements" {
  type = list(object({ actions = list(string) }))
}

data "aws_iam_policy_document" "d" {
  dynamic "statement" {
    for_each = var.statements
    content {
      actions   = statement.value.actions
      resources = ["*"]
    }
  }
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.d.json
}
`;
    assert.deepEqual(ids(hcl), []);
  });

  it('reads statements of a policy document whose other statements hold computed ARNs', () => {
    const hcl = `resource "aws_s3_bucket" "b" {
  bucket_prefix = "data-"
}

data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.b.arn}/*"]
  }
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "p" {
  name   = "p"
  role   = "app"
  policy = data.aws_iam_policy_document.d.json
}
`;
    assert.equal(run('BW-AWS-IAM-001', hcl).length, 1);
  });

  it('still reads the own statements of a document whose source document is unknown', () => {
    const hcl = `variable "extra" {
  type = string
}

data "aws_iam_policy_document" "d" {
  source_policy_documents = [var.extra]
  statement {
    sid       = "Everything"
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.d.json
}
`;
    const findings = run('BW-AWS-IAM-001', hcl);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /statement "Everything"/);
  });

  it('follows source documents up to its depth limit, and a cycle of documents ends', () => {
    // A chain of documents, each built on the one before and on an unknown variable, so that no document's
    // JSON can be computed and the rule rebuilds each one from its sources. The first grants everything.
    const chain = (length: number) => {
      const docs = Array.from({ length }, (_, i) =>
        i === 0
          ? 'data "aws_iam_policy_document" "d0" {\n  source_policy_documents = [var.extra]\n  statement {\n    sid       = "Everything"\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n'
          : `data "aws_iam_policy_document" "d${i}" {\n  source_policy_documents = [data.aws_iam_policy_document.d${i - 1}.json, var.extra]\n}\n`,
      );
      return `variable "extra" {\n  type = string\n}\n\n${docs.join('\n')}\nresource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = data.aws_iam_policy_document.d${length - 1}.json\n}\n`;
    };
    assert.equal(run('BW-AWS-IAM-001', chain(9)).length, 1, 'eight documents deep is read');
    // Past the limit (MAX_DEPTH, 8) the rest is incomplete: nothing is claimed about what was not read.
    assert.deepEqual(run('BW-AWS-IAM-001', chain(30)), []);
    const cycle = `data "aws_iam_policy_document" "a" {\n  source_policy_documents = [data.aws_iam_policy_document.b.json]\n  statement {\n    sid       = "Everything"\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n\ndata "aws_iam_policy_document" "b" {\n  source_policy_documents = [data.aws_iam_policy_document.a.json]\n}\n\nresource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = data.aws_iam_policy_document.a.json\n}\n`;
    assert.equal(run('BW-AWS-IAM-001', cycle).length, 1);
  });

  it('applies source/override sid merging of policy documents', () => {
    const hcl = (overrideActions: string) => `data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Main"
    actions   = ["iam:*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "narrow" {
  statement {
    sid       = "Main"
    actions   = ${overrideActions}
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.narrow.json]
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = data.aws_iam_policy_document.merged.json
}
`;
    assert.deepEqual(run('BW-AWS-IAM-002', hcl('["iam:GetUser"]')), []);
    assert.equal(run('BW-AWS-IAM-002', hcl('["kms:*"]')).length, 1);
  });
});

describe('IAM password policy', () => {
  it('treats 0 as "never expires" and an unknown value as unjudged', () => {
    assert.equal(run('BW-AWS-IAM-012', 'resource "aws_iam_account_password_policy" "p" {\n  max_password_age = 0\n}\n').length, 1);
    assert.deepEqual(run('BW-AWS-IAM-012', 'variable "age" {\n  type = number\n}\nresource "aws_iam_account_password_policy" "p" {\n  max_password_age = var.age\n}\n'), []);
  });

  it('evaluates variables: a default of 24 satisfies reuse prevention', () => {
    const hcl = 'variable "reuse" {\n  default = 24\n}\nresource "aws_iam_account_password_policy" "p" {\n  password_reuse_prevention = var.reuse\n}\n';
    assert.deepEqual(run('BW-AWS-IAM-007', hcl), []);
  });
});

describe('IAM identities', () => {
  it('flags a root access key only while it is active', () => {
    const hcl = (status: string) => `resource "aws_iam_access_key" "k" {\n  user   = "root"\n  status = "${status}"\n}\n`;
    assert.equal(run('BW-AWS-IAM-013', hcl('Active')).length, 1);
    assert.deepEqual(run('BW-AWS-IAM-013', hcl('Inactive')), []);
  });

  it('finds group MFA enforcement through aws_iam_policy_attachment groups lists', () => {
    const hcl = `resource "aws_iam_group" "g" {
  name = "admins"
}

resource "aws_iam_policy" "mfa" {
  name = "mfa"
  policy = jsonencode({ Statement = [{
    Effect = "Deny", NotAction = "iam:*MFA*", Resource = "*",
    Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
  }] })
}

resource "aws_iam_policy_attachment" "mfa" {
  name       = "mfa"
  groups     = ["admins"]
  policy_arn = aws_iam_policy.mfa.arn
}
`;
    assert.deepEqual(run('BW-AWS-IAM-015', hcl), []);
    assert.equal(run('BW-AWS-IAM-015', hcl.replace('groups     = ["admins"]', 'groups     = ["others"]')).length, 1);
  });

  it('reports policies attached straight to users through the shared attachment resource', () => {
    const hcl = `resource "aws_iam_policy_attachment" "a" {
  name       = "a"
  users      = ["dana"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`;
    const [finding] = run('BW-AWS-IAM-014', hcl);
    assert.equal(finding?.location.range.start.line, 3);
  });

  it('flags only unconditioned wildcard trust', () => {
    const hcl = (condition: string) => `resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = "*"${condition} }] })
}
`;
    assert.equal(run('BW-AWS-IAM-005', hcl('')).length, 1);
    assert.deepEqual(run('BW-AWS-IAM-005', hcl(', Condition = { StringEquals = { "sts:ExternalId" = "x1" } }')), []);
  });
});
