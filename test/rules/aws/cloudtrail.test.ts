// Behaviour of the CloudTrail rules beyond their own examples: unknowns, locations, how the
// trail's bucket is found, and public-access neutralisers on that bucket.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runRuleOnTerraform } from '../../../src/scanners/rule-tester.js';
import { cloudtrailRules } from '../../../src/analyze/rules/aws/cloudtrail/index.js';
import type { Rule } from '../../../src/analyze/rule.js';

function rule(id: string): Rule {
  const found = cloudtrailRules.find((r) => r.meta.id === id);
  assert.ok(found, `rule ${id} is registered`);
  return found;
}

const run = (id: string, hcl: string) => runRuleOnTerraform(rule(id), { 'main.tf': hcl });

describe('trail settings', () => {
  it('points at the attribute that is false, and at the trail when it is missing', () => {
    const hcl = `resource "aws_cloudtrail" "t" {
  name                  = "t"
  s3_bucket_name        = "acme-trail"
  is_multi_region_trail = false
}
`;
    const regions = run('BW-AWS-CLOUDTRAIL-001', hcl);
    assert.equal(regions.length, 1);
    assert.equal(regions[0]!.location.range.start.line, 4);
    assert.match(regions[0]!.message, /is_multi_region_trail = false/);
    const validation = run('BW-AWS-CLOUDTRAIL-002', hcl);
    assert.equal(validation.length, 1);
    assert.equal(validation[0]!.location.range.start.line, 1);
  });

  it('treats values from variables without defaults as unknown, not as violations', () => {
    const hcl = `variable "multi" {
  type = bool
}
variable "key" {
  type = string
}
resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "acme-trail"
  is_multi_region_trail      = var.multi
  enable_log_file_validation = var.multi
  kms_key_id                 = var.key
  enable_logging             = var.multi
}
`;
    for (const id of ['BW-AWS-CLOUDTRAIL-001', 'BW-AWS-CLOUDTRAIL-002', 'BW-AWS-CLOUDTRAIL-003', 'BW-AWS-CLOUDTRAIL-007']) {
      assert.deepEqual(run(id, hcl), [], id);
    }
  });

  it('resolves variables with known values', () => {
    const hcl = `variable "multi" {
  type    = bool
  default = false
}
resource "aws_cloudtrail" "t" {
  name                  = "t"
  s3_bucket_name        = "acme-trail"
  is_multi_region_trail = var.multi
}
`;
    assert.equal(run('BW-AWS-CLOUDTRAIL-001', hcl).length, 1);
  });

  it('reports every instance of a counted trail', () => {
    const hcl = `resource "aws_cloudtrail" "t" {
  count          = 2
  name           = "t-\${count.index}"
  s3_bucket_name = "acme-trail"
}
`;
    assert.deepEqual(run('BW-AWS-CLOUDTRAIL-003', hcl).map((f) => f.resource).sort(), ['aws_cloudtrail.t[0]', 'aws_cloudtrail.t[1]']);
  });
});

describe("the trail's log bucket", () => {
  const trail = (bucketRef: string) => `resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = ${bucketRef}
}
`;
  const publicBucket = `resource "aws_s3_bucket" "logs" {
  bucket = "acme-trail"
  acl    = "public-read"
}
`;

  it('finds the bucket by reference or by literal name, and points at s3_bucket_name', () => {
    for (const ref of ['aws_s3_bucket.logs.id', '"acme-trail"']) {
      const findings = run('BW-AWS-CLOUDTRAIL-005', trail(ref) + publicBucket);
      assert.equal(findings.length, 1, ref);
      assert.equal(findings[0]!.location.range.start.line, 3);
      assert.match(findings[0]!.message, /public-read/);
    }
  });

  it('does not call the bucket public when S3 ignores its public ACL', () => {
    const hcl = `${trail('aws_s3_bucket.logs.id')}${publicBucket}
resource "aws_s3_bucket_public_access_block" "logs" {
  bucket             = aws_s3_bucket.logs.id
  ignore_public_acls = true
}
`;
    assert.deepEqual(run('BW-AWS-CLOUDTRAIL-005', hcl), []);
  });

  it('says nothing about a bucket declared elsewhere', () => {
    assert.deepEqual(run('BW-AWS-CLOUDTRAIL-005', trail('"bucket-from-another-stack"')), []);
    assert.deepEqual(run('BW-AWS-CLOUDTRAIL-006', trail('"bucket-from-another-stack"')), []);
  });

  it('accepts a bucket whose access logging is configured by a split resource', () => {
    const hcl = `${trail('aws_s3_bucket.logs.id')}
resource "aws_s3_bucket" "logs" {
  bucket = "acme-trail"
}
resource "aws_s3_bucket_logging" "logs" {
  bucket        = aws_s3_bucket.logs.bucket
  target_bucket = "acme-access-logs"
  target_prefix = "trail/"
}
`;
    assert.deepEqual(run('BW-AWS-CLOUDTRAIL-006', hcl), []);
  });
});
