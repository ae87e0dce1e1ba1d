import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE } from './support.js';
import { exposedPorts } from './ports.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-NET-001',
    title: 'Images do not expose SSH',
    problem: 'Port 22 exposed',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-284'],
    compliance: [{ framework: 'NIST-800-53', control: 'CM-6' }, { framework: 'PCI-DSS', control: '1.2.5' }],
    description: 'Exposing port 22 means the container runs an SSH server: another service to patch, credentials to manage and a login path around the orchestrator\'s access controls. `docker exec` / `kubectl exec` cover the need.',
    remediation: 'Remove the SSH server and `EXPOSE 22`; use `docker exec` or `kubectl exec` for access.',
    provider: 'docker',
    service: 'network',
    peers: { trivy: ['AVD-DS-0004'] },
    risk: 'exposure',
  },
  dockerfile: {
    check(file, ctx) {
      for (const expose of file.instructions.filter((i) => i.keyword === 'EXPOSE')) {
        if (exposedPorts(expose).some((p) => p.from <= 22 && 22 <= p.to)) ctx.report({ at: expose, message: `EXPOSE ${expose.args.trim()} exposes SSH (port 22).`, part: 'EXPOSE 22' });
      }
    },
  },
  noFix: 'Removing the SSH server changes how people reach the container; that is their decision.',
  examples: {
    dockerfile: {
      good: [`FROM nginx:1.27\nEXPOSE 8080\nUSER 10001\n`],
      bad: [{ code: `FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y openssh-server && rm -rf /var/lib/apt/lists/*\nEXPOSE 22 8080\n`, errors: [{ line: 3 }] }],
    },
  },
});
