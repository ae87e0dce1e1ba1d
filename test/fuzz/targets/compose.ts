// docker-compose files with a .env beside them: mutated rule examples and the ordering-system example, with
// Compose's own tokens (interpolation, merge keys, short and long ports). Nothing may throw, and every finding
// and diagnostic must point inside its file.

import fc from 'fast-check';
import { scanFiles, scanViolations, type ScanOutcome } from '../checks/scan-outcome.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { defineTarget } from '../harness/target.js';

const TOKENS = [
  'services:\n', '  db:\n', '    image: mariadb:latest\n', '    ports:\n', '      - "3306:3306"\n', '      - "127.0.0.1::6379/tcp"\n', '      - target: 5432\n        published: 5432\n',
  '    environment:\n', '      - DB_PASSWORD=rootpassword\n', '      PASSWORD: ${PW:-default}\n', '${A:?err}', '${B-x}', '$$', '${', '$X', '<<: *base\n', 'x-base: &base\n',
  '    privileged: true\n', '    cap_add: [SYS_ADMIN]\n', '    network_mode: host\n', '    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n', '    user: root\n',
  '    deploy:\n      resources:\n        limits:\n', '    security_opt:\n      - no-new-privileges:true\n',
];
const DOTENV = fc.array(fc.constantFrom('PW=secret', 'A=', 'export B="x y"', "C='z'", '# c', 'D=1 # note', '=', 'E'), { maxLength: 6 }).map((l) => l.join('\n'));

export default defineTarget<Record<string, string>, ScanOutcome>({
  name: 'compose',
  description: 'docker-compose files and their .env: mutated rule examples with interpolation, merge keys and port forms',
  arbitrary() {
    const seeds = formatSeeds('compose', (p) => /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/.test(p));
    const options = { ...YAML_MUTATION, tokens: [...YAML_MUTATION.tokens, ...TOKENS] };
    return fc.tuple(mutated(seeds, options), DOTENV).map(([compose, env]) => ({ 'compose.yaml': compose, '.env': env }));
  },
  run: (files) => scanFiles(files),
  check: (files, outcome) => ({ violations: scanViolations(files, outcome), counters: { findings: outcome.findings.length } }),
});
