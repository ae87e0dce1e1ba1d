// The limits of the container formats: a Dockerfile over its size limit is named, not read; a manifest with a
// YAML alias bomb or nesting past the limit is a parse finding at the offending line, and the scan goes on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanFiles } from '../../src/scanners/rule-tester.js';
import { builtinRules } from '../../src/analyze/rules/index.js';
import { claimFiles } from '../../src/scanners/claim.js';
import { BUILTIN_SCANNERS } from '../../src/scanners/registry.js';
import { memorySource } from '../../src/scanners/source.js';
import { MAX_DOCKERFILE_BYTES } from '../../src/scanners/dockerfile.js';

function diagnosticsOf(files: Record<string, string>) {
  const source = memorySource(files);
  const { claimed } = claimFiles(source.files, BUILTIN_SCANNERS, (f) => files[f.rel]!.slice(0, 8192));
  return claimed.flatMap(({ scanner, files: own }) => scanner.scanSync({ source: { files: own, read: source.read }, rules: builtinRules, builtinRulesOnly: true, options: {} }).diagnostics);
}

const BOMB = `apiVersion: v1
kind: ConfigMap
metadata:
  name: lol
data:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
`;

describe('limits of the container formats', () => {
  it('a Dockerfile over its size limit is named as too large, not read', () => {
    const big = `FROM node:20\n${'RUN echo hello\n'.repeat(Math.ceil(MAX_DOCKERFILE_BYTES / 15) + 10)}`;
    const d = diagnosticsOf({ Dockerfile: big }).find((x) => x.code === 'file-too-large');
    assert.ok(d && /Dockerfile/.test(d.message), 'file-too-large names the file');
  });

  it('a YAML alias bomb is a parse finding, and the other documents and files are still scanned', () => {
    const started = performance.now();
    const findings = scanFiles(builtinRules, { 'bomb.yaml': BOMB, 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    - name: c\n      image: nginx:1.27\n' });
    assert.ok(performance.now() - started < 5000);
    const parse = findings.find((f) => f.ruleId === 'BW-PARSE-001');
    assert.match(parse!.message, /aliases expand to more than/);
    assert.ok(findings.some((f) => f.ruleId === 'BW-K8S-POD-006' && f.location.file === 'pod.yaml'));
  });

  it('nesting past the limit is a parse finding, not a stack overflow', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const findings = scanFiles(builtinRules, { 'deep.yaml': deep });
    assert.ok(findings.some((f) => f.ruleId === 'BW-PARSE-001' && /nests deeper/.test(f.message)));
  });
});
