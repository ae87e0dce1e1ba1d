// What the Python scanners gather for one application while they read its modules, and the evidence they
// cite: a line of a file and the code, shortened, with any secret in it masked.

import { findSecrets } from '../../analyze/secrets/detectors.js';
import { mask } from '../../analyze/secrets/patterns.js';
import type { AppFactLists, Evidence, NodeFramework } from './node-app-types.js';
import type { PyModule, PyWorkspace } from './python-module.js';

export interface PyCollector extends AppFactLists {
  ws: PyWorkspace;
  frameworks: Set<NodeFramework>;
  serverFiles: Set<string>;
  debug: Evidence[];
  /** Route handlers (`file#token of the def name`) and the parameters that carry request data. */
  handlers: Map<string, Set<string>>;
  /** Where the body of a request is read (`request.get_json()`, `request.form`): the first one. */
  bodyRead?: Evidence;
}

export function newCollector(ws: PyWorkspace): PyCollector {
  return {
    ws, frameworks: new Set(), serverFiles: new Set(), ports: [], routes: [], auth: [], cors: [], securityHeaders: [], rateLimits: [], bodyLimits: [],
    validation: [], sql: [], clients: [], secrets: [], logging: [], audit: [], env: [], debug: [], handlers: new Map(),
  };
}

/** Evidence for tokens [from, to) of a module: their line and their code. */
export function pyEvidence(mod: PyModule, from: number, to: number, says?: string): Evidence {
  const { t } = mod;
  const last = Math.max(0, t.count - 1);
  const s = t.start[Math.min(Math.max(from, 0), last)] ?? 0;
  const e = t.end[Math.min(Math.max(to - 1, from, 0), last)] ?? s;
  return { file: mod.file, line: mod.line(s), says: says ?? shorten(t.text.slice(s, Math.max(s, e))) };
}

export function shorten(code: string, max = 120): string {
  // Only the head is shown: redact a bounded prefix, so a call spanning a whole file costs no more than a line.
  const one = redact(code.length > 8 * max ? code.slice(0, 8 * max) : code).replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const MAY_HOLD_SECRET = /pass|pwd|secret|token|key|credential|auth|:\/\/|[A-Za-z0-9_+/=-]{16}/i;

/** Code with every secret in it masked, so evidence never shows one in clear. */
export function redact(code: string): string {
  if (!MAY_HOLD_SECRET.test(code)) return code;
  let out = code;
  for (const s of findSecrets(code, { code: true }).reverse()) out = out.slice(0, s.start) + mask(s.secret) + out.slice(s.end);
  // `config['SECRET_KEY'] = '…'`: a secret-named key's literal, which the detectors (reading names) do not see.
  out = out.replace(/(\[\s{0,20}['"][\w.-]{0,60}(?:pass|pwd|secret|token|key|credential)[\w.-]{0,60}['"]\s{0,20}\]\s{0,20}=\s{0,20})(['"])([^'"\n]{1,300})\2/gi, (_, head: string, q: string, value: string) => `${head}${q}${mask(value)}${q}`);
  // A URL's password, whatever the detectors make of it.
  return out.replace(/([a-z][a-z0-9+.-]{0,20}:\/\/[^:@/\s'"]{0,200}:)([^@/\s'"]{1,200})@/gi, (_, head: string, pw: string) => `${head}${mask(pw)}@`);
}

/** The last name of a dotted name: `flask_login.login_required` → `login_required`. */
export const lastName = (dotted: string): string => dotted.slice(dotted.lastIndexOf('.') + 1);
