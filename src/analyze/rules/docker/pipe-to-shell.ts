import { defineRule } from '../../rule.js';
import { bare, DOCKER_COMPLIANCE, runScript } from './support.js';

const INTERPRETER = /^(ba|z|k|da)?sh$|^(python3?|perl|ruby|node)$/;

/**
 * `curl … | sh`, `wget -qO- … | sudo bash`, `curl … | python3 -`: within each pipeline (split at `&&`, `||`, `;` and
 * line ends, then at `|`), a download whose output is the input of an interpreter. Splitting first keeps the cost
 * linear in the length of the RUN, whatever it holds.
 */
export function pipedToInterpreter(script: string): string | undefined {
  for (const pipeline of script.split(/&&|\|\||;|\n/)) {
    const stages = pipeline.split('|').map((stage) => bare(stage.trim().split(/\s+/).filter(Boolean)));
    for (let i = 0; i + 1 < stages.length; i++) {
      const downloader = stages[i]![0];
      const consumer = stages[i + 1]![0];
      if ((downloader === 'curl' || downloader === 'wget') && consumer && INTERPRETER.test(consumer)) return `${downloader} … | ${consumer}`;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'BW-DOCKER-PKG-005',
    title: 'Downloaded scripts are verified before they run',
    problem: 'Script piped from the network into a shell',
    severity: 'high',
    stride: 'tampering',
    cwe: ['CWE-494'],
    compliance: DOCKER_COMPLIANCE.integrity,
    description:
      '`curl … | sh` runs whatever the server sends at build time, as root, without a checksum: a compromised server, a ' +
      'hijacked domain or a man in the middle puts its code into every image built.',
    remediation: 'Download the script to a file, verify its checksum (`sha256sum -c`), then run it; or install the tool from a package.',
    provider: 'docker',
    service: 'packages',
    peers: { checkov: [] },
    risk: 'protection',
  },
  dockerfile: {
    check(file, ctx) {
      for (const run of file.instructions.filter((i) => i.keyword === 'RUN')) {
        const piped = pipedToInterpreter(runScript(run));
        if (piped) ctx.report({ at: run, message: `RUN pipes a download into an interpreter (${piped}) without verifying it.`, part: 'RUN curl|sh' });
      }
    },
  },
  noFix: 'The checksum of the script must be taken from a trusted source, which only its user can name.',
  examples: {
    dockerfile: {
      good: [`FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\nUSER 10001\n`],
      bad: [{ code: `FROM debian:12-slim\nRUN curl -fsSL https://get.example.com/install.sh | bash\nUSER 10001\n`, errors: [{ line: 2 }] }],
    },
  },
});
