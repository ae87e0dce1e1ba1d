import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, runScript } from './support.js';

/** `curl … | sh`, `wget -qO- … | sudo bash`, `curl … | python3 -` and the like. */
const PIPE_TO_SHELL = /\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+(-\S+\s+)*)?(env\s+\S+\s+)*(ba|z|k|da)?sh\b|\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+)?(python3?|perl|ruby|node)\b/;

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
        const m = PIPE_TO_SHELL.exec(runScript(run));
        if (m) ctx.report({ at: run, message: `RUN pipes a download into an interpreter (${m[0].replace(/\s+/g, ' ').slice(0, 80)}) without verifying it.`, part: 'RUN curl|sh' });
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
