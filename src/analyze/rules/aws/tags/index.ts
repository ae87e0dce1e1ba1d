// The tagging rules, in id order.
import type { Rule } from '../../../rule.js';
import requiredTags from './required-tags.js';

export const tagRules: Rule[] = [requiredTags];
