// Generates a large, realistic Terraform tree for benchmarks: many root modules ("environments"),
// each with variables, tfvars, locals, and files of S3, networking, compute, IAM, RDS, SQS and KMS
// resources in both inline and provider-v4 split styles, plus calls to shared local modules.
// Deterministic: the same arguments give byte-identical trees.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './random.js';

export interface TreeSpec {
  dir: string;
  /** Total files to write (approximate: rounded to whole environments). */
  files: number;
  /** Files per environment (root module). */
  filesPerEnv?: number;
}

export interface TreeStats {
  files: number;
  bytes: number;
  environments: number;
}


const MODULES: Record<string, string> = {
  'modules/bucket/main.tf': `variable "name" {
  type = string
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "versioned" {
  type    = bool
  default = true
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags = {
    Name = var.name
  }
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioned ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

output "arn" {
  value = aws_s3_bucket.this.arn
}
`,
  'modules/network/main.tf': `variable "cidr" {
  type = string
}

variable "azs" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  count                   = length(var.azs)
  vpc_id                  = aws_vpc.this.id
  availability_zone       = var.azs[count.index]
  cidr_block              = cidrsubnet(var.cidr, 8, count.index)
  map_public_ip_on_launch = false
}

resource "aws_flow_log" "this" {
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:us-east-1:123456789012:log-group:flow"
}

output "vpc_id" {
  value = aws_vpc.this.id
}
`,
};

function envFiles(env: number, count: number, random: () => number): Record<string, string> {
  const name = `env-${String(env).padStart(4, '0')}`;
  const files: Record<string, string> = {
    'variables.tf': `variable "environment" {
  type        = string
  description = "Deployment environment"
  default     = "${name}"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "allowed_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

variable "enable_monitoring" {
  type    = bool
  default = true
}

variable "db_password" {
  type      = string
  sensitive = true
}
`,
    'terraform.tfvars': `environment       = "${name}"
region            = "us-east-1"
allowed_cidrs     = ["10.${env % 250}.0.0/16", "172.16.0.0/12"]
enable_monitoring = ${random() < 0.8}
`,
    'locals.tf': `locals {
  prefix = "\${var.environment}-\${var.region}"
  common_tags = {
    Environment = var.environment
    Owner       = "platform-team"
    CostCenter  = "cc-${1000 + (env % 97)}"
  }
  ports = {
    https = 443
    app   = 8080
  }
}
`,
    'modules.tf': `module "artifacts" {
  source    = "../../modules/bucket"
  name      = "\${local.prefix}-artifacts"
  versioned = true
}

module "network" {
  source = "../../modules/network"
  cidr   = "10.${env % 250}.0.0/16"
}
`,
  };
  const kinds = [s3File, networkFile, computeFile, iamFile, rdsFile, queueFile];
  for (let i = 0; Object.keys(files).length < count; i++) {
    const kind = kinds[i % kinds.length]!;
    // Several workloads per file keeps files at a realistic few kilobytes.
    const workloads = [0, 1, 2, 3].map((k) => kind(i * 4 + k, random));
    files[`${kind.name.replace('File', '')}_${String(i).padStart(3, '0')}.tf`] = workloads.join('\n');
  }
  return files;
}

function s3File(i: number, random: () => number): string {
  const inline = random() < 0.3;
  const encrypted = random() < 0.85;
  return `# Storage for workload ${i}
resource "aws_s3_bucket" "data_${i}" {
  bucket = "\${local.prefix}-data-${i}"
  tags   = merge(local.common_tags, { Name = "data-${i}" })
${
  inline && encrypted
    ? `
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.data_${i}.arn
      }
    }
  }
`
    : ''
}}

resource "aws_kms_key" "data_${i}" {
  description             = "Key for data-${i}"
  deletion_window_in_days = 10
  enable_key_rotation     = ${random() < 0.9}
}
${
  !inline && encrypted
    ? `
resource "aws_s3_bucket_server_side_encryption_configuration" "data_${i}" {
  bucket = aws_s3_bucket.data_${i}.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data_${i}.arn
    }
  }
}
`
    : ''
}
resource "aws_s3_bucket_versioning" "data_${i}" {
  bucket = aws_s3_bucket.data_${i}.id
  versioning_configuration {
    status = "${random() < 0.8 ? 'Enabled' : 'Suspended'}"
  }
}

resource "aws_s3_bucket_public_access_block" "data_${i}" {
  bucket                  = aws_s3_bucket.data_${i}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = ${random() < 0.9}
}

resource "aws_s3_bucket_logging" "data_${i}" {
  bucket        = aws_s3_bucket.data_${i}.id
  target_bucket = module.artifacts.arn
  target_prefix = "logs/data-${i}/"
}

data "aws_iam_policy_document" "data_${i}_tls" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.data_${i}.arn,
      "\${aws_s3_bucket.data_${i}.arn}/*",
    ]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "data_${i}" {
  bucket = aws_s3_bucket.data_${i}.id
  policy = data.aws_iam_policy_document.data_${i}_tls.json
}
`;
}

function networkFile(i: number, random: () => number): string {
  const open = random() < 0.1;
  return `resource "aws_security_group" "svc_${i}" {
  name        = "\${local.prefix}-svc-${i}"
  description = "Service ${i} traffic"
  vpc_id      = module.network.vpc_id

  dynamic "ingress" {
    for_each = local.ports
    content {
      description = "\${ingress.key} from internal networks"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = var.allowed_cidrs
    }
  }

  egress {
    description = "HTTPS to internal endpoints"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  tags = local.common_tags
}

resource "aws_security_group_rule" "svc_${i}_admin" {
  type              = "ingress"
  description       = "Admin access"
  security_group_id = aws_security_group.svc_${i}.id
  from_port         = ${open ? 22 : 8443}
  to_port           = ${open ? 22 : 8443}
  protocol          = "tcp"
  cidr_blocks       = [${open ? '"0.0.0.0/0"' : '"10.20.0.0/16"'}]
}

resource "aws_vpc_security_group_ingress_rule" "svc_${i}_lb" {
  security_group_id = aws_security_group.svc_${i}.id
  description       = "From the load balancer"
  cidr_ipv4         = "10.${i % 250}.1.0/24"
  from_port         = 8080
  to_port           = 8080
  ip_protocol       = "tcp"
}

resource "aws_network_acl_rule" "svc_${i}" {
  network_acl_id = "acl-0123456789abcdef${i % 10}"
  rule_number    = ${100 + i}
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "10.0.0.0/8"
  from_port      = 443
  to_port        = 443
}
`;
}

function computeFile(i: number, random: () => number): string {
  const count = 1 + Math.floor(random() * 3);
  return `resource "aws_instance" "app_${i}" {
  count                  = ${count}
  ami                    = "ami-0c55b159cbfafe1f${i % 10}"
  instance_type          = ${random() < 0.5 ? '"t3.medium"' : '"m5.large"'}
  monitoring             = var.enable_monitoring
  vpc_security_group_ids = [aws_security_group.svc_4.id]
  iam_instance_profile   = "app-profile"
  user_data              = <<-EOT
    #!/bin/bash
    echo "starting app ${i} in \${var.environment}"
    systemctl enable --now app.service
  EOT

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "${random() < 0.85 ? 'required' : 'optional'}"
  }

  root_block_device {
    volume_size = 50
    volume_type = "gp3"
    encrypted   = ${random() < 0.9}
  }

  tags = merge(local.common_tags, { Name = "app-${i}-\${count.index}" })
}

resource "aws_ebs_volume" "app_${i}_data" {
  availability_zone = "us-east-1a"
  size              = 200
  encrypted         = true
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  tags              = local.common_tags
}

resource "aws_launch_template" "app_${i}" {
  name_prefix   = "app-${i}-"
  image_id      = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.medium"

  metadata_options {
    http_tokens = "required"
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      encrypted   = true
    }
  }
}
`;
}

function iamFile(i: number, random: () => number): string {
  const admin = random() < 0.05;
  return `data "aws_iam_policy_document" "assume_${i}" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "app_${i}" {
  name               = "\${local.prefix}-app-${i}"
  assume_role_policy = data.aws_iam_policy_document.assume_${i}.json
  tags               = local.common_tags
}

resource "aws_iam_policy" "app_${i}" {
  name        = "\${local.prefix}-app-${i}"
  description = "Least-privilege access for app ${i}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadData"
        Effect   = "Allow"
        Action   = ${admin ? '"*"' : '["s3:GetObject", "s3:ListBucket"]'}
        Resource = ${admin ? '"*"' : `["arn:aws:s3:::\${local.prefix}-data-${i}", "arn:aws:s3:::\${local.prefix}-data-${i}/*"]`}
      },
      {
        Sid      = "Queue"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"]
        Resource = "arn:aws:sqs:us-east-1:123456789012:\${local.prefix}-jobs-${i}"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "app_${i}" {
  role       = aws_iam_role.app_${i}.name
  policy_arn = aws_iam_policy.app_${i}.arn
}
`;
}

function rdsFile(i: number, random: () => number): string {
  return `resource "aws_db_subnet_group" "db_${i}" {
  name       = "\${local.prefix}-db-${i}"
  subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_db_instance" "db_${i}" {
  identifier                      = "\${local.prefix}-db-${i}"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.t4g.medium"
  allocated_storage               = 100
  username                        = "app"
  password                        = var.db_password
  db_subnet_group_name            = aws_db_subnet_group.db_${i}.name
  storage_encrypted               = ${random() < 0.9}
  kms_key_id                      = "arn:aws:kms:us-east-1:123456789012:key/db-${i}"
  backup_retention_period         = ${random() < 0.85 ? 14 : 0}
  publicly_accessible             = false
  iam_database_authentication_enabled = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/pi-${i}"
  deletion_protection             = true
  skip_final_snapshot             = false
  tags                            = local.common_tags
}
`;
}

function queueFile(i: number, random: () => number): string {
  return `resource "aws_sqs_queue" "jobs_${i}_dlq" {
  name                      = "\${local.prefix}-jobs-${i}-dlq"
  message_retention_seconds = 1209600
  kms_master_key_id         = "alias/sqs-${i}"
}

resource "aws_sqs_queue" "jobs_${i}" {
  name                       = "\${local.prefix}-jobs-${i}"
  visibility_timeout_seconds = 60
  ${random() < 0.9 ? `kms_master_key_id          = "alias/sqs-${i}"` : 'sqs_managed_sse_enabled    = false'}
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_${i}_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_cloudwatch_metric_alarm" "jobs_${i}_dlq" {
  alarm_name          = "\${local.prefix}-jobs-${i}-dlq-not-empty"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  metric_name         = "ApproximateNumberOfMessagesVisible"
  namespace           = "AWS/SQS"
  period              = 300
  statistic           = "Maximum"
  threshold           = 0
  dimensions = {
    QueueName = aws_sqs_queue.jobs_${i}_dlq.name
  }
}
`;
}

export function generateTree(spec: TreeSpec): TreeStats {
  const perEnv = spec.filesPerEnv ?? 40;
  rmSync(spec.dir, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const abs = join(spec.dir, rel);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  for (const [rel, text] of Object.entries(MODULES)) write(rel, text);
  const random = seededRandom(0xb01a4c);
  const environments = Math.ceil((spec.files - files) / perEnv);
  for (let env = 0; env < environments; env++) {
    for (const [rel, text] of Object.entries(envFiles(env, perEnv, random))) write(`envs/env-${String(env).padStart(4, '0')}/${rel}`, text);
  }
  return { files, bytes, environments };
}
