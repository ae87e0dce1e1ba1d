variable "buckets" {
  type = map(object({ versioning = bool, kms_key_id = optional(string) }))
  default = {
    logs = { versioning = true }
    data = { versioning = false, kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/x" }
  }
}

locals {
  prefix = "acme-${terraform.workspace}"
  names  = [for k, v in var.buckets : "${local.prefix}-${k}" if v.versioning]
}

module "storage" {
  source   = "./modules/a"
  for_each = var.buckets
  name     = "${local.prefix}-${each.key}"
  settings = each.value
}

resource "aws_s3_bucket" "this" {
  count  = length(local.names)
  bucket = local.names[count.index]
}

resource "aws_security_group" "web" {
  name = "web"
  dynamic "ingress" {
    for_each = toset([22, 80, 443])
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ingress.value == 22 ? ["10.0.0.0/8"] : ["0.0.0.0/0"]
    }
  }
}

output "arns" {
  value = aws_s3_bucket.this[*].arn
}
