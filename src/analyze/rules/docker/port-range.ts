import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE } from './support.js';
import { exposedPorts } from './ports.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-NET-002',
    title: 'Exposed ports are valid port numbers',
    problem: 'Exposed port out of range',
    severity: 'low',
    stride: 'denial-of-service',
    cwe: ['CWE-1284'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'Ports run from 0 to 65535. A number outside that range is a typo: the port meant is not documented and tooling that reads EXPOSE breaks.',
    remediation: 'Correct the port number.',
    provider: 'docker',
    service: 'network',
    peers: { trivy: ['AVD-DS-0008'] },
    risk: 'availability',
  },
  dockerfile: {
    check(file, ctx) {
      for (const expose of file.instructions.filter((i) => i.keyword === 'EXPOSE')) {
        const bad = exposedPorts(expose).filter((p) => p.from > 65535 || p.to > 65535);
        if (bad.length) ctx.report({ at: expose, message: `EXPOSE names ${bad.map((p) => p.text).join(', ')}, outside 0-65535.` });
      }
    },
  },
  noFix: 'The port meant is known only to the author.',
  examples: {
    dockerfile: {
      good: [`FROM nginx:1.27\nEXPOSE 8080 65535\nUSER 10001\n`],
      bad: [{ code: `FROM nginx:1.27\nEXPOSE 80800\nUSER 10001\n`, errors: [{ line: 2 }] }],
    },
  },
});
