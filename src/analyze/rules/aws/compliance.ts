// Compliance mappings shared by rules of one concept across services: the concepts of the catalogue both
// engines share (core/compliance-catalogue.ts).
import type { ComplianceRef } from '../../rule.js';
import { CONCEPTS } from '../../../core/compliance-catalogue.js';

/** Recording who did what (audit trails, access logs): the controls every activity-logging rule maps to. */
export const ACTIVITY_LOGGING_COMPLIANCE: readonly ComplianceRef[] = CONCEPTS.activityLogging;

/** Data stored encrypted at rest (any key). */
export const ENCRYPTION_AT_REST_COMPLIANCE: readonly ComplianceRef[] = CONCEPTS.encryptionAtRest;

/** Data encrypted under a customer managed KMS key, whose policy and lifecycle the owner controls. */
export const CUSTOMER_MANAGED_KEY_COMPLIANCE: readonly ComplianceRef[] = CONCEPTS.customerManagedKey;

/** Least privilege: grants limited to the actions and resources a principal needs. */
export const LEAST_PRIVILEGE_COMPLIANCE: readonly ComplianceRef[] = CONCEPTS.leastPrivilege;

/** Credentials written into configuration, scripts or code. PCI DSS 8.6.2 names exactly this. */
export const HARD_CODED_SECRET_COMPLIANCE: readonly ComplianceRef[] = CONCEPTS.hardCodedSecrets;
