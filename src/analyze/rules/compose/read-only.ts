import { defineRule } from '../../rule.js';
import { setting } from '../../../adapt/compose/services.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-PRIV-006',
    title: 'Services run with a read-only root filesystem',
    problem: 'Service root filesystem is writable',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-732'],
    compliance: COMPOSE_COMPLIANCE.configuration,
    description: 'A writable root filesystem lets an attacker with code execution drop tools and change binaries for the life of the container. With `read_only: true`, writes go only to the volumes and tmpfs mounts made for them.',
    remediation: 'Set `read_only: true` and mount `tmpfs` (or volumes) where the service writes.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'protection',
    links: [`${COMPOSE_REFERENCE}#read_only`],
  },
  compose: {
    check(service, ctx) {
      const flag = setting(service, 'read_only');
      if (flag?.value === 'true') return;
      ctx.report({ at: flag?.entry ?? service.key, message: `Service ${service.name} has a writable root filesystem (read_only is not true).`, part: 'read_only' });
    },
  },
  noFix: 'Most services write somewhere (/tmp, a cache, a pid file); a read-only root without tmpfs mounts there stops them.',
  examples: {
    compose: {
      good: [`services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /var/cache/nginx\n      - /var/run\n`],
      bad: [{ code: `services:\n  web:\n    image: nginx:1.27\n`, errors: [{ line: 2 }] }],
    },
  },
});
