// Reads IAM policy documents (identity, trust, queue and bucket policies) into normalised statements.
//
// Input is whatever the evaluator produced for a `policy`-like attribute: a JSON string (from `jsonencode`,
// a heredoc or `data.aws_iam_policy_document.x.json`), an already-decoded object, or UNKNOWN. When the value is
// unknown but the attribute refers to a `data.aws_iam_policy_document`, the document is rebuilt from that data
// source's blocks, so a single computed ARN does not hide a wildcard elsewhere in the policy.
//
// Unknown parts stay UNKNOWN in the result; rule helpers treat them as "not a violation".
//
// Public API: readPolicyAttribute(attribute, lookup) and parsePolicyDocument(value), plus the statement types.

import type { TfAttribute } from '../../../../evaluate/terraform/view.js';
import { isUnknown, partialJsonText } from '../../../../evaluate/terraform/view.js';
import { documentFromDataSource, findPolicyDataSource } from './policy-document-data.js';
import { parsePolicyDocument, type PolicyDocument, type PolicyLookup } from './policy-statement.js';

export * from './policy-statement.js';

/**
 * Reads the policy held by `attribute` (e.g. `aws_iam_policy.policy`, `aws_sqs_queue_policy.policy`).
 * Returns undefined when the attribute is absent or its document cannot be known (unknown value, invalid JSON).
 */
export function readPolicyAttribute(attribute: TfAttribute | undefined, lookup: PolicyLookup): PolicyDocument | undefined {
  if (!attribute) return undefined;
  // Several rules read the same policy; an attribute belongs to one evaluated project, so its document is fixed.
  const documents = lookup.memo(DOCUMENTS, () => new Map<TfAttribute, PolicyDocument | undefined>());
  if (documents.has(attribute)) return documents.get(attribute);
  const document = readUncached(attribute, lookup);
  documents.set(attribute, document);
  return document;
}

const DOCUMENTS = Symbol('policy documents by attribute');

function readUncached(attribute: TfAttribute, lookup: PolicyLookup): PolicyDocument | undefined {
  const parsed = parsePolicyDocument(attribute.value) ?? parsePolicyDocument(partialJsonText(attribute));
  if (parsed) return parsed;
  if (!isUnknown(attribute.value)) return undefined;
  // `policy = data.aws_iam_policy_document.x.json` whose JSON the evaluator could not render in full.
  const source = findPolicyDataSource(attribute.refs, lookup);
  return source ? documentFromDataSource(source, lookup) : undefined;
}
