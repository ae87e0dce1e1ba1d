// The threat report: the stable, versioned result of STRIDE analysis behind every model report.
// Declared with zod so the exported JSON Schema and the TypeScript types cannot drift apart.

import { z } from 'zod';
import { COMPLIANCE_FRAMEWORKS } from '../../core/compliance.js';
import { RiskSchema } from '../../core/scan-schema.js';
import { SEVERITIES, STRIDE_CATEGORIES } from '../../core/types.js';
import { LIKELIHOODS, PATTERNS } from '../knowledge/types.js';
import { ArchitectureSchema, EvidenceSchema, SourceRefSchema } from '../schema/architecture.js';
import { IMPORTED_THREAT_FORMATS, type ImportedThreat } from '../schema/imported-threat.js';
import { RepositorySourcesSchema } from '../schema/repository-sources.js';

/** Bump on any breaking change to the report's JSON form. */
export const THREAT_REPORT_VERSION = 1;

export const THREAT_STATUSES = ['open', 'mitigated', 'accepted', 'false-positive'] as const;
export type ThreatStatus = (typeof THREAT_STATUSES)[number];

const ComplianceRefSchema = z.object({
  framework: z.enum(COMPLIANCE_FRAMEWORKS),
  control: z.string(),
});

export const DecisionSchema = z.object({
  status: z.enum(THREAT_STATUSES),
  justification: z.string().optional(),
  owner: z.string().optional(),
  /** ISO date (YYYY-MM-DD) after which the decision lapses and the threat is open again. */
  expires: z.string().optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** The pattern of threats a design file already held (Threat Dragon, OTM) rather than a rule derived. */
export const IMPORTED_PATTERN = 'imported';

/** Where a threat the design file already held came from, with the file's own fields, written back on export. */
export const ThreatOriginSchema = z.object({
  format: z.enum(IMPORTED_THREAT_FORMATS),
  /** The threat's id in the file. */
  id: z.string(),
  /** Its type and threat model as the file writes them ("Linkability", "LINDDUN"). */
  type: z.string().optional(),
  modelType: z.string().optional(),
  status: z.string().optional(),
  severity: z.string().optional(),
  score: z.string().optional(),
  /** The file's mitigation text (Bulwark's own mitigations are ids in `mitigations`). */
  mitigation: z.string().optional(),
  /** The threat object exactly as the file holds it. */
  original: z.record(z.string(), z.unknown()),
});
export type ThreatOrigin = z.infer<typeof ThreatOriginSchema>;

/** What the repository's code, configuration and auditor findings say about a threat. */
export const THREAT_VERIFICATIONS = ['confirmed', 'mitigated', 'unverified'] as const;
export const VerificationSchema = z.object({
  /** `confirmed`: lines or findings show the weakness; `mitigated`: lines show the control; `unverified`: the design alone implies it. */
  status: z.enum(THREAT_VERIFICATIONS),
  /** The lines that decide it, and the auditor findings behind it (`rule` set). */
  evidence: z.array(EvidenceSchema),
});
export type Verification = z.infer<typeof VerificationSchema>;

export const ThreatSchema = z.object({
  /** Stable across runs: rule id + element id, or rule id + `source->target` for flows. */
  id: z.string(),
  ruleId: z.string(),
  pattern: z.enum([...PATTERNS, IMPORTED_PATTERN]),
  stride: z.enum(STRIDE_CATEGORIES),
  title: z.string(),
  description: z.string(),
  severity: z.enum(SEVERITIES),
  likelihood: z.enum(LIKELIHOODS),
  /** 0–10: severity weight × exploitability × data sensitivity, as `risk.score` (see docs/threat-model.md). */
  riskScore: z.number().min(0).max(10),
  /** The score's factors, each with its reason: the auditor's, so findings and threats of the same weight score the same. */
  risk: RiskSchema,
  /** Why severity or likelihood moved from the rule's base (sensitive data, internet exposure, partial controls). */
  adjustments: z.array(z.string()),
  elements: z.array(z.string()),
  flows: z.array(z.string()),
  locations: z.array(SourceRefSchema),
  mitigations: z.array(z.string()),
  cwe: z.array(z.string()),
  capec: z.array(z.string()),
  compliance: z.array(ComplianceRefSchema),
  /** Controls in the design that remove this threat; non-empty only in `mitigatedByDesign`. */
  suppressedBy: z.array(z.string()),
  /** Threats a stated control removed and this one remains of (JWT authentication leaves token validation). */
  replaces: z.array(z.string()).optional(),
  status: z.enum(THREAT_STATUSES),
  decision: DecisionSchema.optional(),
  /** For models inferred from a repository: whether its code, configuration and findings confirm the threat. */
  verification: VerificationSchema.optional(),
  /** Set on threats the design file already held: Bulwark read them, it did not derive them. */
  origin: ThreatOriginSchema.optional(),
});
export type Threat = z.infer<typeof ThreatSchema>;

export const FlowCrossingSchema = z.object({
  flow: z.string(),
  display: z.string(),
  boundaries: z.array(z.string()),
  fromInternet: z.boolean(),
  encrypted: z.boolean().optional(),
  authenticated: z.boolean().optional(),
});
export type FlowCrossing = z.infer<typeof FlowCrossingSchema>;

export const AttackSurfaceSchema = z.object({
  element: z.string(),
  name: z.string(),
  internetFacing: z.boolean(),
  exposure: z.string().optional(),
  /** Incoming flows from another trust zone. */
  entryPoints: z.array(z.object({ flow: z.string(), from: z.string(), protocol: z.string().optional(), port: z.number().optional() })),
  openThreats: z.number().int(),
});
export type AttackSurface = z.infer<typeof AttackSurfaceSchema>;

export const SeverityCountsSchema = z.object({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() });
export type SeverityCounts = z.infer<typeof SeverityCountsSchema>;

export const ThreatReportSchema = z.object({
  schemaVersion: z.literal(THREAT_REPORT_VERSION),
  tool: z.object({ name: z.literal('bulwark'), version: z.string() }),
  model: ArchitectureSchema,
  /** Open threats, worst first (severity, then risk score, then id). */
  threats: z.array(ThreatSchema),
  /** Threats a tracking decision took out of the open register (mitigated, accepted, false-positive). */
  decided: z.array(ThreatSchema),
  /** Threats whose condition matched but a control in the design removes them. */
  mitigatedByDesign: z.array(ThreatSchema),
  counts: SeverityCountsSchema,
  crossings: z.array(FlowCrossingSchema),
  attackSurfaces: z.array(AttackSurfaceSchema),
  /** What Bulwark derived or the adapter inferred, so a person can check it. */
  inferred: z.array(z.string()),
  /** Problems with the model itself (dangling flow ends, unknown boundaries). */
  warnings: z.array(z.string()),
  /** For a model inferred from a repository: the files it was made from, and what it does not read yet. */
  sources: RepositorySourcesSchema.optional(),
  /**
   * For a model inferred from a repository, written by the JSON report: each trust boundary and each pair of
   * components that exchange data, rated by what crosses it (as the Markdown report shows them).
   */
  boundaryRatings: z
    .object({
      zones: z.array(z.object({ boundary: z.string(), rating: z.enum(SEVERITIES), reasons: z.array(z.string()) })),
      components: z.array(z.object({ between: z.tuple([z.string(), z.string()]), rating: z.enum(SEVERITIES), reasons: z.array(z.string()) })),
    })
    .optional(),
});
export type ThreatReport = z.infer<typeof ThreatReportSchema>;

export interface AnalyzeOptions {
  /** Version string put into `tool.version`. */
  toolVersion?: string;
  /** Threats the design file already held (ReadResult.threats), filed in the register with Bulwark's own. */
  importedThreats?: readonly ImportedThreat[];
}
