// Terraform snippets from the shared Trivy checks corpus, read at run time (never copied into the repository).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CorpusSnippet {
  name: string;
  text: string;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_PATH = join(repoRoot, '..', 'shared', 'corpus', 'trivy-checks.json');

interface CorpusCheck {
  id?: string;
  format?: string;
  good?: string[];
  bad?: string[];
}

/** Every Terraform snippet, or undefined when the corpus file is absent. */
export function loadTerraformSnippets(path: string = CORPUS_PATH): CorpusSnippet[] | undefined {
  if (!existsSync(path)) return undefined;
  const data = JSON.parse(readFileSync(path, 'utf8')) as { checks?: CorpusCheck[] };
  const out: CorpusSnippet[] = [];
  for (const check of data.checks ?? []) {
    if (check.format !== 'terraform') continue;
    for (const [kind, list] of [['good', check.good], ['bad', check.bad]] as const) {
      (list ?? []).forEach((text, i) => out.push({ name: `${check.id ?? '?'} ${kind}[${i}]`, text }));
    }
  }
  return out;
}
