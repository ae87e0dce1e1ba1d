import { defineRule } from '../../rule.js';
import { setting } from '../../../adapt/compose/services.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-PRIV-001',
    title: 'Services are not privileged',
    problem: 'Privileged service',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: COMPOSE_COMPLIANCE.leastPrivilege,
    description: 'A privileged container has every capability and device of the host and no confinement: root in it is root on the host.',
    remediation: 'Remove `privileged: true`; add the specific capabilities or devices the service needs instead.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'privilege',
    links: [`${COMPOSE_REFERENCE}#privileged`],
  },
  compose: {
    check(service, ctx) {
      const flag = setting(service, 'privileged');
      if (flag && flag.value === 'true') ctx.report({ at: flag.entry, message: `Service ${service.name} runs privileged: it has every capability and device of the host.`, part: 'privileged' });
    },
  },
  noFix: 'A privileged service usually needs some of what it gets (a device, a capability); which part only its owner knows.',
  examples: {
    compose: {
      good: [`services:\n  web:\n    image: nginx:1.27\n    privileged: false\n`],
      bad: [{ code: `services:\n  agent:\n    image: registry.example.com/agent:2.0\n    privileged: true\n`, errors: [{ line: 4 }] }],
    },
  },
});
