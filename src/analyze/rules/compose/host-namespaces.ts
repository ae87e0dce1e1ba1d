import { defineRule } from '../../rule.js';
import { setting } from '../../../adapt/compose/services.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-PRIV-004',
    title: 'Services do not share the host network, PID or IPC namespace',
    problem: 'Service shares a host namespace',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-653'],
    compliance: COMPOSE_COMPLIANCE.isolation,
    description:
      '`network_mode: host` puts the container on the host\'s interfaces: every port it opens is open on the host and it ' +
      'reaches services bound to the host\'s localhost. `pid: host` shows it every process of the host; `ipc: host` its shared memory.',
    remediation: 'Remove `network_mode: host`, `pid: host` and `ipc: host`; publish the ports the service needs instead.',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'exposure',
    links: [`${COMPOSE_REFERENCE}#network_mode`],
  },
  compose: {
    check(service, ctx) {
      for (const [key, what] of [['network_mode', 'network stack'], ['pid', 'process namespace'], ['ipc', 'IPC namespace']] as const) {
        const s = setting(service, key);
        if (s?.value === 'host') ctx.report({ at: s.entry, message: `Service ${service.name} shares the host's ${what} (${key}: host).`, part: key });
      }
    },
  },
  noFix: 'A service on the host network is reached on the host\'s ports today; changing that changes how clients connect.',
  examples: {
    compose: {
      good: [`services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n`],
      bad: [{ code: `services:\n  monitor:\n    image: registry.example.com/monitor:1.0\n    network_mode: host\n    pid: host\n`, errors: [{ line: 4 }, { line: 5 }] }],
    },
  },
});
