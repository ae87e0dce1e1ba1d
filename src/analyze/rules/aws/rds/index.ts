// The rds rules, in id order.
import type { Rule } from '../../../rule.js';

export const rdsRules: Rule[] = [];
