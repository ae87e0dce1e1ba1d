// The kms rules, in id order.
import type { Rule } from '../../../rule.js';

export const kmsRules: Rule[] = [];
