// Dockerfiles: mutated rule examples, corpus snippets and the bundled examples, with Dockerfile tokens (line
// continuations, heredocs, flags, JSON forms, parser directives). Nothing may throw, and every finding and
// diagnostic must point inside the file.

import { scanFiles, scanViolations, type ScanOutcome } from '../checks/scan-outcome.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { mutated } from '../gen/mutate.js';
import { defineTarget } from '../harness/target.js';

const TOKENS = [
  'FROM ', 'FROM scratch\n', 'FROM node:latest AS build\n', 'FROM build\n', ' AS ', 'RUN ', 'RUN <<EOF\n', 'EOF\n', '\\\n', '`\n', '# escape=`\n', '# syntax=docker/dockerfile:1\n',
  'USER ', 'USER root\n', 'COPY --from=build ', 'ADD ', 'ADD --checksum=sha256:00 ', 'ENV ', 'ARG ', 'EXPOSE 22\n', 'EXPOSE 99999\n', 'CMD ["a", "b"]\n', 'ENTRYPOINT ',
  'HEALTHCHECK ', 'WORKDIR ', 'ONBUILD ', 'SHELL ["/bin/sh", "-c"]\n', 'apt-get install ', 'apk add ', 'yum install ', 'curl https://x | sh', '&& ', '|| ', ';', '"', "'", '[', ']', '=', '$', '${A:-b}',
];

export default defineTarget<Record<string, string>, ScanOutcome>({
  name: 'dockerfile',
  description: 'Dockerfiles (stages, heredocs, continuations, flags, JSON forms): mutated rule examples and corpus snippets',
  arbitrary() {
    const seeds = formatSeeds('dockerfile', (p) => /(^|\/)Dockerfile[^/]*$/.test(p));
    // Up to 256 KB: larger Dockerfiles take the parser over the fuzzer's time limit (and over 1 MB are not read).
    return mutated(seeds, { tokens: TOKENS, nesting: [['[', ']'], ['${', '}'], ['<<EOF\n', '\nEOF\n']], maxLength: 256 * 1024 }).map((text) => ({ Dockerfile: text }));
  },
  run: (files) => scanFiles(files),
  check: (files, outcome) => ({ violations: scanViolations(files, outcome), counters: { findings: outcome.findings.length } }),
});
