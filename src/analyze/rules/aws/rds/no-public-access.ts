import { defineRule } from '../../../rule.js';
import { fixSetting } from '../../../fix-helpers.js';
import { attr, isTrue } from '../../../../evaluate/terraform/view.js';
import { kindOf } from './rds-facts.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-RDS-003',
    title: 'RDS instances are not publicly accessible',
    problem: 'RDS instance publicly accessible',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-668', 'CWE-284'],
    compliance: [
      { framework: 'CIS-AWS', control: '2.3.3' },
      { framework: 'PCI-DSS', control: '1.4.4' },
      { framework: 'SOC2', control: 'CC6.6' },
      { framework: 'HIPAA', control: '164.312(a)(1)' },
      { framework: 'ISO27001', control: 'A.8.20' },
      { framework: 'NIST-800-53', control: 'SC-7' },
      { framework: 'GDPR', control: 'Art. 32' },
    ],
    description:
      '`publicly_accessible = true` gives the database a public DNS name and IP address. Only security groups then stand ' +
      'between the internet and the database login, inviting credential stuffing, exploitation of engine vulnerabilities and data theft.',
    remediation:
      'Set `publicly_accessible = false`, place the database in private subnets, and reach it through the application tier, ' +
      'a bastion, SSM port forwarding or a VPN.',
    provider: 'aws',
    service: 'rds',
    peers: { checkov: ['CKV_AWS_17'], trivy: ['AVD-AWS-0180'], kics: ['35113e6f-2c6b-414d-beec-7a9482d3b2d1'] },
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html'],
  },
  terraform: {
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance'],
    check(resource, ctx) {
      const pub = attr(resource.body, 'publicly_accessible');
      if (!pub || !isTrue(pub.value)) return;
      ctx.report({ at: pub, message: `${kindOf(resource)} ${resource.address} sets \`publicly_accessible = true\`, exposing the database endpoint to the internet.` });
    },
  },
  fix: { terraform: fixSetting('publicly_accessible', 'false', { askWhenWritten: 'who connects to this database from outside the VPC? If nobody, set publicly_accessible = false' }) },
  examples: {
    terraform: {
      good: [
        `resource "aws_db_instance" "app" {
  identifier          = "app"
  engine              = "postgres"
  instance_class      = "db.t4g.small"
  allocated_storage   = 20
  username            = "app"
  manage_master_user_password = true
  publicly_accessible = false
}
`,
        `variable "public" {
  type = bool
}

resource "aws_rds_cluster_instance" "member" {
  cluster_identifier  = "app"
  instance_class      = "db.r6g.large"
  engine              = "aurora-postgresql"
  publicly_accessible = var.public
}
`,
      ],
      bad: [
        {
          code: `resource "aws_db_instance" "app" {
  identifier          = "app"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  manage_master_user_password = true
  publicly_accessible = true
}
`,
          errors: [{ line: 8 }],
          output: `# NEEDS YOUR INPUT: who connects to this database from outside the VPC? If nobody, set publicly_accessible = false
resource "aws_db_instance" "app" {
  identifier          = "app"
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "admin"
  manage_master_user_password = true
  publicly_accessible = true
}
`,
        },
        {
          code: `resource "aws_rds_cluster_instance" "member" {
  count               = 2
  identifier          = "app-\${count.index}"
  cluster_identifier  = "app"
  instance_class      = "db.r6g.large"
  engine              = "aurora-mysql"
  publicly_accessible = true
}
`,
          errors: [{ line: 7 }, { line: 7 }],
          output: `# NEEDS YOUR INPUT: who connects to this database from outside the VPC? If nobody, set publicly_accessible = false
resource "aws_rds_cluster_instance" "member" {
  count               = 2
  identifier          = "app-\${count.index}"
  cluster_identifier  = "app"
  instance_class      = "db.r6g.large"
  engine              = "aurora-mysql"
  publicly_accessible = true
}
`,
        },
      ],
    },
  },
});
