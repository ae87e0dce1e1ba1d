// The cloudtrail rules, in id order.
import type { Rule } from '../../../rule.js';

export const cloudtrailRules: Rule[] = [];
