// Design documents kept in the repository: Mermaid and PlantUML diagrams (files, or fenced in Markdown)
// and Bulwark YAML models. Each is read as `bulwark model <file>` reads it; prose (a README without a
// diagram) is too loose to merge with what the code shows, so it is noted, not read.

import { detectFormat, readArchitecture } from '../adapters/index.js';
import type { Architecture, Evidence } from '../schema/architecture.js';
import { emptyFragment, type ModelFragment, type RepositorySource } from './types.js';

const DIAGRAM = /\.(?:mmd|mermaid|puml|plantuml|pu|iuml)$/i;
const MARKDOWN = /\.(?:md|markdown)$/i;
const MODEL = /(?:^|\/)(?:[^/]+\.bulwark\.ya?ml|bulwark-model\.ya?ml)$/i;
/** Markdown that draws a diagram, by its first bytes. */
const FENCE = /^[ \t]*(?:```|~~~)[ \t]*(?:mermaid|plantuml|puml)\b/im;

export const designSource: RepositorySource = {
  id: 'design',
  label: 'design document',
  wants: (rel, head) => DIAGRAM.test(rel) || MODEL.test(rel) || (MARKDOWN.test(rel) && FENCE.test(head())),
  read(input) {
    const fragments: ModelFragment[] = [];
    const read: string[] = [];
    for (const file of input.files) {
      const text = input.read(file);
      if (text === undefined) continue;
      const format = MODEL.test(file.rel) ? 'yaml' : detectFormat(file.rel, text);
      if (format === 'prose') {
        input.note({ level: 'info', file: file.rel, message: 'Markdown without a Mermaid or PlantUML diagram: prose is not merged into the repository model' });
        continue;
      }
      const result = readArchitecture(text, { fileName: file.rel, format });
      const refused = result.notes.find((n) => n.level === 'error');
      if (refused) {
        input.note({ level: 'warning', file: file.rel, ...(refused.line ? { line: refused.line } : {}), message: `design not merged: ${refused.message}` });
        continue;
      }
      for (const n of result.notes) if (n.level === 'warning') input.note({ level: 'warning', file: file.rel, ...(n.line ? { line: n.line } : {}), message: n.message });
      fragments.push(designFragment(result.model, file.rel));
      read.push(file.rel);
    }
    return { fragments, read };
  },
};

/** The design's model with every location naming its file, and each element and flow evidenced by its line. */
export function designFragment(model: Architecture, file: string): ModelFragment {
  const fragment = emptyFragment();
  const drawn = (line: number | undefined, what: string): Evidence[] => (line ? [{ file, line, says: `drawn in the design: ${what}` }] : []);
  for (const e of model.elements) {
    const location = e.location ? { ...e.location, file: e.location.file ?? file } : undefined;
    fragment.elements.push({ ...e, ...(location ? { location } : {}), evidence: [...(e.evidence ?? []), ...drawn(location?.line, `${e.name} (${e.kind})`)] });
  }
  for (const f of model.flows) {
    const location = f.location ? { ...f.location, file: f.location.file ?? file } : undefined;
    fragment.flows.push({ ...f, ...(location ? { location } : {}), evidence: [...(f.evidence ?? []), ...drawn(location?.line, `${f.source} → ${f.target}${f.label ? ` (${f.label})` : ''}`)] });
  }
  for (const b of model.boundaries) fragment.boundaries.push(b.location ? { ...b, location: { ...b.location, file: b.location.file ?? file } } : b);
  fragment.dataAssets.push(...model.dataAssets);
  if (model.name && model.name !== 'Untitled system') fragment.name = model.name;
  return fragment;
}
