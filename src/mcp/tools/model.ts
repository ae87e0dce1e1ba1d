// The `model` tool: a STRIDE threat model of a design given as text, of a design file, or of a repository folder
// in the workspace, with the decisions of the workspace's tracking file applied. Returns the summary and the
// open threats a page at a time (decided ones on request).

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { SEVERITIES, STRIDE_CATEGORIES, atLeast } from '../../core/types.js';
import { INPUT_FORMATS } from '../../model/adapters/formats.js';
import type { Threat, ThreatReport } from '../../model/engine/types.js';
import { DEFAULT_TRACKING_FILE } from '../../model/tracking/tracking.js';
import { SeverityCountsSchema } from '../support/findings.js';
import { maskSecrets } from '../support/mask.js';
import { PageSchema, pageOf, pagingInput } from '../support/paging.js';
import { confinedPath, shownPath, type Workspace } from '../support/paths.js';
import { guarded, ToolRefusal, toolResult } from '../support/results.js';

/** Design text given inline; larger designs are read from a file in the workspace. */
const MAX_TEXT_CHARS = 1024 * 1024;

const inputSchema = {
  text: z.string().min(1).max(MAX_TEXT_CHARS).optional().describe('The design itself: a Mermaid or PlantUML diagram, a prose description, or a Bulwark YAML/JSON model.'),
  format: z.enum(INPUT_FORMATS as [string, ...string[]]).optional().describe('The format of text or file (default: detected from the name and content).'),
  file: z.string().min(1).max(4096).optional().describe('A design file, relative to the workspace root.'),
  dir: z.string().min(1).max(4096).optional().describe('A repository folder to model from its code and configuration, relative to the root ("." for the root).'),
  severity: z.enum(SEVERITIES).optional().describe('List only threats at or above this severity.'),
  includeDecided: z.boolean().optional().describe('Also list threats the tracking file decided (mitigated, accepted, false-positive).'),
  ...pagingInput,
};

const ThreatSummarySchema = z.object({
  id: z.string().describe('Stable id: use it with threat_status.'),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  stride: z.enum(STRIDE_CATEGORIES),
  riskScore: z.number(),
  status: z.string(),
  description: z.string(),
  elements: z.array(z.string()),
  flows: z.array(z.string()),
  mitigations: z.array(z.string()),
  verification: z.string().optional().describe('For a repository: confirmed, mitigated or unverified by its code and findings.'),
  evidence: z.array(z.string()).optional(),
  decision: z.object({ status: z.string(), justification: z.string().optional(), owner: z.string().optional(), expires: z.string().optional() }).optional(),
});

const outputSchema = {
  source: z.enum(['text', 'file', 'repository']),
  name: z.string(),
  elements: z.number().int(),
  flows: z.number().int(),
  boundaries: z.number().int(),
  counts: SeverityCountsSchema.describe('Open threats by severity.'),
  open: z.number().int(),
  decided: z.number().int(),
  mitigatedByDesign: z.number().int(),
  trackingFile: z.string().optional().describe('The tracking file whose decisions were applied.'),
  threats: z.array(ThreatSummarySchema),
  page: PageSchema,
  warnings: z.array(z.string()),
};

export function registerModelTool(server: McpServer, workspace: Workspace): void {
  server.registerTool(
    'model',
    {
      title: 'Threat-model a design or repository',
      description:
        'Run STRIDE threat modelling on a design (give exactly one of: text, a design file, or a repository dir; none models the workspace root as a repository). ' +
        'Returns the threat register summary and the open threats, worst first, a page at a time. Decisions in bulwark-threats.yaml are applied; record new ones with threat_status.',
      inputSchema,
      outputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const given = [args.text !== undefined, args.file !== undefined, args.dir !== undefined].filter(Boolean).length;
        if (given > 1) throw new ToolRefusal('give only one of text, file and dir');
        const { report: analysed, source, notes } = await analyseDesign(workspace, args);
        const { report, trackingFile } = await withTracking(workspace, analysed);
        const listed = [...report.threats, ...(args.includeDecided ? report.decided : [])].filter((t) => !args.severity || atLeast(t.severity, args.severity));
        const { items, page } = pageOf(listed.map(summarise), args);
        const structured = {
          source,
          name: report.model.name,
          elements: report.model.elements.length,
          flows: report.model.flows.length,
          boundaries: report.model.boundaries.length,
          counts: report.counts,
          open: report.threats.length,
          decided: report.decided.length,
          mitigatedByDesign: report.mitigatedByDesign.length,
          ...(trackingFile ? { trackingFile } : {}),
          threats: items,
          page,
          warnings: [...notes, ...report.warnings].slice(0, 30).map((w) => maskSecrets(w, { prose: true }).slice(0, 500)),
        };
        const c = report.counts;
        const more = page.nextCursor ? ` Showing ${page.returned} of ${page.total}; more with cursor "${page.nextCursor}".` : '';
        const text = `${report.model.name}: ${report.model.elements.length} elements, ${report.model.flows.length} flows; ${report.threats.length} open threats (${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low), ${report.decided.length} decided.${more}`;
        return toolResult(structured, text);
      }),
  );
}

interface DesignArgs {
  text?: string | undefined;
  format?: string | undefined;
  file?: string | undefined;
  dir?: string | undefined;
}

async function analyseDesign(workspace: Workspace, args: DesignArgs): Promise<{ report: ThreatReport; source: 'text' | 'file' | 'repository'; notes: string[] }> {
  const notes: string[] = [];
  if (args.text === undefined && args.file === undefined) {
    const abs = confinedPath(workspace, args.dir ?? '.');
    const { statSync } = await import('node:fs');
    if (!statSync(abs).isDirectory()) throw new ToolRefusal(`${args.dir} is not a folder: give a design file as file`);
    const { modelRepositoryFolder } = await import('../support/repository-model.js');
    return { report: await modelRepositoryFolder(abs, shownPath(workspace, abs), notes), source: 'repository', notes };
  }
  let text: string;
  let fileName: string;
  if (args.file !== undefined) {
    const abs = confinedPath(workspace, args.file);
    const { readRegularFile } = await import('../../core/regular-file.js');
    const { MAX_DESIGN_BYTES } = await import('../../model/adapters/limits.js');
    fileName = shownPath(workspace, abs);
    text = await readRegularFile(abs, { maxBytes: MAX_DESIGN_BYTES, display: fileName });
  } else {
    text = args.text!;
    fileName = args.format === 'mermaid' ? 'design.mmd' : args.format === 'plantuml' ? 'design.puml' : 'design.md';
  }
  const { readArchitecture } = await import('../../model/adapters/index.js');
  const { analyze } = await import('../../model/engine/analyze.js');
  const { VERSION } = await import('../../version.js');
  const read = readArchitecture(text, { fileName, ...(args.format ? { format: args.format as (typeof INPUT_FORMATS)[number] } : {}) });
  const refusal = read.notes.find((n) => n.level === 'error');
  if (refusal) throw new ToolRefusal(`${fileName}${refusal.line ? `:${refusal.line}` : ''}: ${refusal.message}`);
  for (const n of read.notes) if (n.level === 'warning') notes.push(`${fileName}${n.line ? `:${n.line}` : ''}: ${n.message}`);
  const report = analyze(read.model, { toolVersion: VERSION, ...(read.threats ? { importedThreats: read.threats } : {}) });
  return { report, source: args.file !== undefined ? 'file' : 'text', notes };
}

/** The report with the workspace tracking file's decisions applied, as `bulwark model` applies them. */
async function withTracking(workspace: Workspace, report: ThreatReport): Promise<{ report: ThreatReport; trackingFile?: string }> {
  const { readTrackingText } = await import('./threat-status.js');
  const tracking = await readTrackingText(workspace, DEFAULT_TRACKING_FILE);
  if (tracking.text === undefined) return { report };
  const { applyTracking, parseTracking } = await import('../../model/tracking/tracking.js');
  // An unknown file version throws: its decisions may not mean what this version reads, so none are applied.
  // Its warnings (expired, stale decisions) join the report's own.
  const outcome = applyTracking(report, parseTracking(tracking.text), new Date().toISOString().slice(0, 10));
  return { report: outcome.report, trackingFile: DEFAULT_TRACKING_FILE };
}

function summarise(t: Threat): z.infer<typeof ThreatSummarySchema> {
  return {
    id: t.id,
    title: t.title,
    severity: t.severity,
    stride: t.stride,
    riskScore: t.riskScore,
    status: t.status,
    description: maskSecrets(t.description, { prose: true }).slice(0, 2000),
    elements: t.elements.slice(0, 20),
    flows: t.flows.slice(0, 20),
    mitigations: t.mitigations.slice(0, 20),
    ...(t.verification ? { verification: t.verification.status } : {}),
    ...(t.verification?.evidence.length ? { evidence: t.verification.evidence.slice(0, 5).map((e) => maskSecrets(`${e.file}:${e.line}: ${e.says}`).slice(0, 300)) } : {}),
    ...(t.decision ? { decision: t.decision } : {}),
  };
}
