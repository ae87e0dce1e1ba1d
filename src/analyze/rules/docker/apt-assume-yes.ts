import { defineRule } from '../../rule.js';
import type { DockerInstruction } from '../../../parse/dockerfile/read.js';
import type { TextEdit } from '../../../edit/text-edit.js';
import type { YamlFixContext } from '../../fix.js';
import { DOCKER_COMPLIANCE, runs } from './support.js';
import { packageCommand } from './packages.js';

const ASSUME_YES = (o: string) => o === '-y' || o === '--yes' || o === '--assume-yes' || o === '-qq' || /^-[a-z]*y[a-z]*$/.test(o) || /^-q=?2$/.test(o);

export default defineRule({
  meta: {
    id: 'BW-DOCKER-PKG-004',
    title: 'apt-get install runs without prompting',
    problem: 'apt-get install without -y',
    severity: 'medium',
    stride: 'denial-of-service',
    cwe: ['CWE-1164'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'Without `-y`, apt-get asks for confirmation; a build has no one to answer, so it aborts (or, with some base images, hangs).',
    remediation: 'Add `-y` (and `--no-install-recommends`) to `apt-get install`.',
    provider: 'docker',
    service: 'packages',
    peers: { trivy: ['AVD-DS-0021'] },
    risk: 'availability',
  },
  dockerfile: {
    check(file, ctx) {
      for (const { run, commands } of runs(file)) {
        const pm = commands.map(packageCommand).find((p) => p?.manager === 'apt' && p.action === 'install' && !p.options.some(ASSUME_YES));
        if (pm) ctx.report({ at: run, message: `apt-get install ${pm.packages.join(' ')} would wait for a confirmation (no -y).`, part: 'RUN apt-get install', fixData: run });
      }
    },
  },
  fix: {
    dockerfile: (ctx: YamlFixContext<DockerInstruction>) => {
      const text = ctx.text.slice(ctx.data.start, ctx.data.end);
      const edits: TextEdit[] = [];
      // Each `apt-get install` (or `apt install`) without a yes flag before the next command separator gets `-y`.
      for (const m of text.matchAll(/\bapt(?:-get)?((?:\s+-[-\w=]+){0,8})\s+install\b([^&|;\n]{0,4096})/g)) {
        const options = `${m[1]} ${m[2]}`.split(/\s+/).filter((w) => w.startsWith('-'));
        if (options.some(ASSUME_YES)) continue;
        const at = ctx.data.start + m.index! + m[0].length - m[2]!.length;
        edits.push({ start: at, end: at, text: ' -y' });
      }
      return edits.length ? { kind: 'automatic', description: 'Adds -y to apt-get install so the build does not wait for a confirmation.', edits } : { declined: 'the install command could not be found as written' };
    },
  },
  examples: {
    dockerfile: {
      good: [`FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n`],
      bad: [
        {
          code: `FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n`,
          errors: [{ line: 2 }],
          output: `FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 10001\n`,
        },
      ],
    },
  },
});
