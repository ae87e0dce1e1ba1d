// The sqs rules, in id order.
import type { Rule } from '../../../rule.js';

export const sqsRules: Rule[] = [];
