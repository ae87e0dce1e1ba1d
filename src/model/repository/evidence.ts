// Evidence lines: where in which file the model found something, in words.

import type { Element, Evidence } from '../schema/architecture.js';
import type { LineIndex } from './lines.js';

export interface EvidenceSite {
  file: string;
  lines: LineIndex;
}

export function evidenceAt(site: EvidenceSite, offset: number, says: string, decided?: { prop: string; value: boolean | string | number }): Evidence {
  const found: Evidence = { file: site.file, line: site.lines.lineAt(offset), says };
  return decided ? { ...found, prop: decided.prop, value: decided.value } : found;
}

/** States a property with the line that decides it; an earlier statement of the same property is kept. */
export function stateProp(element: Element, prop: keyof Element['props'], value: boolean, evidence: Evidence): void {
  const list = (element.evidence ??= []);
  list.push({ ...evidence, prop, value });
  if (element.props[prop] === undefined || (value === true && prop !== 'internetFacing')) element.props[prop] = value;
}

export function addEvidence(item: { evidence?: Evidence[] }, evidence: Evidence): void {
  (item.evidence ??= []).push(evidence);
}
