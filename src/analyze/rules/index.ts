// Every built-in rule. Service lists live next to their rules so adding a rule touches one folder.
import type { Rule } from '../rule.js';
import { compareText } from '../../core/types.js';
import { cloudtrailRules } from './aws/cloudtrail/index.js';
import { ec2Rules } from './aws/ec2/index.js';
import { iamRules } from './aws/iam/index.js';
import { kmsRules } from './aws/kms/index.js';
import { kubernetesRules } from './kubernetes/index.js';
import { dockerfileRules } from './docker/index.js';
import { composeRules } from './compose/index.js';
import { secretRules } from './secrets/index.js';
import { lambdaRules } from './aws/lambda/index.js';
import { rdsRules } from './aws/rds/index.js';
import { s3Rules } from './aws/s3/index.js';
import { sqsRules } from './aws/sqs/index.js';
import { tagRules } from './aws/tags/index.js';
import { tlsRules } from './aws/tls/index.js';
import { vpcRules } from './aws/vpc/index.js';
import parseErrorRule from './parse-error.js';
import { terraformRules } from './terraform/index.js';

export const builtinRules: readonly Rule[] = [
  parseErrorRule,
  ...s3Rules,
  ...ec2Rules,
  ...vpcRules,
  ...iamRules,
  ...rdsRules,
  ...kmsRules,
  ...cloudtrailRules,
  ...sqsRules,
  ...lambdaRules,
  ...tagRules,
  ...tlsRules,
  ...terraformRules,
  ...kubernetesRules,
  ...dockerfileRules,
  ...composeRules,
  ...secretRules,
].sort((a, b) => compareText(a.meta.id, b.meta.id));

export function findRule(id: string): Rule | undefined {
  return builtinRules.find((r) => r.meta.id === id);
}
