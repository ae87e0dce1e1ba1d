// The s3 rules, in id order.
import type { Rule } from '../../../rule.js';

export const s3Rules: Rule[] = [];
