// The ec2 rules, in id order.
import type { Rule } from '../../../rule.js';

export const ec2Rules: Rule[] = [];
