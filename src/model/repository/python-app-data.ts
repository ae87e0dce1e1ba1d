// What a Python application does with data: SQL and how it is built (`%`, f-strings, `+`, `.format(` are
// concatenation; `execute("… %s", (x,))` is parameterised; ORMs are query builders), whether request data
// flows into a concatenated statement, the validation and logging libraries it uses, audit calls,
// environment reads and hard-coded credentials (masked).

import { findSecrets } from '../../analyze/secrets/detectors.js';
import { mask } from '../../analyze/secrets/patterns.js';
import { lastName, pyEvidence, shorten, type PyCollector } from './python-app-collect.js';
import type { PyModule } from './python-module.js';
import { isName, isOp, lineIndexFrom, logicalLineAt, PyTok, strParts, strValue, tokText } from './python-tokens.js';
import { envRead, evaluate } from './python-values.js';

const VALIDATION: Record<string, string> = {
  marshmallow: 'marshmallow', wtforms: 'wtforms', flask_wtf: 'flask-wtf', cerberus: 'cerberus', jsonschema: 'jsonschema', voluptuous: 'voluptuous',
  webargs: 'webargs', flask_pydantic: 'flask-pydantic', flask_expects_json: 'flask-expects-json', 'rest_framework.serializers': 'DRF serializers', 'django.forms': 'django forms',
};
const LOGGING: Record<string, string> = { logging: 'logging', structlog: 'structlog', loguru: 'loguru', logbook: 'logbook' };
const ORMS: Record<string, string> = {
  sqlalchemy: 'SQLAlchemy', flask_sqlalchemy: 'Flask-SQLAlchemy', sqlmodel: 'SQLModel', 'django.db.models': 'Django ORM', peewee: 'peewee', tortoise: 'Tortoise ORM', pony: 'Pony ORM',
};
const SQL = /^\s*(?:select\s[\s\S]*?\bfrom\b|insert\s+(?:ignore\s+)?into\s|update\s+[\w.`"[\]]+\s+set\s|delete\s+from\s|replace\s+into\s)/i;
const PLACEHOLDER = /%s|%\(\w+\)s|\?|(?<![:\w]):[A-Za-z_]\w*|\$\d/;
/** Flask's `request.args/form/json`, Django's `request.GET/POST`, DRF's `request.data`, Starlette's `request.query_params`. */
const REQUEST_DATA = /\brequest\s*\.\s*(?:args|form|json|values|data|get_json|files|cookies|headers|view_args|GET|POST|body|query_params|path_params)\b/;
const SECRET_SUBSCRIPT = /^(?:SECRET_KEY|JWT_SECRET_KEY|\w*PASSWORD\w*|\w*API_KEY|\w*_TOKEN|\w*SECRET)$/i;
const PLACEHOLDER_VALUE = /^(?:|x+|\*+|changeme|change[-_]?me|todo|secret|password|your[-_\w]*|\w*example\w*|dummy|test|dev|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\})$/i;

export function scanData(c: PyCollector, mod: PyModule): void {
  const { t } = mod;
  for (const site of mod.importSites) {
    const top = site.module.split('.')[0]!;
    const parent = site.module.slice(0, Math.max(0, site.module.lastIndexOf('.')));
    // The package named, at the line that imports it: `from rest_framework import serializers` names rest_framework.serializers.
    const at = (what: string) => pyEvidence(mod, site.tok, site.tok + 1, `import ${what}`);
    const v = VALIDATION[site.module] ? site.module : VALIDATION[top] ? top : undefined;
    if (v) c.validation.push({ library: VALIDATION[v]!, evidence: at(v) });
    if (LOGGING[top]) c.logging.push({ library: LOGGING[top]!, evidence: at(top) });
    const orm = ORMS[site.module] ? site.module : ORMS[top] ? top : ORMS[parent] && parent !== 'django.db' ? parent : undefined;
    if (orm) c.sql.push({ kind: 'query-builder', evidence: at(`${orm} (${ORMS[orm]})`) });
  }
  // pydantic models taken by a handler, or validated by hand.
  const models = new Set(mod.defs.filter((d) => d.kind === 'class' && d.open >= 0 && /\bBaseModel\b|\bSchema\b/.test(t.text.slice(t.start[d.open]!, t.end[d.close]!))).map((d) => d.name));
  for (const call of mod.calls) {
    const name = lastName(call.written);
    if (/^(?:model_validate|model_validate_json|parse_obj|parse_raw)$/.test(name)) c.validation.push({ library: 'pydantic', evidence: pyEvidence(mod, call.tok, call.close + 1) });
  }
  const taint: Handler[] = [];
  for (const def of mod.defs) {
    const params = c.handlers.get(`${mod.file}#${def.tok}`);
    if (!params) continue;
    if (def.open >= 0 && models.size) {
      const sig = t.text.slice(t.start[def.open]!, t.end[def.close]!);
      const model = [...models].find((m) => new RegExp(`:\\s*${m}\\b`).test(sig));
      if (model) c.validation.push({ library: 'pydantic', evidence: pyEvidence(mod, def.tok - 1, def.close + 1, `def ${def.name}(…: ${model})`) });
    }
    taint.push({ tok: def.tok, bodyEnd: def.bodyEnd, names: tainted(mod, def.close + 1, def.bodyEnd, params) });
  }
  const auditLoggers = new Set<string>();
  for (const [name, assigns] of mod.assigns) {
    const a = assigns[0]!;
    const text = t.text.slice(t.start[a.start]!, t.end[a.end - 1]!);
    if (/getLogger\s*\(\s*['"][^'"]*audit/i.test(text)) auditLoggers.add(name);
  }
  const seenEnv = new Set(c.env.map((e) => e.name));
  for (let i = 0; i < t.count; i++) {
    const k = t.kind[i];
    if (k === PyTok.Str) {
      let j = i;
      while (t.kind[j + 1] === PyTok.Str) j++;
      readSql(c, mod, i, j + 1, taint);
      secretSubscript(c, mod, i);
      i = j;
      continue;
    }
    if (k !== PyTok.Name || isOp(t, i - 1, '.')) continue;
    let j = i;
    while (isOp(t, j + 1, '.') && isName(t, j + 2)) j += 2;
    const written = t.text.slice(t.start[i]!, t.end[j]!).replace(/\s+/g, '');
    const env = envRead(mod, written, j, t.count);
    if (env) {
      if (!seenEnv.has(env.name)) {
        seenEnv.add(env.name);
        const fallback = env.fallback ? evaluate(c.ws, mod, env.fallback.start, env.fallback.end).strings[0] : undefined;
        const secretName = /pass|pwd|secret|token|key|credential/i.test(env.name);
        c.env.push({ name: env.name, ...(fallback !== undefined ? { fallback: secretName ? mask(fallback) : shorten(fallback) } : {}), evidence: pyEvidence(mod, i, env.to) });
      }
    } else if (!c.bodyRead && /^request\.(?:get_json|json|form|files|data|POST|body)$/.test(written)) {
      c.bodyRead = pyEvidence(mod, i, j + 1);
    } else if (isOp(t, j + 1, '(') && !isName(t, i - 1, 'def') && !isName(t, i - 1, 'class')) {
      const head = written.split('.')[0]!;
      if (/audit/i.test(written) || (auditLoggers.has(head) && written.includes('.'))) c.audit.push(pyEvidence(mod, i, t.match[j + 1]! > j ? t.match[j + 1]! + 1 : j + 2));
    }
    i = j;
  }
  for (const s of findSecrets(t.text, { code: true })) {
    const line = mod.line(s.start);
    c.secrets.push({ kind: s.kind, masked: mask(s.secret), evidence: { file: mod.file, line, says: `${s.kind} = ${mask(s.secret)}` } });
  }
}

/** `app.config['SECRET_KEY'] = 'literal'`: a credential the detectors, reading assignments to names, do not see. */
function secretSubscript(c: PyCollector, mod: PyModule, i: number): void {
  const { t } = mod;
  if (!isOp(t, i - 1, '[') || !isOp(t, i + 1, ']') || !isOp(t, i + 2, '=') || t.kind[i + 3] !== PyTok.Str) return;
  const key = strValue(t, i);
  if (!SECRET_SUBSCRIPT.test(key) || strParts(t, i + 3).prefix.includes('f')) return;
  const value = strValue(t, i + 3);
  if (value.length < 6 || PLACEHOLDER_VALUE.test(value)) return;
  c.secrets.push({ kind: key, masked: mask(value), evidence: { file: mod.file, line: mod.line(t.start[i]!), says: `${key} = ${mask(value)}` } });
}

/** The names inside a handler that hold request data: its data parameters and what is assigned from request data. */
function tainted(mod: PyModule, from: number, to: number, params: ReadonlySet<string>): Set<string> {
  const { t } = mod;
  const names = new Set(params);
  for (let li = lineIndexFrom(t, from); li < t.lines.length && t.lines[li]!.first < to; li++) {
    const line = t.lines[li]!;
    if (line.first < from) continue;
    if (!isName(t, line.first) || !isOp(t, line.first + 1, '=')) continue;
    const text = t.text.slice(t.start[line.first + 2] ?? 0, t.end[line.end - 1] ?? 0);
    if (REQUEST_DATA.test(text) || mentions(text, names)) names.add(tokText(t, line.first));
  }
  return names;
}

function mentions(text: string, names: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(/[A-Za-z_]\w*/g)) if (names.has(m[0])) return true;
  return false;
}

/** A SQL statement in string tokens [i, end): how it is built and whether request data is spliced in. */
function readSql(c: PyCollector, mod: PyModule, i: number, end: number, taint: readonly Handler[]): void {
  const { t } = mod;
  let value = '';
  let fstring = false;
  const interpolations: string[] = [];
  for (let j = i; j < end; j++) {
    const { prefix, body } = strParts(t, j);
    if (prefix.includes('f')) {
      fstring = true;
      for (const m of body.matchAll(/\{([^{}]{1,200})\}/g)) interpolations.push(m[1]!);
      value += body.replace(/\{[^{}]*\}/g, 'x');
    } else value += strValue(t, j);
  }
  if (value.length < 8 || !SQL.test(value)) return;
  let spliced = interpolations.join(' ');
  let to = end;
  if (isOp(t, end, '%') || isOp(t, end, '+') || (isOp(t, end, '.') && isName(t, end + 1, 'format') && isOp(t, end + 2, '('))) {
    // The operand: up to the end of the expression (a `,` or `)` at this depth, or the end of the line).
    const line = logicalLineAt(t, end);
    const stop = line?.end ?? t.count;
    let k = end + 1;
    for (; k < stop && !isOp(t, k, ',') && !isOp(t, k, ')') && !isOp(t, k, ']'); k = t.match[k]! > k ? t.match[k]! + 1 : k + 1);
    spliced += ` ${t.text.slice(t.start[end + 1] ?? 0, t.end[Math.max(end + 1, k - 1)] ?? 0)}`;
    to = k;
  } else if (isOp(t, i - 1, '+')) spliced += ' +';
  const statement = t.text.slice(t.start[i]!, t.end[to - 1]!);
  if (spliced.trim() || (fstring && interpolations.length)) {
    const def = enclosingHandler(i, taint);
    const requestData = REQUEST_DATA.test(spliced) || (def !== undefined && mentions(spliced, def));
    c.sql.push({ kind: 'concatenated', requestData, evidence: pyEvidence(mod, i, to, shorten(statement)) });
  } else if (PLACEHOLDER.test(value) && isOp(t, end, ',')) {
    c.sql.push({ kind: 'parameterised', evidence: pyEvidence(mod, i, end) });
  }
}

interface Handler {
  tok: number;
  bodyEnd: number;
  /** Names that hold request data in its body. */
  names: Set<string>;
}

function enclosingHandler(i: number, taint: readonly Handler[]): Set<string> | undefined {
  let best: Handler | undefined;
  for (const h of taint) if (h.tok < i && i < h.bodyEnd && (!best || h.tok > best.tok)) best = h;
  return best?.names;
}
