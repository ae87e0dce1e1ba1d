import { defineRule } from '../../rule.js';
import type { DockerInstruction } from '../../../parse/dockerfile/read.js';
import type { YamlFixContext } from '../../fix.js';
import { DOCKER_COMPLIANCE, DOCKERFILE_REFERENCE } from './support.js';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;
const URL = /^(https?|git):\/\/|^git@/i;

export default defineRule({
  meta: {
    id: 'BW-DOCKER-BUILD-001',
    title: 'COPY is used for local files, and remote files are verified',
    problem: 'ADD used where COPY does, or to fetch an unverified URL',
    severity: 'low',
    stride: 'tampering',
    cwe: ['CWE-494'],
    compliance: DOCKER_COMPLIANCE.integrity,
    description:
      'ADD does more than copy: it unpacks archives and downloads URLs. For a local file that surprise is a risk (a file ' +
      'renamed to .tar is unpacked into the image); for a URL the download is not verified unless `--checksum` pins it, so ' +
      'whoever controls that server controls the image.',
    remediation: 'Use COPY for local files; for remote files use `ADD --checksum=sha256:…` or download with curl and verify the checksum.',
    provider: 'docker',
    service: 'build',
    peers: { checkov: ['CKV_DOCKER_4'], trivy: ['AVD-DS-0005'] },
    risk: 'protection',
    links: [`${DOCKERFILE_REFERENCE}#add`],
  },
  dockerfile: {
    check(file, ctx) {
      for (const add of file.instructions.filter((i) => i.keyword === 'ADD')) {
        const sources = add.words.filter((w) => !w.startsWith('--')).slice(0, -1);
        const remote = sources.filter((s) => URL.test(s));
        if (remote.length) {
          if (!add.flags.some((f) => f.name === 'checksum')) ctx.report({ at: add, message: `ADD downloads ${remote[0]} without --checksum: the file is not verified.` });
          continue;
        }
        const local = sources.filter((s) => !ARCHIVE.test(s));
        if (local.length) ctx.report({ at: add, message: `ADD copies ${local.join(', ')}, which COPY does without unpacking surprises.`, fixData: add });
      }
    },
  },
  fix: {
    dockerfile: (ctx: YamlFixContext<DockerInstruction>) => ({
      kind: 'automatic',
      description: 'Replaces ADD with COPY for local files that are not archives (the result is the same).',
      edits: [{ start: ctx.data.start, end: ctx.data.start + 3, text: ctx.text.slice(ctx.data.start, ctx.data.start + 3) === 'add' ? 'copy' : 'COPY' }],
    }),
  },
  examples: {
    dockerfile: {
      good: [`FROM alpine:3.20\nADD vendor/tools.tar.gz /opt/tools/\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/app.tar.gz /tmp/\nCOPY app.jar /app/app.jar\nUSER 10001\n`],
      bad: [
        {
          code: `FROM eclipse-temurin:21-jre\nADD target/app.jar /app/app.jar\nADD https://example.com/agent.jar /app/agent.jar\nUSER 10001\n`,
          errors: [{ line: 2 }, { line: 3 }],
          output: `FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app/app.jar\nADD https://example.com/agent.jar /app/agent.jar\nUSER 10001\n`,
        },
      ],
    },
  },
});
