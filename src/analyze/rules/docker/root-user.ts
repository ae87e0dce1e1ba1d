import { defineRule } from '../../rule.js';
import { effectiveUser, type DockerInstruction } from '../../../parse/dockerfile/read.js';
import type { YamlFixContext } from '../../fix.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE, finalStage, insertLineAfter, markForInput, parseImage } from './support.js';

interface RootFix {
  /** Where a USER line goes: after the final stage's last instruction. */
  last: DockerInstruction;
  from: DockerInstruction;
  explicit: boolean;
}

const ROOT = /^(root|0)(:.*)?$/;

/** Base images published to run as an unprivileged user already (distroless :nonroot, Chainguard, Bitnami, *-unprivileged). */
export function runsUnprivileged(image: string): boolean {
  const { registry, repository, tag } = parseImage(image);
  return /(^|-)nonroot$/.test(tag ?? '') || registry === 'cgr.dev' || /^bitnami\//.test(repository) || /unprivileged/.test(repository);
}

export default defineRule({
  meta: {
    id: 'BW-DOCKER-USER-001',
    title: 'Images run as a non-root user',
    problem: 'Image runs as root',
    severity: 'high',
    stride: 'elevation-of-privilege',
    cwe: ['CWE-250'],
    compliance: DOCKER_COMPLIANCE.leastPrivilege,
    description:
      'Without a USER instruction (or with USER root) the container\'s process runs as root. Root in a container is root ' +
      'on the host kernel: a container escape, a writable host mount or a mounted Docker socket turns an application bug into ' +
      'a host compromise. The user an image runs as is its final stage\'s last USER, inherited from the stage it builds on.',
    remediation: 'Create an unprivileged user in the image and switch to it with `USER` in the final stage (a numeric UID lets Kubernetes verify runAsNonRoot).',
    provider: 'docker',
    service: 'user',
    peers: { checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'], trivy: ['AVD-DS-0002'] },
    risk: 'privilege',
    uses: ['runAsUser'],
    links: [`${DOCKERFILE_REFERENCE}#user`],
  },
  dockerfile: {
    check(file, ctx) {
      const stage = finalStage(file);
      const user = effectiveUser(file, stage);
      const last = stage.instructions[stage.instructions.length - 1]!;
      if (!user) {
        // The base of the chain of stages decides the user an image without USER runs as.
        let base = stage;
        while (base.parent !== undefined) base = file.stages[base.parent]!;
        if (runsUnprivileged(base.image)) return;
        ctx.report({ stage, message: `The image runs as root: its final stage (FROM ${stage.image}) never sets USER.`, part: 'USER', fixData: { last, from: stage.from, explicit: false } satisfies RootFix });
      } else if (ROOT.test(user.user)) {
        ctx.report({ at: user.at, stage, message: `The image runs as root: the final stage's user is ${user.user}.`, part: 'USER', fixData: { last, from: stage.from, explicit: true } satisfies RootFix });
      }
    },
  },
  fix: {
    dockerfile: (ctx: YamlFixContext<RootFix>) => {
      if (ctx.data.explicit) return { declined: 'USER root is set on purpose; switch to a user the image creates once what needs root is done' };
      const uid = ctx.defaults.runAsUser;
      if (uid === undefined) {
        const question = 'Choose the unprivileged user this image runs as and add `USER <uid>` at the end of this stage (the files it writes must belong to it), or set runAsUser in the policy';
        return { kind: 'needs-input', description: `Marks the final stage for a decision: ${question}`, question, edits: markForInput(ctx.text, ctx.data.from, question) };
      }
      return { kind: 'automatic', description: `Adds USER ${uid} (the policy's runAsUser) at the end of the final stage.`, edits: [insertLineAfter(ctx.text, ctx.data.last.end, `USER ${uid}`)] };
    },
  },
  examples: {
    dockerfile: {
      good: [
        `FROM node:20-alpine
WORKDIR /app
COPY --chown=node:node . .
RUN npm ci --omit=dev
USER node
CMD ["node", "server.js"]
`,
        `FROM golang:1.22 AS build
RUN useradd -u 10001 app
USER 10001

FROM build
CMD ["/app"]
`,
        `FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
CMD ["/app"]
`,
      ],
      bad: [
        {
          code: `FROM node:20-alpine
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
CMD ["node", "server.js"]
`,
          errors: [{ line: 1 }],
          defaults: { runAsUser: 10001 },
          output: `FROM node:20-alpine
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
CMD ["node", "server.js"]
USER 10001
`,
        },
        {
          code: `FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3
CMD ["flask", "run"]
`,
          errors: [{ line: 1 }],
          output: `# NEEDS YOUR INPUT: Choose the unprivileged user this image runs as and add \`USER <uid>\` at the end of this stage (the files it writes must belong to it), or set runAsUser in the policy
FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3
CMD ["flask", "run"]
`,
        },
        {
          code: `FROM nginx:1.27
USER root
COPY site/ /usr/share/nginx/html/
`,
          errors: [{ line: 2 }],
          output: null,
        },
      ],
    },
  },
});
