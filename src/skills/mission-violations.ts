// The violations the mission says the library must know from day one, each with the auditor rules that
// find it. The rows are the mission's table; their details come from the rules' metadata. A test checks
// that every id exists.

export interface MissionViolation {
  /** As the mission names the formats: `Terraform/CFN` or `Kubernetes`. */
  format: 'Terraform/CFN' | 'Kubernetes';
  violation: string;
  risk: string;
  rules: readonly string[];
}

export const MISSION_VIOLATIONS: readonly MissionViolation[] = [
  { format: 'Terraform/CFN', violation: 'S3 bucket public access', risk: 'information disclosure', rules: ['BW-AWS-S3-003', 'BW-AWS-S3-004', 'BW-AWS-S3-005', 'BW-AWS-S3-006', 'BW-AWS-S3-007', 'BW-AWS-S3-008', 'BW-AWS-S3-009'] },
  { format: 'Terraform/CFN', violation: 'unencrypted EBS volumes', risk: 'data breach', rules: ['BW-AWS-EC2-003', 'BW-AWS-EC2-004', 'BW-AWS-EC2-006'] },
  { format: 'Terraform/CFN', violation: 'RDS without backups', risk: 'data loss', rules: ['BW-AWS-RDS-004', 'BW-AWS-RDS-005'] },
  { format: 'Terraform/CFN', violation: 'security group open to 0.0.0.0/0', risk: 'unauthorised access', rules: ['BW-AWS-VPC-001', 'BW-AWS-VPC-002', 'BW-AWS-VPC-003'] },
  { format: 'Terraform/CFN', violation: 'IAM wildcard permissions', risk: 'privilege escalation', rules: ['BW-AWS-IAM-001', 'BW-AWS-IAM-002', 'BW-AWS-IAM-003'] },
  { format: 'Kubernetes', violation: 'containers run as root', risk: 'privilege escalation', rules: ['BW-K8S-POD-001'] },
  { format: 'Kubernetes', violation: 'no resource limits', risk: 'denial of service', rules: ['BW-K8S-RES-001', 'BW-K8S-RES-002'] },
  { format: 'Kubernetes', violation: 'secrets in env vars', risk: 'information disclosure', rules: ['BW-K8S-SECRET-002'] },
  { format: 'Kubernetes', violation: 'host network enabled', risk: 'network exposure', rules: ['BW-K8S-POD-006'] },
];
