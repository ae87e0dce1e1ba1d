// The kms rules, in id order.
import type { Rule } from '../../../rule.js';
import keyRotation from './key-rotation.js';
import keyPolicyPublic from './key-policy-public.js';
import companyKey from './company-key.js';

export const kmsRules: Rule[] = [keyRotation, keyPolicyPublic, companyKey];
