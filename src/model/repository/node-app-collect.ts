// What the readers of one application gather before it is put together: the facts in the shape of the
// report, and the places where middleware is registered and routes are declared, for the authentication
// pass that judges each route.

import { findSecrets } from '../../analyze/secrets/detectors.js';
import { mask } from '../../analyze/secrets/patterns.js';
import type { ModuleIndex, Range } from './node-app-module.js';
import * as tokens from './node-app-tokens.js';
import type { Tokens } from './node-app-tokens.js';
import type { Evidence, NodeApp, NodeFramework } from './node-app-types.js';
import type { Workspace } from './node-app-values.js';

// Bound once: the scanners call these for every token, and a module namespace's live bindings cost a lookup each time.
const { tokText } = tokens;

export interface UseSite {
  mod: ModuleIndex;
  tok: number;
  /** The object `use` was called on (`app`, `router`), as written. */
  receiver: string;
  prefix?: string;
  args: Range[];
}

export interface RouteSite {
  mod: ModuleIndex;
  tok: number;
  receiver: string;
  method: string;
  path: string;
  /** Middleware and handler arguments after the path. */
  args: Range[];
}

type Facts = Omit<NodeApp, 'dir' | 'name' | 'kind' | 'framework' | 'entries' | 'summary' | 'routes'>;

export interface Collector extends Facts {
  ws: Workspace;
  uses: UseSite[];
  routeSites: RouteSite[];
  frameworks: Set<NodeFramework>;
  /** Files that create a server or listen. */
  serverFiles: Set<string>;
}

export function newCollector(ws: Workspace): Collector {
  return {
    ws, uses: [], routeSites: [], frameworks: new Set(), serverFiles: new Set(),
    ports: [], auth: [], cors: [], securityHeaders: [], rateLimits: [], bodyLimits: [], validation: [], sql: [], clients: [], secrets: [], logging: [], audit: [], env: [],
  };
}

/** Evidence for tokens `[from, to)` of a module: its file, the first token's line, and the code, on one line and short. */
export function evidence(mod: ModuleIndex, from: number, to = from + 1, says?: string): Evidence {
  const { t } = mod;
  const s = t.start[Math.min(from, t.count - 1)] ?? 0;
  const e = t.end[Math.min(Math.max(to - 1, from), t.count - 1)] ?? s;
  return { file: mod.file, line: mod.line(s), says: says ?? shorten(t.text.slice(s, e)) };
}

export function shorten(code: string, max = 120): string {
  if (max !== 120) return shortened(code, max);
  // The same statement written in many handlers is searched for secrets once.
  let one = shortCode.get(code);
  if (one === undefined) {
    if (shortCode.size >= MAX_SHORT_CODES) shortCode.clear();
    shortCode.set(code, (one = shortened(code, max)));
  }
  return one;
}
const shortCode = new Map<string, string>();
const MAX_SHORT_CODES = 50_000;

/** Drops the remembered statements (they hold on to the text of the files they were cut from). */
export function forgetShortCode(): void {
  shortCode.clear();
}

function shortened(code: string, max: number): string {
  const one = redact(code).replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** What every secret the detectors find contains: a word that names one, a URL, or a long run of key characters. */
const MAY_HOLD_SECRET = /pass|pwd|secret|token|key|credential|auth|:\/\/|[A-Za-z0-9_+/=-]{16}/i;

/** Code with every secret in it masked, so evidence never shows one in clear. */
export function redact(code: string): string {
  if (!MAY_HOLD_SECRET.test(code)) return code;
  let out = code;
  for (const s of findSecrets(code, { code: true }).reverse()) out = out.slice(0, s.start) + mask(s.secret) + out.slice(s.end);
  return out;
}

/** The arguments of a call whose `(` is at `open` and whose `)` is before `close`: each argument's tokens. */
export function splitArgs(t: Tokens, open: number, close: number): Range[] {
  const out: Range[] = [];
  let from = open + 1;
  for (let j = open + 1; j < close - 1; j++) {
    if (t.match[j]! >= 0) {
      // Over nested brackets at once, so a call's arguments cost their top-level tokens only.
      j = Math.min(t.match[j]!, close - 1);
      continue;
    }
    if (t.end[j]! - t.start[j]! === 1 && t.text.charCodeAt(t.start[j]!) === 44) {
      if (j > from) out.push({ start: from, end: j });
      from = j + 1;
    }
  }
  if (close - 1 > from) out.push({ start: from, end: close - 1 });
  return out;
}
