// Roles a diagram implies but does not say, for kinds that were guessed: a third party's system drawn outside
// every boundary, and apps that run on people's devices.

import { DATA_HOLDING_KINDS } from '../schema/architecture.js';
import type { ElementDraft, FlowDraft } from './build-drafts.js';

/** Names of apps people run: "Subsonic app", "Funkwhale for Android", "desktop client". */
const CLIENT_APP = /\b(?:apps?|applications?|clients?|android|ios|iphone|ipad|mobile|desktop)\W*$|\bfor (?:android|ios|iphone|ipad|mobile|desktop|windows|macos|linux)\b/i;

/** Server-side web frameworks: an app written with these renders on our servers. */
const SERVER_RENDERED = /\b(?:django|rails|jsp|php|server[- ]rendered|ssr|templates?|asp\.net|thymeleaf|jinja|laravel|spring mvc)\b/i;

/** Who calls each element, and which elements call anything: read once from the flows for both inferences. */
function callGraph(elements: ReadonlyMap<string, ElementDraft>, flows: readonly FlowDraft[]) {
  const callers = new Map<string, ElementDraft[]>();
  const calls = new Set<string>();
  const callsStore = new Set<string>();
  for (const f of flows) {
    calls.add(f.sourceKey);
    if (f.bidirectional) calls.add(f.targetKey);
    if (DATA_HOLDING_KINDS.has(elements.get(f.targetKey)?.kind ?? 'process')) callsStore.add(f.sourceKey);
    const source = elements.get(f.sourceKey);
    if (!source) continue;
    const list = callers.get(f.targetKey);
    if (list) list.push(source);
    else callers.set(f.targetKey, [source]);
  }
  return { callers, calls, callsStore };
}

/**
 * "European Central Bank rates API" drawn outside every trust boundary and only called from inside them is a
 * third party's system, not a service of ours: its calls get third-party threats, not impersonation ones.
 */
export function inferExternalSystems(elements: ReadonlyMap<string, ElementDraft>, flows: readonly FlowDraft[], hasBoundaries: boolean): void {
  if (!hasBoundaries) return;
  const { callers, calls } = callGraph(elements, flows);
  for (const [key, e] of elements) {
    if (e.kind !== 'process' || e.boundaryKey !== undefined || calls.has(key)) continue;
    const from = callers.get(key) ?? [];
    if (!from.length || !from.every((c) => c.boundaryKey !== undefined && c.kind !== 'actor')) continue;
    e.kind = 'external-system';
    e.inferredFrom = `outside every trust boundary and only called from inside them, so taken as a third party's system; if it is ours, draw it inside its boundary or set its kind in a YAML model (--format yaml)`;
  }
}

/**
 * "Subsonic app", "Funkwhale for Android": an app only people use, which calls our services, runs on their
 * devices: a client, not a service of ours that receives server-side threats.
 */
export function inferClientApps(elements: ReadonlyMap<string, ElementDraft>, flows: readonly FlowDraft[]): void {
  const { callers, calls, callsStore } = callGraph(elements, flows);
  for (const [key, e] of elements) {
    if ((e.kind !== 'process' && e.kind !== 'web-app') || !CLIENT_APP.test(e.name) || !calls.has(key) || callsStore.has(key)) continue;
    if (SERVER_RENDERED.test(`${e.technology ?? ''} ${e.description ?? ''}`)) continue;
    const from = callers.get(key) ?? [];
    if (!from.length || !from.every((c) => c.kind === 'actor')) continue;
    e.kind = 'web-app';
    // Said in words the engine reads, so that an exported model keeps it.
    e.description = e.description ? `${e.description}\nruns on users' devices` : `runs on users' devices`;
    e.inferredFrom = `an app only people use, calling the system's services: taken as a client running on their devices; if it is a server of ours, set its kind in a YAML model (--format yaml)`;
  }
}
