// KMS key rotation: which keys can rotate, unknowns, and where findings point.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleOnSnippet } from '../../../src/scanners/rule-tester.js';
import keyRotation from '../../../src/analyze/rules/aws/kms/key-rotation.js';

describe('KMS key rotation', () => {
  it('points at enable_key_rotation when it is false, at the resource when it is missing', () => {
    const off = runRuleOnSnippet(keyRotation, 'resource "aws_kms_key" "k" {\n  description = "x"\n  enable_key_rotation = false\n}\n');
    assert.equal(off.length, 1);
    assert.equal(off[0]!.location.range.start.line, 3);
    assert.equal(off[0]!.severity, 'medium');
    const missing = runRuleOnSnippet(keyRotation, 'resource "aws_kms_key" "k" {\n  description = "x"\n}\n');
    assert.equal(missing[0]!.location.range.start.line, 1);
  });

  it('does not ask keys that cannot rotate to rotate', () => {
    for (const body of [
      'customer_master_key_spec = "HMAC_256"\n  key_usage = "GENERATE_VERIFY_MAC"',
      'customer_master_key_spec = "RSA_2048"',
      'key_usage = "SIGN_VERIFY"',
      'custom_key_store_id = "cks-1234567890abcdef0"',
      'is_enabled = false',
    ]) {
      assert.deepEqual(runRuleOnSnippet(keyRotation, `resource "aws_kms_key" "k" {\n  ${body}\n}\n`), [], body);
    }
  });

  it('treats an unknown rotation setting as not a violation', () => {
    const hcl = 'variable "rotate" {\n  type = bool\n}\nresource "aws_kms_key" "k" {\n  enable_key_rotation = var.rotate\n}\n';
    assert.deepEqual(runRuleOnSnippet(keyRotation, hcl), []);
  });

  it('reports each key of a for_each', () => {
    const hcl = 'resource "aws_kms_key" "k" {\n  for_each = toset(["a", "b"])\n  description = each.key\n}\n';
    assert.deepEqual(runRuleOnSnippet(keyRotation, hcl).map((f) => f.resource).sort(), ['aws_kms_key.k["a"]', 'aws_kms_key.k["b"]']);
  });
});

describe('KMS key policy open to everyone', async () => {
  const { default: keyPolicyPublic } = await import('../../../src/analyze/rules/aws/kms/key-policy-public.js');

  it('ignores policies it cannot read and principals that are named', () => {
    const unknown = 'variable "p" {\n  type = string\n}\nresource "aws_kms_key" "k" {\n  enable_key_rotation = true\n  policy = var.p\n}\n';
    assert.deepEqual(runRuleOnSnippet(keyPolicyPublic, unknown), []);
    const named = `resource "aws_kms_key" "k" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:role/app" }, Action = "kms:*", Resource = "*" }]
  })
}
`;
    assert.deepEqual(runRuleOnSnippet(keyPolicyPublic, named), []);
  });

  it('reports a Deny for everyone as fine and an Allow for everyone once per statement', () => {
    const hcl = `resource "aws_kms_key" "k" {
  policy = jsonencode({
    Statement = [
      { Effect = "Deny", Principal = "*", Action = "kms:ScheduleKeyDeletion", Resource = "*" },
      { Effect = "Allow", Principal = "*", Action = "kms:Encrypt", Resource = "*" },
    ]
  })
}
`;
    const findings = runRuleOnSnippet(keyPolicyPublic, hcl);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /kms:Encrypt/);
    assert.equal(findings[0]!.location.range.start.line, 2);
  });

  it('treats a condition whose values are unknown as a condition, not as none', () => {
    const policy = (condition: string) => `variable "org_id" {
  type = string
}
resource "aws_kms_key" "k" {
  enable_key_rotation = true
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = ${condition}
    }]
  })
}
`;
    assert.deepEqual(runRuleOnSnippet(keyPolicyPublic, policy('{ StringEquals = var.org_id }')), []);
    assert.deepEqual(runRuleOnSnippet(keyPolicyPublic, policy('{ StringEquals = { "aws:PrincipalOrgID" = var.org_id } }')), []);
    assert.equal(runRuleOnSnippet(keyPolicyPublic, policy('{}')).length, 1, 'an empty condition narrows nothing');
  });
});
