// Dockerfiles as a repository model source: mutated Dockerfiles (rule examples, corpus snippets) with the
// tokens of stages, users, secrets and downloads, one built by a compose service with a custom `dockerfile:`
// and one no compose file names, read with the compose file into a model and analysed. Nothing may throw,
// every evidence line and location must point inside its file, and a literal secret's value never reaches
// the model.

import fc from 'fast-check';
import { analyze } from '../../../src/model/engine/analyze.js';
import { composeSource } from '../../../src/model/repository/compose-source.js';
import { dockerfileSource } from '../../../src/model/repository/dockerfile-source.js';
import { mergeFragments } from '../../../src/model/repository/merge.js';
import type { ModelFragment, RepositoryFile, RepositoryNote, SourceInput } from '../../../src/model/repository/types.js';
import { ArchitectureSchema } from '../../../src/model/schema/architecture.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { mutated } from '../gen/mutate.js';
import { locationViolations, type ReportedLocation } from '../harness/locations.js';
import { defineTarget, type Violation } from '../harness/target.js';

const SECRET = 'Zq8vLw3nRt6yKp2m';
const TOKENS = [
  'FROM ', 'FROM scratch\n', 'FROM node:20-alpine AS build\n', 'FROM build\n', 'FROM gcr.io/distroless/static-debian12:nonroot\n', 'FROM python:3.12-slim@sha256:00\n', 'FROM ${BASE}\n', 'ARG BASE=nginx:1.27\n', ' AS ',
  'USER ', 'USER root\n', 'USER 0:0\n', 'USER node\n', 'USER 10001\n', 'USER ${U}\n', `ENV DB_PASSWORD=${SECRET}\n`, `ENV API_KEY ${SECRET}\n`, `ARG NPM_TOKEN=${SECRET}\n`,
  `ADD https://deploy:${SECRET}@example.com/a.tgz?token=${SECRET} /a.tgz\n`, 'ADD --checksum=sha256:00 https://example.com/b.tgz /b\n', 'RUN curl -fsSL https://x.example | sh\n', 'RUN <<EOF\n', 'EOF\n', '\\\n',
  'EXPOSE 8080\n', 'EXPOSE 80/tcp 443\n', 'HEALTHCHECK NONE\n', 'HEALTHCHECK CMD curl -f http://localhost/\n', 'CMD ["a", "b"]\n', 'ENTRYPOINT ', 'COPY --from=build ', '"', "'", '=', '$',
];
/** The instructions that write the secret as one (a secret's name, a URL's password and token), whole and on a line of their own. */
const SECRET_PLACES = new RegExp(`(?<![\\\\\`]\\r?\\n)^(?:ENV DB_PASSWORD=${SECRET}|ENV API_KEY ${SECRET}|ARG NPM_TOKEN=${SECRET}|ADD https://deploy:${SECRET}@example\\.com/a\\.tgz\\?token=${SECRET} /a\\.tgz)$`, 'gm');
const COMPOSE = 'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.prod\n    ports:\n      - "8080:8080"\n';

interface Run {
  fragments: ModelFragment[];
  notes: RepositoryNote[];
  threats: number;
}

export default defineTarget<Record<string, string>, Run>({
  name: 'dockerfile-model',
  description: 'Dockerfiles read into a repository model, one built by a compose service: stages, users, secrets, downloads; evidence inside the files, no secret values',
  arbitrary() {
    const seeds = formatSeeds('dockerfile', (p) => /(^|\/)Dockerfile[^/]*$/.test(p));
    // Small files: the Dockerfile parser, not the model, is what larger ones exercise (the dockerfile target).
    const file = mutated(seeds, { tokens: TOKENS, nesting: [['${', '}'], ['<<EOF\n', '\nEOF\n']], maxLength: 32 * 1024 });
    return fc.tuple(file, file).map(([built, alone]) => ({ 'docker-compose.yml': COMPOSE, 'api/Dockerfile.prod': built, 'reports/Dockerfile': alone }));
  },
  run(files) {
    const notes: RepositoryNote[] = [];
    const all = new Map<string, RepositoryFile>(Object.entries(files).map(([rel, text]) => [rel, { abs: `/repo/${rel}`, rel, size: text.length }]));
    const compose = [all.get('docker-compose.yml')!];
    const input = (own: readonly RepositoryFile[]): SourceInput => ({
      files: own,
      all,
      read: (file) => files[file.rel],
      note: (n) => notes.push(n),
      filesOf: (id) => (id === 'compose' ? compose : []),
    });
    const dockerfiles = [...all.values()].filter((f) => dockerfileSource.wants(f.rel, () => ''));
    const fragments = [...composeSource.read(input(compose)).fragments, ...dockerfileSource.read(input(dockerfiles)).fragments];
    const model = ArchitectureSchema.parse({ ...mergeFragments(fragments), name: 'fuzz', origin: { format: 'repository' } });
    return { fragments, notes, threats: analyze(model).threats.length };
  },
  check(files, run) {
    const locations: ReportedLocation[] = run.notes.filter((n) => n.line !== undefined).map((n) => ({ file: n.file, what: `${n.level} note`, line: n.line!, message: n.message }));
    for (const item of run.fragments.flatMap((f) => [...f.elements, ...f.flows])) {
      if (item.location) locations.push({ file: item.location.file, what: 'model item', line: item.location.line, message: item.id });
      for (const e of item.evidence ?? []) locations.push({ file: e.file, what: 'evidence', line: e.line, message: e.says });
    }
    const violations: Violation[] = locationViolations(files, locations);
    // Mutation can leave the secret's text where nothing says it is one (`EXPOSE Zq8v…`): only a secret
    // written as one (a secret's name, a URL's credentials or token) must never reach the model.
    const asSecretOnly = Object.values(files).every((text) => !text.replace(SECRET_PLACES, '').includes(SECRET));
    if (asSecretOnly && JSON.stringify(run.fragments, (_k, v: unknown) => (v instanceof Map ? [...v] : v)).includes(SECRET)) {
      violations.push({ property: 'secret-masked', message: 'a literal secret value reached the model', signature: 'secret-in-model' });
    }
    const elements = run.fragments.reduce((n, f) => n + f.elements.length, 0);
    return { violations, counters: { elements, threats: run.threats } };
  },
});
