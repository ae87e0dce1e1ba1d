import type { ModelBuilder } from './builder.js';
import type { SourceLine } from './mermaid-flowchart.js';
export function parseProse(_lines: SourceLine[], _b: ModelBuilder): void {}
