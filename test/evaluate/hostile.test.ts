// Hostile Terraform through the evaluator: each input was built to hang, crash or exhaust the scan
// (test/hostile/terraform-inputs.ts). Each test asserts what a limit leaves: a value, an honest unknown,
// and a warning that names the limit. Sizes are kept small enough to run fast; they still exceed every limit.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, value } from '../../src/evaluate/terraform/view.js';
import { byAddress, evaluateMemory } from './helpers.js';
import { collectionBombs, localChain, manyCountedResources, manyCountedRoots, moduleFanOut, regexBomb, resourceChain } from '../hostile/terraform-inputs.js';
import { scanFiles } from '../fuzz/checks/scan-outcome.js';

const codes = (diagnostics: readonly { code?: string }[]) => diagnostics.map((d) => d.code);

test('a module fanned out ten ways six levels deep stops at the per-root instance limit, with an instance-limit warning', () => {
  const { project, diagnostics } = evaluateMemory(moduleFanOut(6, 10));
  const limit = diagnostics.filter((d) => d.code === 'instance-limit');
  assert.equal(limit.length, 1);
  assert.match(limit[0]!.message, /more resource and module instances than the limit of 10,000/);
  assert.match(limit[0]!.message, /module\.l1\[\d\]\.module\.l2\[\d\]/);
  // Leaves were still evaluated and checked, up to the limit.
  assert.ok(project.resources.length > 1000 && project.resources.length < 10_000);
  assert.equal(value(project.resources[0]!.body, 'bucket'), 'root-0-0-0-0-0-0');
});

test('counted resources past the per-root instance limit: the first are evaluated, the rest are named in one warning', () => {
  const { project, diagnostics } = evaluateMemory(manyCountedResources(2, 6_000));
  assert.equal(project.resources.length, 10_000);
  const limit = diagnostics.filter((d) => d.code === 'instance-limit');
  assert.equal(limit.length, 1);
  assert.match(limit[0]!.message, /2,000 instances were not evaluated.*aws_security_group\.r1 \(2,000 of 6,000\)/);
  assert.equal(limit[0]!.location?.range.start.line, 8, 'the warning points at the count of r1, which went over');
  assert.equal(value(byAddress(project, 'aws_s3_bucket.r0[5999]').body, 'bucket'), 'data-0-5999');
});

test('root modules of a scan share its limit on counted instances, each warning with its share', () => {
  // Thirty tiny roots of count = 10000 asked for 300,000 buckets, and took 52 s and 4 GB before crashing.
  const { findings, diagnostics } = scanFiles(manyCountedRoots(30, 10_000));
  const limit = diagnostics.filter((d) => d.code === 'instance-limit');
  assert.equal(limit.length, 30);
  assert.match(limit[0]!.message, /share of the scan's limit: 333 of the 10,000 instances made by count and for_each that 30 root modules share: 9,666 instances were not evaluated/);
  // Each root evaluated and checked its first bucket and its share: a finding of one rule on each.
  const ruleId = findings[0]!.ruleId;
  assert.equal(findings.filter((f) => f.ruleId === ruleId).length, 30 * 334);
  // One root alone has the whole per-root limit.
  const one = scanFiles(manyCountedRoots(1, 10_000));
  assert.deepEqual(one.diagnostics.filter((d) => d.code === 'instance-limit'), []);
  assert.equal(one.findings.filter((f) => f.ruleId === ruleId).length, 10_000);
});

test('a chain of 10,000 locals is evaluated in dependency order, without exhausting the stack', () => {
  const { project, diagnostics } = evaluateMemory(localChain(10_000));
  assert.deepEqual(diagnostics, []);
  assert.equal(value(byAddress(project, 'aws_s3_bucket.chain').body, 'bucket'), 'chain-9999');
});

test('backtracking bombs in regex, regexall and replace run in linear time with RE2 semantics', () => {
  const { project, diagnostics } = evaluateMemory(regexBomb());
  assert.deepEqual(diagnostics, []);
  const bucket = byAddress(project, 'aws_s3_bucket.regex');
  // No match anywhere: replace leaves the text, regexall finds nothing.
  assert.equal(value(bucket.body, 'bucket'), `regex-${'a'.repeat(40)}!`);
  const tags = value(bucket.body, 'tags') as Record<string, unknown>;
  assert.equal(tags['All'], 0);
});

test('collection and string bombs become unknown with an evaluation-limit warning, and the resource is still read', () => {
  const { project, diagnostics } = evaluateMemory(collectionBombs());
  const bombs = byAddress(project, 'aws_s3_bucket.bombs');
  assert.equal(value(bombs.body, 'acl'), 'public-read');
  assert.ok(isUnknown(value(bombs.body, 'tags')));
  assert.ok(codes(diagnostics).includes('evaluation-limit'));
  assert.ok(diagnostics.some((d) => /collection of 10000000 elements exceeds the limit of 100000/.test(d.message)));
});

test('a chain of 1,000 resource references stops at the reference-depth limit with an evaluation-limit warning, not a stack overflow', () => {
  const { project, diagnostics } = evaluateMemory(resourceChain(1_000));
  // Read from the far end: each link waits on the one before it.
  assert.ok(isUnknown(value(byAddress(project, 'aws_s3_bucket.r999').body, 'bucket')));
  const limit = diagnostics.filter((d) => d.code === 'evaluation-limit');
  assert.equal(limit.length, 1);
  assert.match(limit[0]!.message, /references nest more than 400 levels deep/);
  // Links within the limit of the start still resolve.
  assert.equal(value(byAddress(project, 'aws_s3_bucket.r10').body, 'bucket'), 'chain');
  assert.ok(!diagnostics.some((d) => /call stack/i.test(d.message)));
});
