// Facts read from a module's literals and imports rather than its calls: SQL statements and how they are
// built, hard-coded secrets (masked), environment variables, API-key and security headers, audit calls,
// and the validation, logging and query-builder libraries a module imports.

import { findSecrets } from '../../analyze/secrets/detectors.js';
import { mask } from '../../analyze/secrets/patterns.js';
import { evidence, redact, shorten, type Collector } from './node-app-collect.js';
import { exprEnd, type ModuleIndex } from './node-app-module.js';
import * as tokens from './node-app-tokens.js';
import type { Tokens } from './node-app-tokens.js';
import { envAt, evaluate, strings } from './node-app-values.js';

// Bound once: the scanners call these for every token, and a module namespace's live bindings cost a lookup each time.
const { closeOf, isPunct, isPunctCode, isWord, stringValue, Tok, tokText } = tokens;

const VALIDATION = new Set(['joi', '@hapi/joi', 'zod', 'express-validator', 'celebrate', 'yup', 'ajv', 'class-validator', '@sinclair/typebox', 'superstruct', 'valibot', 'fastest-validator', 'express-joi-validation', 'io-ts']);
const LOGGING = new Set(['winston', 'pino', 'pino-http', 'morgan', 'bunyan', 'log4js', 'express-winston', 'koa-logger', 'signale', 'loglevel', 'nestjs-pino', '@fastify/request-context']);
const QUERY_BUILDERS = new Set(['knex', 'sequelize', 'typeorm', '@prisma/client', 'drizzle-orm', 'objection', '@mikro-orm/core', 'kysely', 'bookshelf', 'sql-template-strings', 'slonik']);
/** A statement: `SELECT … FROM`, `INSERT INTO`, `UPDATE x SET`, `DELETE FROM`. */
const SQL = /^\s*(?:select\s[\s\S]*?\bfrom\b|insert\s+(?:ignore\s+)?into\s|update\s+[\w.`"[\]]+\s+set\s|delete\s+from\s|replace\s+into\s|merge\s+into\s)/i;
const PLACEHOLDER = /\?|\$\d|(?<![:\w]):[A-Za-z_]\w*|@[A-Za-z_]\w*/;
/** Data from the request: Express's `req.params/query/body/headers/cookies`, Koa's `ctx.request`, Fastify's `request.body`. */
const REQUEST_DATA = /\b(?:req|request|ctx)\s*\.\s*(?:params|query|body|headers|cookies|request|param\s*\()/;
const SECURITY_HEADERS = /^(strict-transport-security|content-security-policy|x-frame-options|x-content-type-options|referrer-policy|permissions-policy|cross-origin-(opener|embedder|resource)-policy)$/i;
const API_KEY_HEADER = /^(x-)?api[-_]?key$|^x-auth-token$/i;

export function scanText(c: Collector, mod: ModuleIndex, fixture: boolean): void {
  const { t } = mod;
  for (const site of mod.importSites) {
    const ev = () => evidence(mod, site.tok, site.tok + 1, `import '${site.module}'`);
    if (VALIDATION.has(site.module)) c.validation.push({ library: site.module, evidence: ev() });
    else if (LOGGING.has(site.module)) c.logging.push({ library: site.module, evidence: ev() });
    else if (QUERY_BUILDERS.has(site.module)) c.sql.push({ kind: 'query-builder', evidence: { ...ev(), says: `query builder ${site.module}` } });
  }
  const seenEnv = new Set(c.env.map((e) => e.name));
  for (let i = 0; i < t.count; i++) {
    const k = t.kind[i];
    if (k === Tok.Str || k === Tok.Template) readLiteral(c, mod, i);
    else if (k === Tok.Ident && !isPunctCode(t, i - 1, 46)) {
      const env = envAt(mod, i);
      if (env) {
        if (!seenEnv.has(env.name)) {
          seenEnv.add(env.name);
          const fallback = isPunct(t, env.end, '||') || isPunct(t, env.end, '??') ? strings(evaluate(c.ws, mod, { start: env.end + 1, end: exprEnd(t, env.end + 1) }))[0] : undefined;
          const secretName = /pass|pwd|secret|token|key|credential/i.test(env.name);
          c.env.push({ name: env.name, ...(fallback !== undefined ? { fallback: secretName ? mask(fallback) : redact(fallback) } : {}), evidence: evidence(mod, i, env.end) });
        }
        i = env.end - 1;
      } else if (namesAudit(t, i) && isCallAhead(mod, i)) {
        c.audit.push(evidence(mod, i, closeOf(t, callOpen(mod, i))));
      }
    }
  }
  for (const s of findSecrets(t.text, { code: true, fixture })) {
    const line = mod.line(s.start);
    c.secrets.push({ kind: s.kind, masked: mask(s.secret), evidence: { file: mod.file, line, says: `${s.kind} = ${mask(s.secret)}` } });
  }
}

const AUDIT = [97, 117, 100, 105, 116];

/** Whether identifier `i` contains `audit` in any case (`auditLog`, `AUDIT`), read in place: this runs for every name. */
function namesAudit(t: Tokens, i: number): boolean {
  const { text } = t;
  const end = t.end[i]! - AUDIT.length;
  // `c | 32` folds an ASCII capital to its small letter and maps nothing else onto a small letter.
  for (let s = t.start[i]!; s <= end; s++) {
    let k = 0;
    while (k < AUDIT.length && (text.charCodeAt(s + k) | 32) === AUDIT[k]) k++;
    if (k === AUDIT.length) return true;
  }
  return false;
}

/** The `(` of a call starting at identifier `i` (`audit(`, `auditLog.write(`), or -1. */
function callOpen(mod: ModuleIndex, i: number): number {
  const { t } = mod;
  let j = i + 1;
  while ((isPunct(t, j, '.') || isPunct(t, j, '?.')) && t.kind[j + 1] === Tok.Ident) j += 2;
  return isPunct(t, j, '(') ? j : -1;
}

function isCallAhead(mod: ModuleIndex, i: number): boolean {
  return callOpen(mod, i) >= 0 && !isWord(mod.t, i - 1, 'function') && !isWord(mod.t, i + 1, 'function');
}

function readLiteral(c: Collector, mod: ModuleIndex, i: number): void {
  const { t } = mod;
  // A literal of fewer than 4 characters between its quotes says nothing read here: not sliced at all.
  if (t.end[i]! - t.start[i]! < 5) return;
  const raw = tokText(t, i);
  const isTemplate = t.kind[i] === Tok.Template;
  const value = isTemplate ? raw.slice(1, -1) : stringValue(t, i);
  if (value.length < 4) return;
  if (!isTemplate) {
    // Reads of an API-key header (`req.headers['x-api-key']`, `req.get('x-api-key')`) and headers set by hand.
    if (API_KEY_HEADER.test(value) && (isPunct(t, i - 1, '[') || isPunct(t, i - 1, '(')) && /^(headers|header|get)$/.test(tokText(t, i - 2))) {
      c.auth.push({ kind: 'api-key', evidence: evidence(mod, i - 4 >= 0 ? i - 4 : i, i + 2) });
    }
    if (SECURITY_HEADERS.test(value) && isPunct(t, i - 1, '(') && /^(setHeader|set|header)$/.test(tokText(t, i - 2))) {
      c.securityHeaders.push({ library: `${value} header`, evidence: evidence(mod, i - 2, i + 3) });
    }
    if (/^access-control-allow-origin$/i.test(value) && isPunct(t, i - 1, '(') && isPunct(t, i + 1, ',') && t.kind[i + 2] === Tok.Str && stringValue(t, i + 2) === '*') {
      c.cors.push({ origin: 'any', origins: ['*'], evidence: evidence(mod, i - 2, i + 4) });
    }
  }
  if (!SQL.test(value.replace(/\$\{[^}]*\}/g, 'x'))) return;
  const interpolations = isTemplate ? raw.match(/\$\{[^}]*\}/g) ?? [] : [];
  let spliced = interpolations.join(' ');
  // `'SELECT … WHERE id = ' + req.params.id`: the operands joined to the statement.
  let j = i + 1;
  for (; isPunct(t, j, '+') && j < t.count; ) {
    const end = exprEndPlus(mod, j + 1);
    const operand = t.text.slice(t.start[j + 1] ?? 0, t.end[end - 1] ?? 0);
    if (!(end === j + 2 && t.kind[j + 1] === Tok.Str)) spliced += ` ${operand}`;
    j = end;
  }
  if (spliced.trim()) {
    c.sql.push({ kind: 'concatenated', requestData: REQUEST_DATA.test(spliced), evidence: evidence(mod, i, j, shorten(t.text.slice(t.start[i]!, t.end[j - 1]!))) });
  } else if (PLACEHOLDER.test(value) && isPunct(t, i + 1, ',')) {
    c.sql.push({ kind: 'parameterised', evidence: evidence(mod, i, i + 1) });
  }
}

/** The end of one operand of `+`: up to the next `+` at depth 0 or the end of the expression. */
function exprEndPlus(mod: ModuleIndex, i: number): number {
  const { t } = mod;
  const end = exprEnd(t, i);
  for (let j = i; j < end; j++) {
    if (t.match[j]! >= 0) j = Math.min(t.match[j]!, end);
    else if (j > i && isPunct(t, j, '+')) return j;
  }
  return Math.max(end, i + 1);
}
