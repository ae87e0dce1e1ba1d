// The vpc rules, in id order.
import type { Rule } from '../../../rule.js';

export const vpcRules: Rule[] = [];
