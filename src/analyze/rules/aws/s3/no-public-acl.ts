import { defineRule } from '../../../rule.js';
import { askFix } from '../../../fix-helpers.js';
import { PUBLIC_BUCKET_COMPLIANCE } from './compliance.js';
import { publicAclExposures, publicAclExposuresOfAclResource } from './public-access.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-S3-003',
    title: 'S3 bucket ACL does not grant access to everyone',
    problem: 'S3 bucket ACL grants access to everyone',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-732'],
    compliance: [...PUBLIC_BUCKET_COMPLIANCE],
    description:
      'The canned ACLs `public-read`, `public-read-write` and `authenticated-read`, and grants to the AllUsers or ' +
      'AuthenticatedUsers groups, open the bucket to anyone on the internet (AuthenticatedUsers means any AWS ' +
      'account, not yours). Objects can then be listed and downloaded, and with write access replaced or deleted. ' +
      'An ACL that S3 ignores because `ignore_public_acls` is in force is not reported.',
    remediation:
      'Remove the public ACL (use `acl = "private"` or no ACL at all, and prefer ' +
      '`aws_s3_bucket_ownership_controls` with `object_ownership = "BucketOwnerEnforced"` to disable ACLs). Serve ' +
      'public content through CloudFront with origin access control instead of a public bucket.',
    provider: 'aws',
    service: 's3',
    peers: {
      checkov: ['CKV_AWS_20', 'CKV_AWS_57'],
      trivy: ['AVD-AWS-0092'],
      kics: ['38c5ee0d-7f22-4260-ab72-5073048df100'],
    },
    links: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_acl',
    ],
  },
  terraform: {
    resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_acl'],
    check(resource, ctx) {
      // Each ACL is reported where it is written: on the bucket for inline ACLs, on the ACL resource otherwise.
      const exposures =
        resource.type === 'aws_s3_bucket'
          ? publicAclExposures(resource, ctx).filter((e) => e.resource === resource)
          : publicAclExposuresOfAclResource(resource, ctx);
      for (const e of exposures) {
        ctx.report({ at: e.at, message: `${resource.address} makes the bucket public through ${e.reason}.` });
      }
    },
  },
  fix: { terraform: askFix('is this bucket public on purpose (a website)? If not, make its ACL private') },
  examples: {
    terraform: {
      good: [
        `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "private"
}
`,
        `resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"
  acl    = "log-delivery-write"
}
`,
        `resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy-site"
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "legacy" {
  bucket                  = aws_s3_bucket.legacy.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}
`,
      ],
      bad: [
        {
          code: `resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
  acl    = "public-read"
}
`,
          errors: [{ line: 3 }],
          output: `# NEEDS YOUR INPUT: is this bucket public on purpose (a website)? If not, make its ACL private
resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
  acl    = "public-read"
}
`,
        },
        {
          code: `resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"
}

resource "aws_s3_bucket_acl" "shared" {
  bucket = aws_s3_bucket.shared.id
  acl    = "authenticated-read"
}
`,
          errors: [{ line: 7 }],
          output: `resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"
}

# NEEDS YOUR INPUT: is this bucket public on purpose (a website)? If not, make its ACL private
resource "aws_s3_bucket_acl" "shared" {
  bucket = aws_s3_bucket.shared.id
  acl    = "authenticated-read"
}
`,
        },
        {
          code: `data "aws_canonical_user_id" "current" {}

resource "aws_s3_bucket" "drop" {
  bucket = "acme-drop"
}

resource "aws_s3_bucket_acl" "drop" {
  bucket = aws_s3_bucket.drop.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "WRITE"
    }
    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}
`,
          errors: [{ line: 11 }],
          output: `data "aws_canonical_user_id" "current" {}

resource "aws_s3_bucket" "drop" {
  bucket = "acme-drop"
}

resource "aws_s3_bucket_acl" "drop" {
  bucket = aws_s3_bucket.drop.id
  access_control_policy {
    grant {
      # NEEDS YOUR INPUT: is this bucket public on purpose (a website)? If not, make its ACL private
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "WRITE"
    }
    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}
`,
        },
      ],
    },
  },
});
