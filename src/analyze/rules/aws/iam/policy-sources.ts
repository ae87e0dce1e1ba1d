// Where identity policies live in Terraform, so every IAM rule looks in the same places:
// inline documents (`aws_iam_*_policy.policy`, `aws_iam_role.inline_policy`, SSO inline policies) and
// managed-policy attachments by ARN.

import type { TfAttribute, TfResource } from '../../../../evaluate/terraform/view.js';
import { attr, blocks, isUnknown } from '../../../../evaluate/terraform/view.js';
import { readPolicyAttribute, type PolicyDocument, type PolicyLookup } from './policy-document.js';

/** Resource types holding an identity-policy document, and the attribute holding it. */
export const IDENTITY_POLICY_TYPES: Readonly<Record<string, string>> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
  aws_ssoadmin_permission_set_inline_policy: 'inline_policy',
  aws_iam_role: 'inline_policy.policy',
};

export interface IdentityPolicy {
  document: PolicyDocument;
  /** The attribute holding the document, for the finding's location. */
  attribute: TfAttribute;
}

/** Every readable identity-policy document declared by `resource` (none for unknown or invalid documents). */
export function identityPolicies(resource: TfResource, lookup: PolicyLookup): IdentityPolicy[] {
  const attributes: TfAttribute[] = [];
  if (resource.type === 'aws_iam_role') {
    for (const block of blocks(resource.body, 'inline_policy')) {
      const a = attr(block, 'policy');
      if (a && !block.fromUnknownDynamic) attributes.push(a);
    }
  } else {
    const name = IDENTITY_POLICY_TYPES[resource.type];
    const a = name ? attr(resource.body, name) : undefined;
    if (a) attributes.push(a);
  }
  const out: IdentityPolicy[] = [];
  for (const attribute of attributes) {
    const document = readPolicyAttribute(attribute, lookup);
    if (document) out.push({ document, attribute });
  }
  return out;
}

/** Attachment resource types and the attribute naming the managed policy ARN(s). */
export const MANAGED_ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  aws_iam_role_policy_attachment: 'policy_arn',
  aws_iam_user_policy_attachment: 'policy_arn',
  aws_iam_group_policy_attachment: 'policy_arn',
  aws_iam_policy_attachment: 'policy_arn',
  aws_iam_role: 'managed_policy_arns',
  aws_iam_role_policy_attachments_exclusive: 'policy_arns',
  aws_ssoadmin_managed_policy_attachment: 'managed_policy_arn',
};

export interface AttachedArn {
  arn: string;
  attribute: TfAttribute;
}

/** Literal managed-policy ARNs attached by `resource` (unknown ARNs are skipped). */
export function attachedPolicyArns(resource: TfResource): AttachedArn[] {
  const name = MANAGED_ATTACHMENT_TYPES[resource.type];
  const attribute = name ? attr(resource.body, name) : undefined;
  if (!attribute || isUnknown(attribute.value)) return [];
  const values = Array.isArray(attribute.value) ? attribute.value : [attribute.value];
  return values.filter((v): v is string => typeof v === 'string').map((arn) => ({ arn, attribute }));
}

/** Name of an AWS-managed policy (`arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` → `ViewOnlyAccess`). */
export function awsManagedPolicyName(arn: string): string | undefined {
  const m = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
  return m ? m[1] : undefined;
}
