// Behaviour of the S3 rules beyond their own examples: the mission's Example C, unknown values,
// module-inner and counted resources, the public-access neutralisers and the exemptions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleOnTerraform, runRulesOnTerraform } from '../../../src/scanners/rule-tester.js';
import { s3Rules } from '../../../src/analyze/rules/aws/s3/index.js';
import type { Rule } from '../../../src/analyze/rule.js';

function rule(id: string): Rule {
  const found = s3Rules.find((r) => r.meta.id === id);
  assert.ok(found, `rule ${id} is registered`);
  return found;
}

const run = (id: string, hcl: string) => runRuleOnTerraform(rule(id), { 'main.tf': hcl });

describe('S3 rules on the mission\'s Example C bucket', () => {
  const example = 'resource "aws_s3_bucket" "data" { bucket = "my-data-bucket" }\n';

  it('yields exactly "no encryption" (critical) and "no versioning" (high) among critical/high findings', () => {
    const findings = runRulesOnTerraform(s3Rules, { 'main.tf': example });
    const serious = findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
    assert.deepEqual(
      serious.map((f) => [f.ruleId, f.severity]).sort(),
      [
        ['BW-AWS-S3-001', 'critical'],
        ['BW-AWS-S3-002', 'high'],
      ],
    );
    for (const f of findings) {
      assert.equal(f.resource, 'aws_s3_bucket.data');
      assert.equal(f.location.range.start.line, 1);
    }
  });

  it('adds no derived findings (customer key, MFA delete, public access block flags) on top', () => {
    const ids = runRulesOnTerraform(s3Rules, { 'main.tf': example }).map((f) => f.ruleId);
    for (const derived of ['BW-AWS-S3-006', 'BW-AWS-S3-007', 'BW-AWS-S3-008', 'BW-AWS-S3-009', 'BW-AWS-S3-011', 'BW-AWS-S3-012']) {
      assert.ok(!ids.includes(derived), `${derived} stays silent`);
    }
    assert.ok(ids.every((id) => rule(id).meta.severity !== 'medium'), 'no medium findings either');
  });

  it('is clean of critical/high findings once the suggested fix is applied', () => {
    const fixed = `${example}
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:us-east-1:123456789:key/abc"
    }
  }
}
`;
    const serious = runRulesOnTerraform(s3Rules, { 'main.tf': fixed }).filter((f) => f.severity === 'critical' || f.severity === 'high');
    assert.deepEqual(serious, []);
  });
});

describe('unknown values are never violations', () => {
  it('versioning status from a variable without default', () => {
    const hcl = `variable "status" {
  type = string
}
resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = var.status
  }
}
`;
    assert.deepEqual(run('BW-AWS-S3-002', hcl), []);
    assert.deepEqual(run('BW-AWS-S3-012', hcl), []);
  });

  it('a public access block whose bucket cannot be resolved may cover any bucket', () => {
    const hcl = `variable "bucket_name" {
  type = string
}
resource "aws_s3_bucket" "b" {
  bucket = var.bucket_name
}
resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = var.bucket_name
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`;
    assert.deepEqual(run('BW-AWS-S3-005', hcl), []);
  });

  it('a policy with an unknown principal is not public', () => {
    const hcl = `variable "reader" {
  type = string
}
resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = var.reader }, Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-b/*" }]
  })
}
`;
    assert.deepEqual(run('BW-AWS-S3-004', hcl), []);
  });

  it('a dynamic policy statement whose for_each is unknown is not judged', () => {
    const hcl = `variable "statements" {
  type = any
}
data "aws_iam_policy_document" "p" {
  dynamic "statement" {
    for_each = var.statements
    content {
      actions   = statement.value.actions
      resources = ["arn:aws:s3:::acme-b/*"]
      principals {
        type        = "*"
        identifiers = ["*"]
      }
    }
  }
}
resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.p.json
}
`;
    assert.deepEqual(run('BW-AWS-S3-004', hcl), []);
  });
});

describe('split resources, literal names, counts and modules', () => {
  it('matches a settings resource that names the bucket literally', () => {
    const hcl = `resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = "acme-b"
  versioning_configuration {
    status = "Enabled"
  }
}
`;
    assert.deepEqual(run('BW-AWS-S3-002', hcl), []);
  });

  it('matches counted buckets and their counted settings instance by instance', () => {
    const hcl = `resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "acme-b-\${count.index}"
}
resource "aws_s3_bucket_versioning" "b" {
  count  = 2
  bucket = aws_s3_bucket.b[count.index].id
  versioning_configuration {
    status = "Enabled"
  }
}
`;
    assert.deepEqual(run('BW-AWS-S3-002', hcl), []);
    const bare = `resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "acme-b-\${count.index}"
}
`;
    assert.deepEqual(run('BW-AWS-S3-002', bare).map((f) => f.resource).sort(), ['aws_s3_bucket.b[0]', 'aws_s3_bucket.b[1]']);
  });

  it('reports a bucket inside a local module with its call path, and accepts the module\'s own settings', () => {
    const files = {
      'main.tf': 'module "store" {\n  source = "./modules/store"\n  name   = "acme-store"\n}\n',
      'modules/store/main.tf': `variable "name" {
  type = string
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
    };
    assert.deepEqual(runRuleOnTerraform(rule('BW-AWS-S3-002'), files), []);
    const encryption = runRuleOnTerraform(rule('BW-AWS-S3-001'), files);
    assert.equal(encryption.length, 1);
    assert.equal(encryption[0]!.resource, 'module.store.aws_s3_bucket.this');
    assert.equal(encryption[0]!.location.file, 'modules/store/main.tf');
    assert.equal(encryption[0]!.callPath?.[0]?.module, 'module.store');
  });

  it('does not let a bucket of another module borrow settings by address', () => {
    const files = {
      'main.tf': `module "a" {
  source = "./modules/bucket"
}
resource "aws_s3_bucket" "this" {
  bucket = "acme-root"
}
`,
      'modules/bucket/main.tf': `resource "aws_s3_bucket" "this" {
  bucket = "acme-inner"
}
resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = "Enabled"
  }
}
`,
    };
    assert.deepEqual(runRuleOnTerraform(rule('BW-AWS-S3-002'), files).map((f) => f.resource), ['aws_s3_bucket.this']);
  });
});

describe('public access', () => {
  const bucket = 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-b"\n}\n';
  const publicPolicy = (condition: string) => `${bucket}
resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject"]
      Resource  = "arn:aws:s3:::acme-b/*"
      ${condition}
    }]
  })
}
`;

  it('points at the policy attribute of the policy resource', () => {
    const findings = run('BW-AWS-S3-004', publicPolicy(''));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.resource, 'aws_s3_bucket_policy.b');
    assert.equal(findings[0]!.location.range.start.line, 7);
    assert.match(findings[0]!.message, /s3:GetObject/);
  });

  it('accepts a wildcard principal narrowed to a VPC endpoint, not one "narrowed" to every IP', () => {
    assert.deepEqual(run('BW-AWS-S3-004', publicPolicy('Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1a2b3c4d" } }')), []);
    assert.equal(run('BW-AWS-S3-004', publicPolicy('Condition = { IpAddress = { "aws:SourceIp" = "0.0.0.0/0" } }')).length, 1);
    assert.equal(run('BW-AWS-S3-004', publicPolicy('Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-abc" } }')).length, 1);
    assert.equal(run('BW-AWS-S3-004', publicPolicy('Condition = { Bool = { "aws:SecureTransport" = "true" } }')).length, 1);
  });

  it('counts a condition whose operator map is unknown as narrowing (the S3 policy reader keeps it)', () => {
    const hcl = `variable "narrowing" {}
${publicPolicy('Condition = { StringEquals = var.narrowing }')}`;
    assert.deepEqual(run('BW-AWS-S3-004', hcl), []);
    const nullValue = publicPolicy('Condition = { StringEquals = { "aws:SourceVpce" = null } }');
    assert.deepEqual(run('BW-AWS-S3-004', nullValue), []);
  });

  it('makes a bucket public only through an AWS wildcard principal, not a service wildcard', () => {
    const service = publicPolicy('').replace('Principal = "*"', 'Principal = { Service = "*" }');
    assert.deepEqual(run('BW-AWS-S3-004', service), []);
    const aws = publicPolicy('').replace('Principal = "*"', 'Principal = { AWS = ["arn:aws:iam::111122223333:root", "*"] }');
    assert.equal(run('BW-AWS-S3-004', aws).length, 1);
  });

  it('treats a policy as neutralised when restrict_public_buckets is in force, even account-wide', () => {
    const account = `resource "aws_s3_account_public_access_block" "acct" {
  restrict_public_buckets = true
}
`;
    assert.deepEqual(run('BW-AWS-S3-004', account + publicPolicy('')), []);
  });

  it('reads heredoc JSON policies on the bucket itself and flags NotPrincipal allows', () => {
    const hcl = `resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" },
    "Action": "s3:*",
    "Resource": "arn:aws:s3:::acme-b/*"
  }]
}
POLICY
}
`;
    const findings = run('BW-AWS-S3-004', hcl);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.location.range.start.line, 3);
  });

  it('flags an inline grant to AllUsers at the grant block', () => {
    const hcl = `resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
    permissions = ["READ"]
  }
}
`;
    const findings = run('BW-AWS-S3-003', hcl);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.location.range.start.line, 4);
    assert.match(findings[0]!.message, /AllUsers/);
  });

  it('lets ignore_public_acls neutralise an ACL resource, also for a bucket managed elsewhere', () => {
    const acl = (bucketRef: string) => `resource "aws_s3_bucket_acl" "x" {
  bucket = ${bucketRef}
  acl    = "public-read"
}
`;
    const block = (bucketRef: string, ignore: boolean) => `resource "aws_s3_bucket_public_access_block" "x" {
  bucket             = ${bucketRef}
  ignore_public_acls = ${ignore}
}
`;
    assert.deepEqual(run('BW-AWS-S3-003', bucket + acl('aws_s3_bucket.b.id') + block('aws_s3_bucket.b.id', true)), []);
    assert.equal(run('BW-AWS-S3-003', bucket + acl('aws_s3_bucket.b.id') + block('aws_s3_bucket.b.id', false)).length, 1);
    assert.deepEqual(run('BW-AWS-S3-003', acl('"external-bucket"') + block('"external-bucket"', true)), []);
    const external = run('BW-AWS-S3-003', acl('"external-bucket"') + block('"another-bucket"', true));
    assert.equal(external.length, 1);
    assert.equal(external[0]!.resource, 'aws_s3_bucket_acl.x');
    assert.equal(external[0]!.location.range.start.line, 3);
  });

  it('points the flag rules at the offending attribute, and at the block when the flag is missing', () => {
    const hcl = `${bucket}
resource "aws_s3_bucket_public_access_block" "b" {
  bucket            = aws_s3_bucket.b.id
  block_public_acls = false
}
`;
    const acls = run('BW-AWS-S3-006', hcl);
    assert.equal(acls.length, 1);
    assert.equal(acls[0]!.location.range.start.line, 7);
    const policy = run('BW-AWS-S3-007', hcl);
    assert.equal(policy.length, 1);
    assert.equal(policy[0]!.location.range.start.line, 5);
    assert.match(policy[0]!.message, /block_public_policy unset/);
  });
});

describe('customer managed key exemptions', () => {
  const sse = (name: string, algorithm: string, key = '') => `resource "aws_s3_bucket_server_side_encryption_configuration" "${name}" {
  bucket = aws_s3_bucket.${name}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "${algorithm}"${key ? `\n      kms_master_key_id = "${key}"` : ''}
    }
  }
}
`;

  it('does not ask for a customer key on a load balancer log bucket (ELB delivers only to SSE-S3)', () => {
    const hcl = `resource "aws_s3_bucket" "lb_logs" {
  bucket = "acme-lb-logs"
}
${sse('lb_logs', 'AES256')}
resource "aws_lb" "web" {
  name = "web"
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}
`;
    assert.deepEqual(run('BW-AWS-S3-011', hcl), []);
  });

  it('flags the AWS managed alias and accepts a customer key alias', () => {
    const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "acme-${name}"\n}\n`;
    assert.equal(run('BW-AWS-S3-011', bucket('a') + sse('a', 'aws:kms', 'alias/aws/s3')).length, 1);
    assert.deepEqual(run('BW-AWS-S3-011', bucket('a') + sse('a', 'aws:kms', 'alias/acme-data')), []);
  });
});

describe('object-level logging', () => {
  const bucket = 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-b"\n}\n';
  const trail = (body: string) => `${bucket}
resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "acme-trail"
${body}
}
`;

  it('reads advanced selectors restricted to read-only events as covering reads only', () => {
    const hcl = trail(`  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["true"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["arn:aws:s3:::acme-b/"]
    }
  }`);
    assert.deepEqual(run('BW-AWS-S3-014', hcl), []);
    assert.equal(run('BW-AWS-S3-013', hcl).length, 1);
  });

  it('does not count a trail whose logging is switched off', () => {
    const hcl = trail(`  enable_logging = false
  event_selector {
    read_write_type = "All"
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::"]
    }
  }`);
    assert.equal(run('BW-AWS-S3-013', hcl).length, 1);
    assert.equal(run('BW-AWS-S3-014', hcl.replace('enable_logging = false', 'enable_logging = true')).length, 0);
  });
});
