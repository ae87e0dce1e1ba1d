// Fixes of Kubernetes manifests, compose files and Dockerfiles on mutated inputs, with a policy giving the
// values fixes write (limits, a UID). Whatever the input, a fix never throws, a YAML file it edits parses
// again whenever the original parsed, and fixing the result again changes nothing.

import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { builtinRules } from '../../../src/analyze/rules/index.js';
import { fixFilesSync, type FixedFiles } from '../../../src/fix/in-memory.js';
import { formatSeeds } from '../gen/format-seeds.js';
import { YAML_MUTATION } from '../gen/model-tokens.js';
import { mutated } from '../gen/mutate.js';
import { defineTarget, type Violation } from '../harness/target.js';

const DEFAULTS = { runAsUser: 10001, containerResources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } } };
const FILES = { kubernetes: 'deploy.yaml', compose: 'compose.yaml', dockerfile: 'Dockerfile' } as const;
type Format = keyof typeof FILES;

const yamlErrors = (text: string) => parseAllDocuments(text).flatMap((d) => (Array.isArray(d) ? [] : d.errors)).length;

export default defineTarget<{ format: Format; text: string }, FixedFiles>({
  name: 'fix-containers',
  description: 'bulwark fix on mutated Kubernetes, compose and Dockerfiles: no throw, YAML still parses, a second fix changes nothing',
  arbitrary() {
    const yaml = (format: Format) => mutated(formatSeeds(format, (p) => /\.ya?ml$/.test(p)), YAML_MUTATION).map((text) => ({ format, text }));
    // Kept under 64 KB: the Dockerfile parser needs about a second per 300 KB, and a fix scans the file four times.
    const docker = mutated(formatSeeds('dockerfile', (p) => /Dockerfile$/.test(p)), { tokens: ['USER root\n', 'ADD a b\n', 'RUN apt-get install x\n', 'MAINTAINER x\n', '\\\n'], nesting: [['[', ']']], maxLength: 64 * 1024 });
    return fc.oneof(yaml('kubernetes'), yaml('compose'), docker.map((text) => ({ format: 'dockerfile' as const, text })));
  },
  run: ({ format, text }) => fixFilesSync(builtinRules, { [FILES[format]]: text }, DEFAULTS),
  check({ format, text }, out) {
    const violations: Violation[] = [];
    const file = FILES[format];
    const fixed = out.files[file]!;
    if (format !== 'dockerfile' && fixed !== text && yamlErrors(text) === 0 && yamlErrors(fixed) > 0) {
      violations.push({ property: 'fix-parses', message: `a verified fix left ${file} unparsable`, signature: `fix:parse:${format}` });
    }
    const applied = new Set(out.changes.flatMap((c) => c.fixes.map((f) => f.rule)));
    if (fixed !== text && fixFilesSync([...applied], { [file]: fixed }, DEFAULTS).files[file] !== fixed) {
      violations.push({ property: 'fix-stable', message: `applying the same fixes to the fixed ${file} changed it again`, signature: `fix:stable:${format}` });
    }
    return { violations, counters: { edited: fixed !== text ? 1 : 0 } };
  },
});
