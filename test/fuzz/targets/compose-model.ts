// docker-compose files as a repository model source: mutated compose examples and Compose's own tokens,
// with a .env beside them, read into a model fragment and analysed. Nothing may throw, every evidence line
// and location must point inside the compose file, and a literal secret's value never reaches the model.

import fc from 'fast-check';
import { analyze } from '../../../src/model/engine/analyze.js';
import { composeFragment } from '../../../src/model/repository/compose-source.js';
import { mergeFragments } from '../../../src/model/repository/merge.js';
import type { ModelFragment, RepositoryNote } from '../../../src/model/repository/types.js';
import { ArchitectureSchema } from '../../../src/model/schema/architecture.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { locationViolations, type ReportedLocation } from '../harness/locations.js';
import { defineTarget, type Violation } from '../harness/target.js';

const SECRET = 'Zq8vLw3nRt6yKp2m';
const TOKENS = [
  'services:\n', '  db:\n', '    image: mariadb:11.4\n', '    image: localstack/localstack\n', '    image: nginx\n', '    build: ./api\n', '    ports:\n', '      - "3306:3306"\n', '      - "127.0.0.1:5432:5432"\n',
  '      - "${BIND}:80:80"\n', '    environment:\n', '      - DB_HOST=db\n', `      DB_PASSWORD: ${SECRET}\n`, '      API_URL: http://api:3000\n', '      REDIS_URL: rediss://cache:6380\n', '      DATABASE_URL: postgres://u:${PW}@db:5432/x?sslmode=require\n',
  '    depends_on:\n      - db\n', '    depends_on:\n      db:\n        condition: service_healthy\n', '    links: [db:database]\n', '    networks: [front, back]\n', 'networks:\n  front:\n  back:\n',
  '    network_mode: host\n', '    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n', '    privileged: true\n', '    user: root\n', '${', '$$', '<<: *base\n', 'x-base: &base\n',
];
const DOTENV = fc.array(fc.constantFrom('PW=secret', 'BIND=0.0.0.0', 'BIND=127.0.0.1', 'export A="x y"', '# c', '=', 'E'), { maxLength: 5 }).map((l) => l.join('\n'));

interface Run {
  fragment: ModelFragment | undefined;
  notes: RepositoryNote[];
  threats: number;
}

export default defineTarget<Record<string, string>, Run>({
  name: 'compose-model',
  description: 'docker-compose files read into a repository model: mutated examples with ports, networks, URLs and secrets; evidence inside the file, no secret values',
  arbitrary() {
    const seeds = formatSeeds('compose', (p) => /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/.test(p));
    const options = { ...YAML_MUTATION, tokens: [...YAML_MUTATION.tokens, ...TOKENS] };
    return fc.tuple(mutated(seeds, options), DOTENV).map(([compose, env]) => ({ 'compose.yaml': compose, '.env': env }));
  },
  run(files) {
    const notes: RepositoryNote[] = [];
    const all = new Map(Object.keys(files).map((rel) => [rel, { rel, abs: rel, size: files[rel]!.length }]));
    const fragment = composeFragment('compose.yaml', files['compose.yaml']!, { all, read: (f) => files[f.rel], note: (n) => notes.push(n) });
    if (!fragment) return { fragment, notes, threats: 0 };
    const merged = mergeFragments([fragment]);
    const model = ArchitectureSchema.parse({ ...merged, name: 'fuzz', origin: { format: 'repository' } });
    return { fragment, notes, threats: analyze(model).threats.length };
  },
  check(files, run) {
    const locations: ReportedLocation[] = run.notes.filter((n) => n.line !== undefined).map((n) => ({ file: n.file, what: `${n.level} note`, line: n.line!, message: n.message }));
    const items = [...(run.fragment?.elements ?? []), ...(run.fragment?.flows ?? [])];
    for (const item of items) {
      if (item.location) locations.push({ file: item.location.file, what: 'model item', line: item.location.line, message: item.id });
      for (const e of item.evidence ?? []) locations.push({ file: e.file, what: 'evidence', line: e.line, message: e.says });
    }
    const violations: Violation[] = locationViolations({ 'compose.yaml': files['compose.yaml']! }, locations);
    if (run.fragment && JSON.stringify(run.fragment.elements).includes(SECRET)) {
      violations.push({ property: 'secret-masked', message: 'a literal secret value reached the model', signature: 'secret-in-model' });
    }
    return { violations, counters: { elements: run.fragment?.elements.length ?? 0, threats: run.threats } };
  },
});
