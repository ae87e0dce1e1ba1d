// Which services and actions make a broad grant dangerous. Curated, not exhaustive: the aim is to flag
// grants that let a principal escalate privileges, read secrets or data everywhere, or destroy audit
// trails and data, while leaving alone the read-only and "needs Resource *" actions (Describe*, List*,
// sts:GetCallerIdentity, ec2:CreateNetworkInterface for VPC Lambdas...).

/** Services where `service:*` on every resource is a serious over-grant. */
export const SENSITIVE_SERVICES: ReadonlySet<string> = new Set([
  'iam', 'sts', 'organizations', 'account', 'sso', 'identitystore',
  's3', 'kms', 'secretsmanager', 'ssm', 'dynamodb', 'rds', 'redshift', 'elasticfilesystem', 'backup',
  'ec2', 'lambda', 'ecs', 'eks', 'ecr', 'cloudformation', 'glue',
  'cloudtrail', 'config', 'guardduty', 'route53', 'sqs', 'sns', 'cognito-idp',
]);

/** AWS-managed policies granting a whole sensitive service (or nearly everything). */
export const BROAD_MANAGED_POLICIES: ReadonlySet<string> = new Set([
  'PowerUserAccess', 'IAMFullAccess', 'AmazonS3FullAccess', 'AmazonEC2FullAccess', 'AWSLambda_FullAccess',
  'AmazonDynamoDBFullAccess', 'AmazonRDSFullAccess', 'SecretsManagerReadWrite', 'AmazonSSMFullAccess',
  'AWSOrganizationsFullAccess', 'AmazonSQSFullAccess', 'AmazonSNSFullAccess', 'AWSCloudTrail_FullAccess',
  'AmazonVPCFullAccess', 'AWSCloudFormationFullAccess', 'AWSKeyManagementServicePowerUser',
]);

/** Actions that should name their resources: privilege escalation, secret/data reads, destruction of data or audit trails. */
export const SENSITIVE_ACTIONS: readonly string[] = [
  // privilege escalation
  'iam:PassRole', 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy', 'iam:AttachRolePolicy', 'iam:PutUserPolicy', 'iam:PutGroupPolicy', 'iam:PutRolePolicy',
  'iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup', 'iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary',
  'sts:AssumeRole', 'lambda:CreateFunction', 'lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration',
  'lambda:AddPermission', 'glue:CreateDevEndpoint', 'glue:UpdateDevEndpoint', 'cloudformation:CreateStack',
  'ec2:ModifyInstanceAttribute', 'ssm:SendCommand', 'ssm:StartSession',
  // secrets and data everywhere
  'secretsmanager:GetSecretValue', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath',
  'kms:Decrypt', 'kms:CreateGrant', 's3:GetObject', 's3:PutObject', 'dynamodb:Scan',
  // exposure and destruction
  's3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutBucketAcl', 's3:PutObjectAcl', 's3:PutBucketPublicAccessBlock',
  's3:DeleteBucket', 's3:DeleteObject', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey',
  'secretsmanager:PutResourcePolicy', 'secretsmanager:DeleteSecret', 'ec2:AuthorizeSecurityGroupIngress',
  'ec2:ModifySnapshotAttribute', 'ec2:ModifyImageAttribute', 'ec2:DeleteSnapshot', 'ec2:TerminateInstances',
  'rds:DeleteDBInstance', 'rds:DeleteDBCluster', 'dynamodb:DeleteTable', 'sqs:DeleteQueue',
  'cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail', 'logs:DeleteLogGroup',
  'organizations:LeaveOrganization',
];
