import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE, runs } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-007',
    title: 'Directories are changed with WORKDIR, not RUN cd',
    problem: 'RUN cd used to change directory',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-1164'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'A `cd` lasts only for its RUN: the next instruction runs in the previous directory, which is where files get written by mistake.',
    remediation: 'Use `WORKDIR /path` before the instructions that need it.',
    provider: 'docker',
    service: 'build',
    peers: { trivy: ['AVD-DS-0013'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#workdir`],
  },
  dockerfile: {
    check(file, ctx) {
      for (const { run, commands } of runs(file)) {
        // Only a RUN that is nothing but a cd: `cd dir && make` is a common, harmless idiom.
        if (commands.length === 1 && commands[0]![0] === 'cd') ctx.report({ at: run, message: `RUN ${run.args.trim()} changes directory for this RUN only.` });
      }
    },
  },
  noFix: 'Whether the later instructions were meant to run there is the author\'s intent.',
  examples: {
    dockerfile: {
      good: [`FROM nginx:1.27\nWORKDIR /usr/share/nginx/html\nRUN cd /tmp && tar xzf site.tgz\n`],
      bad: [{ code: `FROM nginx:1.27\nRUN cd /usr/share/nginx/html\nCOPY index.html .\n`, errors: [{ line: 2 }] }],
    },
  },
});
