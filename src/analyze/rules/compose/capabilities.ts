import { defineRule } from '../../rule.js';
import { COMPOSE_COMPLIANCE, COMPOSE_REFERENCE, listSetting } from './support.js';

/** Capabilities that amount to root on the host or control over its network. */
export const DANGEROUS_CAPABILITIES = ['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'SYS_RAWIO', 'BPF', 'PERFMON'];

export default defineRule({
  meta: {
    id: 'BW-COMPOSE-PRIV-002',
    title: 'Services do not add dangerous capabilities',
    problem: 'Service adds a dangerous Linux capability',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: COMPOSE_COMPLIANCE.leastPrivilege,
    description:
      'ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE and a few others each give a compromised container a direct path ' +
      'to the host: mounting filesystems, loading kernel modules, tracing other processes, rewriting the host network.',
    remediation: 'Remove the capability from `cap_add`; start from `cap_drop: [ALL]` and add back only narrow ones (NET_BIND_SERVICE).',
    provider: 'docker',
    service: 'compose',
    peers: {},
    risk: 'privilege',
    links: [`${COMPOSE_REFERENCE}#cap_add`],
  },
  compose: {
    check(service, ctx) {
      const caps = listSetting(service, 'cap_add');
      const bad = caps.values.map((c) => c.toUpperCase().replace(/^CAP_/, '')).filter((c) => DANGEROUS_CAPABILITIES.includes(c));
      if (bad.length) ctx.report({ at: caps.entry!, message: `Service ${service.name} adds ${bad.join(', ')}.`, part: 'cap_add' });
    },
  },
  noFix: 'The service adds the capability because something in it uses it; removing it may stop it working.',
  examples: {
    compose: {
      good: [`services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n`],
      bad: [{ code: `services:\n  vpn:\n    image: registry.example.com/vpn:1.4\n    cap_add:\n      - NET_ADMIN\n`, errors: [{ line: 4 }] }],
    },
  },
});
