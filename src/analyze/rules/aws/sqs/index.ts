// The sqs rules, in id order.
import type { Rule } from '../../../rule.js';
import queueEncrypted from './queue-encrypted.js';
import queueUsesCmk from './queue-uses-cmk.js';
import noWildcardPolicyActions from './no-wildcard-policy-actions.js';
import noPublicQueuePolicy from './no-public-queue-policy.js';

export const sqsRules: Rule[] = [queueEncrypted, queueUsesCmk, noWildcardPolicyActions, noPublicQueuePolicy];
