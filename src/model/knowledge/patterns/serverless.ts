// Serverless pattern: functions and the managed services they are wired to.

import { C } from '../compliance.js';
import { elementHas } from '../controls.js';
import type { ElementThreatRule } from '../types.js';
import { joinNames } from '../vocabulary.js';

export const serverlessRules: ElementThreatRule[] = [
  {
    id: 'TM-SERVERLESS-001',
    scope: 'element',
    pattern: 'serverless',
    stride: 'elevation-of-privilege',
    kinds: ['function'],
    condition: 'a function whose execution role is not stated to be least-privilege (`leastPrivilege: true`)',
    applies: () => true,
    controls: [elementHas('leastPrivilege', 'runs with a least-privilege role')],
    title: (ctx) => `${ctx.element.name} has overly broad IAM permissions`,
    description: (ctx) => {
      const reaches = [...new Set([...ctx.facts.outgoing.map((f) => f.target.name), ...ctx.facts.incoming.filter((f) => f.source.kind !== 'actor').map((f) => f.source.name)])];
      return `${ctx.element.name} runs with an execution role the design does not scope. Functions are often given wildcard policies; code execution in the function (e.g. through a malicious input file) then reaches every resource in the account instead of ${
        reaches.length ? `only ${joinNames(reaches)}` : 'the few it needs'
      }.`;
    },
    severity: 'high',
    likelihood: 'medium',
    cwe: ['CWE-250', 'CWE-269'],
    capec: ['CAPEC-122'],
    compliance: [C.pciLeastPrivilege, C.soc2Access, C.isoPrivileged, C.nistLeastPrivilege],
    mitigations: ['MIT-LEAST-PRIVILEGE-ROLE'],
  },
  {
    id: 'TM-SERVERLESS-002',
    scope: 'element',
    pattern: 'serverless',
    stride: 'denial-of-service',
    kinds: ['function'],
    condition: 'a function invoked directly from the internet without throttling',
    applies: (ctx) => ctx.facts.internetFacing && !ctx.facts.uploadEndpoint && !ctx.facts.loginEndpoint,
    controls: [elementHas('rateLimited', 'is throttled')],
    title: (ctx) => `Invocation flooding of ${ctx.element.name} (denial of wallet)`,
    description: (ctx) =>
      `${ctx.element.name} is invoked from the internet (${ctx.facts.exposure}); functions scale with load, so a flood turns into exhausted concurrency for every other function in the account and an unbounded bill.`,
    severity: 'medium',
    likelihood: 'medium',
    cwe: ['CWE-770'],
    capec: ['CAPEC-125'],
    compliance: [C.soc2Availability, C.nistDos],
    mitigations: ['MIT-SERVERLESS-THROTTLE'],
  },
];
