// The attack surface of each component of a repository model: how it is exposed (published ports, an
// Ingress, a public endpoint), what reaches it (its entry flows and the routes its code serves), and the
// open threats that apply to it, worst first. Read from the model's evidence and the report's threats.

import { SEVERITIES } from '../../core/types.js';
import type { Threat, ThreatReport } from '../engine/types.js';

type Md = (text: string) => string;

/** A route line the application readers write: `POST /orders runs with no authentication`. */
const ROUTE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ALL|ANY|USE) (\/\S*)/i;
const THREATS_NAMED = 5;
const ROUTES_NAMED = 8;

export function attackSurfaceLines(report: ThreatReport, md: Md): string[] {
  const names = new Map(report.model.elements.map((e) => [e.id, e.name]));
  const exposure = new Map(report.attackSurfaces.map((s) => [s.element, s]));
  const threatsOf = new Map<string, Threat[]>();
  for (const t of report.threats) {
    // A flow's threats belong to the component it enters; a component's own threats to it.
    const owner = t.flows.length ? t.elements[t.elements.length - 1] : t.elements[0];
    if (owner === undefined) continue;
    const list = threatsOf.get(owner);
    if (list) list.push(t);
    else threatsOf.set(owner, [t]);
  }
  const incomingOf = new Map<string, ThreatReport['model']['flows']>();
  for (const f of report.model.flows) {
    const list = incomingOf.get(f.target);
    if (list) list.push(f);
    else incomingOf.set(f.target, [f]);
  }
  const out: string[] = [];
  for (const e of report.model.elements) {
    if (e.kind === 'actor') continue;
    const incoming = incomingOf.get(e.id) ?? [];
    // One entry per route, marked open when any line says it runs without authentication.
    const routeOpen = new Map<string, boolean>();
    for (const x of e.evidence ?? []) {
      const m = ROUTE.exec(x.says);
      if (!m) continue;
      const key = `${m[1]!.toUpperCase()} ${m[2]}`;
      routeOpen.set(key, (routeOpen.get(key) ?? false) || /no authentication|is public/.test(x.says));
    }
    const routes = [...routeOpen].map(([route, open]) => `${route}${open ? ' (open)' : ''}`);
    const threats = (threatsOf.get(e.id) ?? []).sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    if (!incoming.length && !threats.length && !exposure.get(e.id)?.internetFacing) continue;
    const surface = exposure.get(e.id);
    // The line that exposes it (a published port, an Ingress), else how the engine judged it.
    const shown = (e.evidence ?? []).find((x) => x.prop === 'internetFacing' && x.value === true);
    const why = shown ? `${shown.file}:${shown.line}: ${shown.says}` : surface?.exposure;
    const exposed = surface?.internetFacing ? `internet-facing${why ? ` (${md(why)})` : ''}` : 'internal';
    const entries = incoming.map((f) => `${md(names.get(f.source) ?? f.source)}${f.protocol ? ` (${md(f.protocol)}${f.port !== undefined ? `:${f.port}` : ''})` : ''}`);
    out.push(`- **${md(e.name)}** (${e.kind}): ${exposed}`);
    out.push(`  - Entry points: ${entries.length ? entries.join(', ') : 'none drawn'}`);
    if (routes.length) out.push(`  - Routes: ${md(routes.slice(0, ROUTES_NAMED).join(', '))}${routes.length > ROUTES_NAMED ? `, and ${routes.length - ROUTES_NAMED} more` : ''}`);
    if (threats.length) {
      const named = threats.slice(0, THREATS_NAMED).map((t) => `${md(t.title)} (${t.severity})`);
      out.push(`  - Threats: ${named.join('; ')}${threats.length > THREATS_NAMED ? `; and ${threats.length - THREATS_NAMED} more` : ''}`);
    }
  }
  return out.length ? [...out, ''] : ['No component has entry points or open threats.', ''];
}
