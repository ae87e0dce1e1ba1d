// IAM grants as flows: a role attached to a function (its `role`), an ECS task (`task_role_arn`) or an
// instance (through its instance profile) that a policy allows actions on a component (`sqs:SendMessage` on
// `aws_sqs_queue.orders.arn`) means that compute calls that component. Policies are read where the auditor
// reads them: inline role policies, role policy attachments of aws_iam_policy, and
// data.aws_iam_policy_document statements (each statement's own resources); in a JSON document the actions
// are paired with the referenced resources of the same service.

import { asString, attr, isUnknown, type TfAttribute, type TfResource, type Value } from '../../evaluate/terraform/view.js';
import { parsePolicyDocument } from '../../analyze/rules/aws/iam/policy-statement.js';
import type { Evidence } from '../schema/architecture.js';
import { evidence, type Component, type TfModel } from './terraform-context.js';

export interface Grant {
  caller: Component;
  targets: Component[];
  actions: string[];
  evidence: Evidence;
}

/** How an IAM action prefix names the service of a component type. */
const ACTION_SERVICE: Record<string, string> = { sqs: 'sqs', sns: 'sns', dynamodb: 'dynamodb', s3: 's3', kinesis: 'kinesis', lambda: 'lambda', secretsmanager: 'secretsmanager', kms: 'kms', rds: 'rds', 'rds-data': 'rds', 'rds-db': 'rds', kafka: 'kafka', 'kafka-cluster': 'kafka', elasticache: 'elasticache', 'execute-api': 'apigateway', es: 'opensearch', cognito: 'cognitoidp', 'cognito-idp': 'cognitoidp' };

/** The roles each compute component runs as. */
function rolesOf(model: TfModel, c: Component): TfResource[] {
  const body = c.resource.body;
  const roles = model.referencedOfType(attr(body, 'role'), 'aws_iam_role');
  for (const def of model.referencedOfType(attr(body, 'task_definition'), 'aws_ecs_task_definition')) roles.push(...model.referencedOfType(attr(def.body, 'task_role_arn'), 'aws_iam_role'));
  for (const profile of model.referencedOfType(attr(body, 'iam_instance_profile'), 'aws_iam_instance_profile')) roles.push(...model.referencedOfType(attr(profile.body, 'role'), 'aws_iam_role'));
  for (const ng of model.referencing(c.resource, 'aws_eks_node_group', 'cluster_name')) roles.push(...model.referencedOfType(attr(ng.body, 'node_role_arn'), 'aws_iam_role'));
  return roles;
}

/** The policy attributes that apply to a role: inline policies, role policies, attached managed policies. */
function policiesOf(model: TfModel, role: TfResource): { owner: TfResource; attribute: TfAttribute }[] {
  const out: { owner: TfResource; attribute: TfAttribute }[] = [];
  for (const block of role.body.blocks) if (block.type === 'inline_policy' && attr(block, 'policy')) out.push({ owner: role, attribute: attr(block, 'policy')! });
  for (const p of model.referencing(role, 'aws_iam_role_policy', 'role')) if (attr(p.body, 'policy')) out.push({ owner: p, attribute: attr(p.body, 'policy')! });
  for (const a of model.referencing(role, 'aws_iam_role_policy_attachment', 'role')) {
    for (const policy of model.referencedOfType(attr(a.body, 'policy_arn'), 'aws_iam_policy')) if (attr(policy.body, 'policy')) out.push({ owner: policy, attribute: attr(policy.body, 'policy')! });
  }
  return out;
}

const serviceOf = (action: string): string | undefined => ACTION_SERVICE[action.slice(0, action.indexOf(':')).toLowerCase()];
const strings = (v: Value | undefined): string[] => (Array.isArray(v) ? v.map((x) => asString(x)).filter((x): x is string => x !== undefined) : typeof v === 'string' ? [v] : []);

export function iamGrants(model: TfModel): Grant[] {
  const grants: Grant[] = [];
  for (const caller of model.components.values()) {
    if (caller.type.kind !== 'function' && caller.type.kind !== 'process') continue;
    for (const role of rolesOf(model, caller)) {
      for (const { owner, attribute } of policiesOf(model, role)) {
        const via = `${owner.address} (${role.address}, the role of ${caller.element.name})`;
        const documents = model.referencedOfType(attribute, 'aws_iam_policy_document');
        const data = attribute.refs.map((ref) => model.resource(ref.startsWith('data.') ? ref : `data.${ref}`) ?? model.resource(ref)).filter((r): r is TfResource => r !== undefined && r.mode === 'data' && r.type === 'aws_iam_policy_document');
        if (data.length || documents.length) {
          for (const doc of [...data, ...documents]) {
            for (const statement of doc.body.blocks.filter((b) => b.type === 'statement')) {
              if (asString(attr(statement, 'effect')?.value) === 'Deny') continue;
              const actions = strings(attr(statement, 'actions')?.value);
              const resources = attr(statement, 'resources');
              pair(grants, caller, actions, model.referenced(resources), evidence(doc.file, resources ?? statement, `${doc.address} used by ${via} allows ${actions.join(', ')}`));
            }
          }
          continue;
        }
        const parsed = parsePolicyDocument(attribute.value);
        const actions = (parsed?.statements ?? []).filter((s) => s.effect === 'Allow').flatMap((s) => (s.actions && !isUnknown(s.actions) ? s.actions.filter((a): a is string => typeof a === 'string') : []));
        pair(grants, caller, actions, model.referenced(attribute), evidence(owner.file, attribute, `${via} allows ${actions.join(', ')}`));
      }
    }
  }
  return grants;
}

/** Each target gets the actions of its own service (`sqs:*` for a queue, not `dynamodb:PutItem`). */
function pair(grants: Grant[], caller: Component, actions: readonly string[], targets: readonly Component[], at: Evidence): void {
  for (const target of targets) {
    const mine = actions.filter((a) => a === '*' || serviceOf(a) === target.type.service || (serviceOf(a) === 'rds' && target.type.service === 'rds'));
    if (mine.length) grants.push({ caller, targets: [target], actions: mine, evidence: { ...at, says: `${at.says.replace(/allows .*$/, `allows ${mine.join(', ')}`)} on ${target.resource.address}` } });
  }
}
