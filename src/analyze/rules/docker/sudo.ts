import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, runs } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-USER-002',
    title: 'RUN instructions do not use sudo',
    problem: 'RUN uses sudo',
    severity: 'medium',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: DOCKER_COMPLIANCE.leastPrivilege,
    description:
      'sudo in a Dockerfile means the image ships sudo and a user allowed to use it: anything that compromises the ' +
      'application can become root again. Build steps that need root should run before the USER switch instead.',
    remediation: 'Run the step as root (before `USER`) without sudo, and do not install sudo in the image.',
    provider: 'docker',
    service: 'user',
    peers: { trivy: ['AVD-DS-0010'] },
    risk: 'privilege',
  },
  dockerfile: {
    check(file, ctx) {
      for (const { run, commands } of runs(file)) {
        if (commands.some((c) => c.includes('sudo'))) ctx.report({ at: run, message: `RUN uses sudo: ${run.args.trim().slice(0, 80)}` });
      }
    },
  },
  noFix: 'Removing sudo changes which user the step runs as; moving it before USER is a change to the build order.',
  examples: {
    dockerfile: {
      good: [`FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*\nUSER 10001\n`],
      bad: [{ code: `FROM debian:12-slim\nUSER app\nRUN sudo apt-get install -y curl\n`, errors: [{ line: 3 }] }],
    },
  },
});
