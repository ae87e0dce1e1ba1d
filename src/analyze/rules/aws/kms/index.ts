// The kms rules, in id order.
import type { Rule } from '../../../rule.js';
import keyRotation from './key-rotation.js';

export const kmsRules: Rule[] = [keyRotation];
