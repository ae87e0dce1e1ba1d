import { defineRule } from '../../rule.js';
import { bare, DOCKER_COMPLIANCE, runs } from './support.js';
import { INSTALL_ACTIONS, packageCommand, type Manager } from './packages.js';

/** What cleans each manager's cache in the same RUN. */
const CLEANUP: Partial<Record<Manager, (script: string, options: string[]) => boolean>> = {
  apt: (script) => /rm\s+(-\w+\s+){0,4}[^&|;]{0,512}\/var\/lib\/apt\/lists/.test(script) || /apt(-get)?\s+clean/.test(script),
  apk: (script, options) => options.includes('--no-cache') || /rm\s+(-\w+\s+){0,4}[^&|;]{0,512}\/var\/cache\/apk/.test(script),
  yum: (script) => /yum\s+clean\s+all/.test(script) || /rm\s+(-\w+\s+){0,4}[^&|;]{0,512}\/var\/cache\/yum/.test(script),
  dnf: (script) => /dnf\s+clean\s+all/.test(script) || /rm\s+(-\w+\s+){0,4}[^&|;]{0,512}\/var\/cache\/dnf/.test(script),
  microdnf: (script) => /microdnf\s+clean\s+all/.test(script),
  zypper: (script) => /zypper\s+(clean|cc)\b/.test(script),
};

export default defineRule({
  meta: {
    id: 'BW-DOCKER-PKG-002',
    title: 'Package manager caches are cleaned in the RUN that fills them',
    problem: 'Package manager cache left in the image',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-1164'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description:
      'Package indexes and downloaded packages left in a layer make the image larger and slower to ship, and keep stale ' +
      'index data that later installs may trust. A cleanup in a later RUN does not help: the earlier layer keeps the files.',
    remediation: 'Clean in the same RUN: `rm -rf /var/lib/apt/lists/*` (apt), `apk add --no-cache`, `yum clean all`, `dnf clean all`, `zypper clean`.',
    provider: 'docker',
    service: 'packages',
    peers: { trivy: ['AVD-DS-0015', 'AVD-DS-0019', 'AVD-DS-0020'], checkov: [] },
    risk: 'protection',
  },
  dockerfile: {
    check(file, ctx) {
      for (const { run, commands } of runs(file)) {
        const script = run.args;
        for (const command of commands) {
          const pm = packageCommand(command);
          if (!pm || !INSTALL_ACTIONS.has(pm.action) || !CLEANUP[pm.manager]) continue;
          if (CLEANUP[pm.manager]!(script, pm.options)) continue;
          ctx.report({ at: run, message: `${bare(command).slice(0, 2).join(' ')} installs packages without cleaning the ${pm.manager} cache in the same RUN.`, part: `RUN ${pm.manager}` });
          break;
        }
      }
    },
  },
  noFix: 'Where the cleanup goes in a long RUN, and whether later steps need the index, is best decided by the author.',
  examples: {
    dockerfile: {
      good: [
        `FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n`,
        `FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 10001\n`,
        `FROM fedora:40\nRUN dnf install -y git && dnf clean all\nUSER 10001\n`,
      ],
      bad: [
        { code: `FROM centos:7\nRUN yum install -y httpd\nUSER 10001\n`, errors: [{ line: 2 }] },
        { code: `FROM alpine:3.20\nRUN apk add curl\nUSER 10001\n`, errors: [{ line: 2 }] },
      ],
    },
  },
});
