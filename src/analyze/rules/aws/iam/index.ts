// The iam rules, in id order.
import type { Rule } from '../../../rule.js';

export const iamRules: Rule[] = [];
