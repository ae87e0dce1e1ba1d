// The pseudo-rule behind "this file could not be parsed": a file we cannot read is a file we cannot vouch for.
import { defineRule } from '../rule.js';

export const PARSE_ERROR_RULE_ID = 'BW-PARSE-001';

export default defineRule({
  meta: {
    id: PARSE_ERROR_RULE_ID,
    title: 'Configuration files parse without syntax errors',
    problem: 'File cannot be parsed',
    severity: 'high',
    stride: 'tampering',
    cwe: ['CWE-1284'],
    compliance: [],
    description:
      'A file with syntax errors cannot be audited: any resource in it, or after the error, may hide a misconfiguration. ' +
      'Terraform would also refuse it, so the error usually marks a broken or half-edited file.',
    remediation: 'Fix the syntax error at the reported location (`terraform validate` shows the same problem).',
    provider: 'generic',
    service: 'parser',
    peers: {},
  },
  noFix:
    'A syntax error is fixed by whoever knows what the file should say.',
  examples: {},
});
