// The secret rules. Each module is one rule; this list is the only place they are named.
import type { Rule } from '../../rule.js';
import assignments from './assignments.js';
import awsCredentials from './aws-credentials.js';
import connectionStrings from './connection-strings.js';
import envFiles from './env-files.js';
import jwt from './jwt.js';
import privateKeys from './private-keys.js';
import providerTokens from './provider-tokens.js';

export const secretRules: Rule[] = [
  assignments,
  awsCredentials,
  connectionStrings,
  envFiles,
  jwt,
  privateKeys,
  providerTokens,
];
