import { defineRule } from '../../rule.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-002',
    title: 'COPY --from names another stage',
    problem: 'COPY --from refers to its own stage',
    severity: 'medium',
    stride: 'tampering',
    cwe: ['CWE-1284'],
    compliance: DOCKER_COMPLIANCE.configuration,
    description: 'A stage cannot copy from itself: BuildKit then looks for an image of that name in a registry and copies from whatever it finds there.',
    remediation: 'Name the earlier stage the files come from in `--from`, or drop the flag.',
    provider: 'docker',
    service: 'build',
    peers: { trivy: ['AVD-DS-0006'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#copy---from`],
  },
  dockerfile: {
    check(file, ctx) {
      for (const copy of file.instructions.filter((i) => i.keyword === 'COPY')) {
        const from = copy.flags.find((f) => f.name === 'from')?.value;
        const stage = file.stages[copy.stage];
        if (from && stage?.name && from.toLowerCase() === stage.name.toLowerCase()) ctx.report({ at: copy, message: `COPY --from=${from} refers to the stage it is in.` });
      }
    },
  },
  noFix: 'Which stage the files should come from is the author\'s intent.',
  examples: {
    dockerfile: {
      good: [`FROM golang:1.22 AS build\nRUN go build -o /out/app ./cmd/app\n\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /out/app /app\n`],
      bad: [{ code: `FROM golang:1.22 AS build\nCOPY --from=build /out/app /app\n`, errors: [{ line: 2 }] }],
    },
  },
});
