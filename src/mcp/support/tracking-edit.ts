// Records one decision in a tracking file's text (`bulwark-threats.yaml`), keeping every other entry, the
// comments and the order as they are: the file is reviewed in pull requests, so an edit changes only its lines.

import { isMap, parseDocument, type Document, type YAMLMap } from 'yaml';
import { parseTracking, TRACKING_FILE_VERSION } from '../../model/tracking/tracking.js';
import type { ThreatStatus } from '../../model/engine/types.js';

export interface DecisionUpdate {
  status: ThreatStatus;
  justification?: string | undefined;
  owner?: string | undefined;
  expires?: string | undefined;
  title?: string | undefined;
}

/** The file's text with `id`'s decision set: fields given replace the entry's, fields not given are kept. */
export function setDecision(existing: string | undefined, id: string, update: DecisionUpdate): string {
  // The tracking module's reader refuses a file of an unknown version; its warnings do not stop an edit.
  if (existing?.trim()) parseTracking(existing);
  const doc: Document = existing?.trim() ? parseDocument(existing) : parseDocument(`version: ${TRACKING_FILE_VERSION}\nthreats: {}\n`);
  if (doc.errors.length) throw new Error(`the tracking file is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new Error('the tracking file must be a mapping with `version` and `threats`');
  if (!doc.has('version')) doc.set('version', TRACKING_FILE_VERSION);
  let threats = doc.get('threats', true);
  if (!isMap(threats)) {
    threats = doc.createNode({});
    doc.set('threats', threats);
  }
  const map = threats as YAMLMap;
  map.flow = false;
  const found: unknown = map.get(id, true);
  let decision: YAMLMap;
  if (isMap(found)) decision = found;
  else {
    decision = doc.createNode({}) as YAMLMap;
    map.set(id, decision);
  }
  decision.flow = false;
  decision.set('status', update.status);
  for (const key of ['justification', 'owner', 'expires', 'title'] as const) {
    const value = update[key];
    if (value !== undefined) decision.set(key, value);
  }
  if (!existing?.trim()) {
    doc.commentBefore =
      ' Bulwark threat decisions: set status to mitigated, accepted or false-positive with a justification,\n' +
      ' an owner and optionally an expiry date (YYYY-MM-DD). Ids are stable across runs.';
  }
  return doc.toString();
}
