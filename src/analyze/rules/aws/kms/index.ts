// The kms rules, in id order.
import type { Rule } from '../../../rule.js';
import keyRotation from './key-rotation.js';
import keyPolicyPublic from './key-policy-public.js';

export const kmsRules: Rule[] = [keyRotation, keyPolicyPublic];
