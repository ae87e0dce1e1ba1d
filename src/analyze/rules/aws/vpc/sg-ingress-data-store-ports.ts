import { defineRule } from '../../../rule.js';
import { fixInternetIngress } from './ingress-fix.js';
import { DATA_STORE_PORTS } from '../../../../state/aws/network.js';
import { reportInternetIngressTo } from './sg-exposure.js';

export default defineRule({
  meta: {
    id: 'BW-AWS-VPC-003',
    title: 'Security groups do not allow ingress from the internet to database ports',
    problem: 'Database port open to the internet',
    severity: 'high',
    stride: 'information-disclosure',
    risk: 'exposure',
    cwe: ['CWE-668', 'CWE-284'],
    compliance: [
      { framework: 'PCI-DSS', control: '1.3.1' },
      { framework: 'PCI-DSS', control: '1.4.4' },
      { framework: 'SOC2', control: 'CC6.6' },
      { framework: 'NIST-800-53', control: 'SC-7' },
      { framework: 'ISO27001', control: 'A.8.20' },
      { framework: 'GDPR', control: 'Art. 32' },
    ],
    description:
      'Database and data-store ports (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, MongoDB 27017, Redis 6379, ' +
      'Elasticsearch 9200, Kibana 5601, Memcached 11211, and others) reachable from 0.0.0.0/0 or ::/0 are a leading cause of data ' +
      'breaches: attackers scan for them continuously, and many stores ship with weak or no authentication. ' +
      'Port ranges that include these ports count. (Rules open on every port are reported by BW-AWS-VPC-001 instead.)',
    remediation:
      'Allow the database port only from the application tier (reference its security group) or from private CIDRs; ' +
      'reach it from outside through a VPN or bastion.',
    provider: 'aws',
    service: 'vpc',
    peers: { checkov: [], trivy: [], kics: ['381c3f2a-ef6f-4eff-99f7-b169cda3422c'] },
    uses: ['allowedIngressCidrs'],
    links: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html'],
  },
  aws: {
    collection: 'vpc.securityGroupRules',
    check(rule, ctx) {
      reportInternetIngressTo(
        rule,
        ctx,
        DATA_STORE_PORTS,
        (ports) => `exposing database port${ports.length > 1 ? 's' : ''} ${ports.join(', ')} to the internet`,
      );
    },
  },
  fix: { terraform: (ctx) => fixInternetIngress(ctx, 'which application security groups or networks need this database port? Allow only those') },
  examples: {
    terraform: {
      good: [
        `resource "aws_security_group" "app" {
  name        = "app"
  description = "Application servers"
}

resource "aws_security_group" "db" {
  name        = "db"
  description = "PostgreSQL, from the application tier only"

  ingress {
    description     = "PostgreSQL from the app tier"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}
`,
        `resource "aws_vpc_security_group_ingress_rule" "redis_private" {
  security_group_id = "sg-0123456789abcdef0"
  description       = "Redis from the VPC"
  ip_protocol       = "tcp"
  from_port         = 6379
  to_port           = 6379
  cidr_ipv4         = "10.20.0.0/16"
}
`,
      ],
      bad: [
        {
          code: `resource "aws_security_group" "db" {
  name        = "db"
  description = "MySQL"

  ingress {
    description = "MySQL"
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
`,
          errors: [{ line: 5 }],
          output: `resource "aws_security_group" "db" {
  name        = "db"
  description = "MySQL"

  # NEEDS YOUR INPUT: which application security groups or networks need this database port? Allow only those
  ingress {
    description = "MySQL"
    from_port   = 3306
    to_port     = 3306
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}
`,
        },
        {
          code: `resource "aws_security_group_rule" "search" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  description       = "Search cluster and dashboards"
  from_port         = 5601
  to_port           = 9300
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
          errors: [{ line: 8 }],
          output: `# NEEDS YOUR INPUT: which application security groups or networks need this database port? Allow only those
resource "aws_security_group_rule" "search" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  description       = "Search cluster and dashboards"
  from_port         = 5601
  to_port           = 9300
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
`,
        },
      ],
    },
  },
});
