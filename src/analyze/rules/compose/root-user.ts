import { defineRule } from '../../rule.js';
import { setting } from '../../../adapt/compose/services.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-PRIV-007',
    title: 'Services do not run as root',
    problem: 'Service runs as root',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: COMPOSE_COMPLIANCE.leastPrivilege,
    description:
      'A service whose `user` is root (or 0) runs its process as root, overriding the image\'s own unprivileged user: a ' +
      'container escape or a writable host mount becomes a host compromise. (A service without `user` runs as its image says; its Dockerfile is checked for that.)',
    remediation: 'Remove `user: root`, or set an unprivileged UID (`user: "10001:10001"`).',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'privilege',
    links: [`${COMPOSE_REFERENCE}#user`],
  },
  compose: {
    check(service, ctx) {
      const user = setting(service, 'user');
      if (user && /^(root|0)(:.*)?$/.test(user.value.trim())) ctx.report({ at: user.entry, message: `Service ${service.name} runs as root (user: ${user.value}).`, part: 'user' });
    },
  },
  noFix: 'The service is set to root on purpose; which user it can run as depends on its files.',
  examples: {
    compose: {
      good: [`services:\n  app:\n    image: registry.example.com/app:1.0.0\n    user: "10001:10001"\n`],
      bad: [{ code: `services:\n  app:\n    image: registry.example.com/app:1.0.0\n    user: root\n`, errors: [{ line: 4 }] }],
    },
  },
});
