// Mermaid C4 diagrams (C4Context, C4Container, C4Component, C4Deployment, C4Dynamic) → architecture.

import type { ModelBuilder } from './builder.js';
import { handleC4Line } from './c4.js';
import type { SourceLine } from './source.js';

export function parseMermaidC4(lines: readonly SourceLine[], builder: ModelBuilder): void {
  const stack: string[] = [];
  const ctx = { builder, currentBoundary: () => stack[stack.length - 1], pushBoundary: (key: string) => void stack.push(key) };
  for (const { text, line } of lines) {
    const t = text.trim();
    if (!t || t.startsWith('%%') || /^C4(?:Context|Container|Component|Dynamic|Deployment)\b/.test(t)) continue;
    const title = /^title\s+(.*)$/.exec(t);
    if (title) {
      builder.name ??= title[1]!.trim();
      continue;
    }
    if (/^(?:accTitle|accDescr)\b/.test(t)) continue;
    if (t === '}') {
      if (stack.pop() === undefined) builder.note('warning', 'unmatched "}" ignored', line);
      continue;
    }
    if (!handleC4Line(t, line, ctx)) builder.note('warning', `not understood: ${t.slice(0, 80)}`, line);
  }
  if (stack.length > 0) builder.note('warning', `${stack.length} boundary block(s) not closed`);
}
