// What both application readers (Node.js, Python) do the same way with the facts they gathered: each fact
// once, and the summary of an application's security posture.

import type { AppFactLists, Evidence, NodeApp, NodeAppSummary } from './node-app-types.js';

/** Facts once each: the same evidence (file, line, code) read twice (a chained call) is one fact. */
export function dedupeFacts<T extends { evidence: Evidence }>(items: T[]): T[] {
  // Grouped by file and line (cheap keys, no string built per fact); the rest of a fact is written out only
  // when another fact of the same line was seen before.
  const byFile = new Map<string, Map<number, { item: T; rest?: string }[]>>();
  const restOf = (item: T) => JSON.stringify({ ...item, evidence: undefined });
  return items.filter((item) => {
    const { file, line, says } = item.evidence;
    let byLine = byFile.get(file);
    if (!byLine) byFile.set(file, (byLine = new Map()));
    const earlier = byLine.get(line);
    if (!earlier) {
      byLine.set(line, [{ item }]);
      return true;
    }
    let rest: string | undefined;
    for (const e of earlier) {
      if (e.item.evidence.says !== says) continue;
      if ((e.rest ??= restOf(e.item)) === (rest ??= restOf(item))) return false;
    }
    earlier.push({ item, ...(rest !== undefined ? { rest } : {}) });
    return true;
  });
}

/** The first of the items with the same key. */
export function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The gathered lists, each fact once; a reader may say how some lists are made unique (one entry per mechanism). */
export function factLists(c: AppFactLists, overrides: Partial<AppFactLists> = {}): AppFactLists {
  return {
    ports: dedupeFacts(c.ports),
    routes: dedupeFacts(c.routes),
    auth: dedupeFacts(c.auth),
    cors: dedupeFacts(c.cors),
    securityHeaders: dedupeFacts(c.securityHeaders),
    rateLimits: dedupeFacts(c.rateLimits),
    bodyLimits: dedupeFacts(c.bodyLimits),
    validation: dedupeFacts(c.validation),
    sql: dedupeFacts(c.sql),
    clients: dedupeFacts(c.clients),
    secrets: dedupeFacts(c.secrets),
    logging: dedupeFacts(c.logging),
    audit: dedupeFacts(c.audit.map((evidence) => ({ evidence }))).map((a) => a.evidence),
    env: c.env,
    ...overrides,
  };
}

const CORS_ORDER: NodeAppSummary['cors'][] = ['any', 'reflect', 'unknown', 'custom', 'configured', 'restricted'];

/**
 * The application's posture in one line each. `routesAuthenticate`: every route being authenticated counts
 * as authentication even with no mechanism named (the Node.js reader judges routes that way).
 */
export function summariseApp(app: Omit<NodeApp, 'summary'>, options: { routesAuthenticate: boolean }): NodeAppSummary {
  const parsers = app.bodyLimits;
  return {
    authentication: app.auth.length > 0 || (options.routesAuthenticate && app.routes.length > 0 && app.routes.every((r) => r.authenticated)),
    unauthenticatedRoutes: app.routes.filter((r) => !r.authenticated).length,
    tls: app.ports.some((p) => p.tls),
    cors: app.cors.length ? (CORS_ORDER.find((o) => app.cors.some((p) => p.origin === o)) ?? 'unknown') : 'none',
    helmet: app.securityHeaders.length > 0,
    rateLimit: app.rateLimits.length > 0,
    bodyLimit: !parsers.length ? 'none' : parsers.some((p) => !p.limit) ? 'default' : 'set',
    validation: app.validation.length > 0,
    sqlConcatenation: app.sql.some((q) => q.kind === 'concatenated'),
    hardcodedSecrets: app.secrets.length,
    logging: app.logging.length > 0,
    audit: app.audit.length > 0,
  };
}
