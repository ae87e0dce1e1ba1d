// Terraform accuracy: cases met on real configurations, each read the way Terraform reads it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { runRulesOnFiles } from '../../src/scanners/rule-tester.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';

const scanText = (text: string, files: Record<string, string> = {}) => runRulesOnFiles(builtinRules, { 'main.tf': text, ...files });
const ids = (text: string) => scanText(text).map((f) => `${f.ruleId} ${f.resource ?? ''}`.trim());

describe('policies in heredocs with interpolations are read like jsonencode', () => {
  it('an SQS queue policy open to everyone, with the queue ARN interpolated', () => {
    const found = ids(`resource "aws_sqs_queue" "q" {
  name                    = "q"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue_policy" "p" {
  queue_url = aws_sqs_queue.q.id
  policy    = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": "sqs:*",
    "Resource": "\${aws_sqs_queue.q.arn}"
  }]
}
POLICY
}
`);
    assert.ok(found.includes('BW-AWS-SQS-004 aws_sqs_queue_policy.p'), found.join('\n'));
    assert.ok(found.includes('BW-AWS-SQS-003 aws_sqs_queue_policy.p'), found.join('\n'));
  });

  it('an IAM policy allowing * on * next to a statement with a bucket ARN interpolated', () => {
    const found = ids(`resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        { "Effect": "Allow", "Action": "*", "Resource": "*" },
        { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "\${aws_s3_bucket.b.arn}/*" }
      ]
    }
  EOT
}
`);
    assert.ok(found.includes('BW-AWS-IAM-001 aws_iam_policy.admin'), found.join('\n'));
  });

  it('an unknown part standing for structure (not a string) leaves the policy unread, not a guess', () => {
    const found = ids(`variable "statements" {
  type = string
}

resource "aws_iam_policy" "p" {
  name   = "p"
  policy = <<EOT
{ "Version": "2012-10-17", "Statement": \${var.statements} }
EOT
}
`);
    assert.deepEqual(found.filter((f) => f.startsWith('BW-AWS-IAM')), []);
  });
});

describe('heredoc closing markers', () => {
  it('a closing marker followed by spaces closes the heredoc, as in HashiCorp HCL', () => {
    const file = parseHcl('resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Statement": []}\nEOF   \n}\n', 'main.tf');
    assert.deepEqual(file.errors, []);
    assert.deepEqual(scanText('resource "aws_iam_policy" "p" {\n  name = "p"\n  policy = <<-EOF\n    {"Statement": []}\n    EOF\t\n}\n').filter((f) => f.ruleId === 'BW-PARSE-001'), []);
  });
});

describe('settings resources whose bucket cannot be resolved', () => {
  const config = `variable "n" {
  type = string
}

variable "other" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = var.n
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = var.n
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "mystery" {
  bucket = var.other
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
`;

  it('make only the buckets they could be uncertain; the same expression is a match', () => {
    const versioning = ids(config).filter((f) => f.startsWith('BW-AWS-S3-002'));
    assert.deepEqual(versioning, ['BW-AWS-S3-002 aws_s3_bucket.logs']);
  });

  it('a bucket whose own name is unknown stays uncertain while an unresolved settings resource could be its', () => {
    const versioning = ids(`${config}
resource "aws_s3_bucket" "computed" {
  bucket_prefix = "tmp-"
}
`).filter((f) => f.startsWith('BW-AWS-S3-002'));
    assert.deepEqual(versioning, ['BW-AWS-S3-002 aws_s3_bucket.logs']);
  });

  it('for_each over the buckets themselves ties each settings instance to its bucket', () => {
    const found = ids(`resource "aws_s3_bucket" "data" {
  for_each = toset(["raw", "clean"])
  bucket   = "acme-\${each.key}"
}

resource "aws_s3_bucket_public_access_block" "data" {
  for_each                = aws_s3_bucket.data
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`);
    assert.deepEqual(found.filter((f) => f.startsWith('BW-AWS-S3-005')), []);
  });
});

describe('aws_rds_cluster without engine', () => {
  it('is Aurora MySQL (the provider v4 default) and judged by the IAM authentication rule', () => {
    const found = ids(`resource "aws_rds_cluster" "reports" {
  cluster_identifier          = "reports"
  master_username             = "reports"
  manage_master_user_password = true
  storage_encrypted           = true
}
`);
    assert.ok(found.includes('BW-AWS-RDS-008 aws_rds_cluster.reports'), found.join('\n'));
  });
});

describe('network ACL rule order', () => {
  const acl = (denyNumber: number) => `resource "aws_network_acl" "private" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_network_acl_rule" "deny_all" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = ${denyNumber}
  egress         = false
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "ssh" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 22
  to_port        = 22
  cidr_block     = "0.0.0.0/0"
}
`;

  it('a deny at a lower number wins over a later allow', () => {
    assert.deepEqual(ids(acl(50)).filter((f) => f.startsWith('BW-AWS-VPC-006')), []);
  });

  it('a deny at a higher number does not', () => {
    assert.deepEqual(ids(acl(150)).filter((f) => f.startsWith('BW-AWS-VPC-006')), ['BW-AWS-VPC-006 aws_network_acl_rule.ssh']);
  });

  it('inline entries: a lower deny of SSH leaves only RDP of an allow-everything entry', () => {
    const found = scanText(`resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 200
    action     = "allow"
    protocol   = "tcp"
    from_port  = 0
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
}
`);
    assert.deepEqual(found.filter((f) => f.ruleId === 'BW-AWS-VPC-005'), []);
    const admin = found.filter((f) => f.ruleId === 'BW-AWS-VPC-006');
    assert.equal(admin.length, 1);
    assert.match(admin[0]!.message, /3389 \(RDP\)/);
    assert.doesNotMatch(admin[0]!.message, /22 \(SSH\)/);
  });
});

describe('ports', () => {
  it('tcp with from_port = -1 and to_port = -1 is every port', () => {
    const found = scanText(`resource "aws_security_group" "web" {
  name        = "web"
  description = "web"

  ingress {
    description = "all"
    from_port   = -1
    to_port     = -1
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`);
    const open = found.find((f) => f.ruleId === 'BW-AWS-VPC-001');
    assert.ok(open);
    assert.match(open.message, /TCP ports 0-65535/);
  });
});

describe('sensitive variables', () => {
  const config = `variable "bucket_names" {
  type      = set(string)
  sensitive = true
  default   = ["acme-secret-payroll"]
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "Sup3rS3cretPassw0rd"
}

resource "aws_s3_bucket" "y" {
  for_each = var.bucket_names
  bucket   = each.key
}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\\nexport DB_PASSWORD=\${var.db_password}\\n"
}
`;

  it('never print their values, in messages or instance keys', () => {
    const text = JSON.stringify(scanText(config));
    assert.ok(!text.includes('payroll'), 'instance key not printed');
    assert.ok(!text.includes('Sup3r') && !text.includes('w0rd'), 'no part of the password printed');
    assert.match(text, /DB_PASSWORD \(sensitive\)/);
  });
});

describe('credentials written in Terraform', () => {
  it('a literal AKIA key in a Lambda environment', () => {
    const found = scanText(`resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = "arn:aws:iam::123456789012:role/f"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "f.zip"
  environment {
    variables = {
      UPLOAD_KEY = "AKIAIOSFODNN7EXAMPLE"
    }
  }
}
`);
    const f = found.find((x) => x.ruleId === 'BW-AWS-LAMBDA-001');
    assert.ok(f);
    assert.match(f.message, /AKIA\*\*\*\*[^A-Z0-9]/);
    assert.ok(!f.message.includes('AKIAIOSFODNN7EXAMPLE'));
  });

  it('access_key and secret_key in a provider "aws" block', () => {
    const found = scanText('provider "aws" {\n  region     = "us-east-1"\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n}\n');
    assert.deepEqual(found.filter((f) => f.ruleId === 'BW-AWS-IAM-016').map((f) => f.location.range.start.line), [3, 4]);
  });

  it('a password in user data taken from a variable with a literal default', () => {
    const found = scanText(`variable "db_password" {
  type    = string
  default = "Sup3rS3cretPassw0rd"
}

resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = "#!/bin/bash\\nmysql -u app -p\${var.db_password} < /opt/schema.sql\\n"
}
`);
    const f = found.find((x) => x.ruleId === 'BW-TF-VAR-001');
    assert.ok(f, found.map((x) => x.ruleId).join(' '));
    assert.equal(f.location.range.start.line, 3);
  });
});
