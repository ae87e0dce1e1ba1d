import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, runs } from './support.js';
import { INSTALL_ACTIONS, packageCommand } from './packages.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-PKG-003',
    title: 'Package index updates run with the install they serve',
    problem: 'Package index update in a RUN of its own',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-1164'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description:
      'The build cache keeps a RUN that only updates the index: later builds reuse the old index and install outdated ' +
      'packages, security fixes included, or fail when the mirror has moved on.',
    remediation: 'Update and install in the same RUN: `RUN apt-get update && apt-get install -y …`.',
    provider: 'docker',
    service: 'packages',
    peers: { trivy: ['AVD-DS-0017'] },
    risk: 'protection',
  },
  dockerfile: {
    check(file, ctx) {
      for (const { run, commands } of runs(file)) {
        const pms = commands.map(packageCommand).filter((p) => p !== undefined);
        const update = pms.find((p) => p.action === 'update' && (p.manager === 'apt' || p.manager === 'apk' || p.manager === 'zypper'));
        if (update && !pms.some((p) => INSTALL_ACTIONS.has(p.action) || p.action === 'upgrade' || p.action === 'dist-upgrade')) {
          ctx.report({ at: run, message: `RUN updates the ${update.manager} package index without installing anything in the same RUN.`, part: `RUN ${update.manager} update` });
        }
      }
    },
  },
  noFix: 'Merging two RUN instructions changes the build\'s layers and cache.',
  examples: {
    dockerfile: {
      good: [`FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n`],
      bad: [{ code: `FROM ubuntu:24.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n`, errors: [{ line: 2 }] }],
    },
  },
});
