// The iam rules, in id order.
import type { Rule } from '../../../rule.js';
import noFullAdminPolicy from './no-full-admin-policy.js';
import noServiceWideWildcard from './no-service-wide-wildcard.js';
import noSensitiveActionsOnAllResources from './no-sensitive-actions-on-all-resources.js';
import noAllowNotAction from './no-allow-not-action.js';
import noPublicRoleTrust from './no-public-role-trust.js';
import passwordMinimumLength from './password-minimum-length.js';
import passwordReusePrevention from './password-reuse-prevention.js';
import passwordRequireLowercase from './password-require-lowercase.js';
import passwordRequireNumbers from './password-require-numbers.js';
import passwordRequireSymbols from './password-require-symbols.js';
import passwordRequireUppercase from './password-require-uppercase.js';
import passwordMaxAge from './password-max-age.js';
import noRootAccessKeys from './no-root-access-keys.js';
import noUserAttachedPolicies from './no-user-attached-policies.js';
import groupEnforcesMfa from './group-enforces-mfa.js';
import providerCredentials from './provider-credentials.js';

export const iamRules: Rule[] = [
  noFullAdminPolicy,
  noServiceWideWildcard,
  noSensitiveActionsOnAllResources,
  noAllowNotAction,
  noPublicRoleTrust,
  passwordMinimumLength,
  passwordReusePrevention,
  passwordRequireLowercase,
  passwordRequireNumbers,
  passwordRequireSymbols,
  passwordRequireUppercase,
  passwordMaxAge,
  noRootAccessKeys,
  noUserAttachedPolicies,
  groupEnforcesMfa,
  providerCredentials,
];
