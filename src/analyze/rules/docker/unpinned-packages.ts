import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, runs } from './support.js';
import { INSTALL_ACTIONS, packageCommand } from './packages.js';

/** A package argument that pins a version (`curl=8.5.0-2`, `flask==3.0.3`, `musl~=1.2`), or that is not a package name. */
function pinned(manager: string, pkg: string): boolean {
  if (manager === 'pip') return /(==|~=|===|@)/.test(pkg) || /[/.]/.test(pkg) || pkg.startsWith('-') || pkg.includes('$');
  if (manager === 'npm') return /@[\d^~]/.test(pkg.replace(/^@[^/]+\//, '')) || pkg.includes('$') || /[/.]/.test(pkg);
  return /[=<>~]/.test(pkg) || pkg.includes('$') || pkg.endsWith('.deb') || pkg.endsWith('.rpm') || pkg.includes('/');
}

export default defineRule({
  meta: {
    id: 'BW-DOCKER-PKG-006',
    title: 'Installed packages are pinned to versions',
    problem: 'Packages installed without a pinned version',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-1357'],
    compliance: DOCKER_COMPLIANCE.integrity,
    description:
      'Unpinned packages install whatever the mirror has that day: two builds of one commit differ, and a compromised or ' +
      'broken release reaches the image without review.',
    remediation: 'Pin versions (`apt-get install curl=8.5.0-2`, `apk add curl=8.9.1-r0`, `pip install flask==3.0.3`), or install from a lock file (`pip install -r requirements.txt` with hashes, `npm ci`).',
    provider: 'docker',
    service: 'packages',
    peers: { checkov: [] },
    risk: 'protection',
  },
  dockerfile: {
    check(file, ctx) {
      for (const { run, commands } of runs(file)) {
        for (const command of commands) {
          const pm = packageCommand(command);
          if (!pm || !INSTALL_ACTIONS.has(pm.action) || pm.manager === 'npm' && pm.action !== 'install') continue;
          if (pm.manager === 'npm' && !pm.options.some((o) => o === '-g' || o === '--global')) continue;
          const loose = pm.packages.filter((p) => !pinned(pm.manager, p));
          if (loose.length) {
            ctx.report({ at: run, message: `${pm.manager} installs ${loose.slice(0, 4).join(', ')}${loose.length > 4 ? ` and ${loose.length - 4} more` : ''} without pinned versions.`, part: `RUN ${pm.manager} install` });
            break;
          }
        }
      }
    },
  },
  noFix: 'Which versions to pin is what the build was tested with; only the author knows them.',
  examples: {
    dockerfile: {
      good: [`FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 -r requirements.txt\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\nUSER 10001\n`],
      bad: [{ code: `FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn\nUSER 10001\n`, errors: [{ line: 2 }] }],
    },
  },
});
