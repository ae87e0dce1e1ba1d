// Seeds for the formats read since Terraform: every rule example of the format, the matching files of the
// bundled examples, and the shared corpus's snippets of the format when it is present.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../../../src/analyze/rules/index.js';
import type { FormatId } from '../../../src/core/formats.js';
import { filesUnder, handSeeds } from './seeds.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'trivy-checks.json');

export function formatSeeds(format: FormatId, accept: (path: string) => boolean): string[] {
  const out = filesUnder(['examples', 'test/fixtures'], accept);
  for (const rule of builtinRules) {
    const examples = rule.examples[format];
    if (examples) out.push(...examples.good, ...examples.bad.map((b) => b.code));
  }
  const corpusPath = process.env.BULWARK_CORPUS ?? CORPUS;
  if (existsSync(corpusPath)) {
    const corpus = JSON.parse(readFileSync(corpusPath, 'utf8')) as { checks: { format: string; good: string[]; bad: string[] }[] };
    for (const check of corpus.checks) if (check.format === format) out.push(...check.good, ...check.bad);
  }
  try {
    out.push(...handSeeds(format));
  } catch {
    // no hand-written seeds for this format
  }
  return [...new Set(out)];
}
