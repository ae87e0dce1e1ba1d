// Bulwark's library API: the IaC scan (its types, built-in rules and report renderers) and the threat
// modeller (read a design, analyse it, track decisions, render). Threat-model names that would read as
// IaC ones carry "Threat" (renderThreatSarif, renderThreatDiffText, threatRiskScore).

export { scan } from './scan.js';
export { SCAN_RESULT_VERSION } from './core/result.js';
export type { ScanOptions, ScanResult, ScanStats } from './core/result.js';
export { SEVERITIES, SEVERITY_RANK, STRIDE_CATEGORIES, atLeast, isSeverity } from './core/types.js';
export type { CallSite, Diagnostic, Finding, Position, Range, Severity, SourceLocation, StrideCategory } from './core/types.js';
export type { ComplianceFramework, ComplianceRef, PeerIds, RuleMeta } from './core/rule-meta.js';
export type { Rule, RuleExamples } from './analyze/rule.js';
export { builtinRules, findRule } from './analyze/rules/index.js';
export { discover, DEFAULT_EXTENSIONS, PathNotFoundError } from './discover/walk.js';
export type { DiscoverOptions, DiscoverResult, DiscoveredFile } from './discover/walk.js';

export { renderText } from './report/text.js';
export type { TextReportOptions } from './report/text.js';
export { renderJson, toStableJson } from './report/json.js';
export { scanResultJsonSchema } from './report/json-schema.js';
export { buildSarif, renderSarif } from './report/sarif.js';
export { renderMarkdown } from './report/markdown.js';
export type { MarkdownReportOptions } from './report/markdown.js';
export { generateRuleDocs, ruleDocMarkdown, ruleIndexMarkdown } from './report/rule-docs.js';
export type { RuleDocOptions } from './report/rule-docs.js';
export { VERSION } from './version.js';

// Threat modelling: one call from text to report, or each step on its own.
export { threatModel } from './model/index.js';
export type { ThreatModelResult } from './model/index.js';
export { architectureToYaml, detectFormat, INPUT_FORMATS, readArchitecture, toThreatDragon } from './model/adapters/index.js';
export type { AdapterNote, ExportableThreat, InputFormat, ReadOptions, ReadResult } from './model/adapters/index.js';
export {
  ArchitectureSchema,
  BoundarySchema,
  BOUNDARY_TYPES,
  CLASSIFICATIONS,
  DataAssetSchema,
  ELEMENT_KINDS,
  ElementPropsSchema,
  ElementSchema,
  FlowSchema,
  architectureJsonSchema,
} from './model/schema/architecture.js';
export { ArchitectureInputSchema, architectureInputJsonSchema } from './model/schema/input.js';
export type { Architecture, Boundary, BoundaryType, Classification, DataAsset, Element, ElementKind, ElementProps, Flow, SourceRef } from './model/schema/architecture.js';
export { analyze, countBySeverity, diffReports, diffWorsens, riskScore as threatRiskScore } from './model/engine/index.js';
export { THREAT_REPORT_VERSION, THREAT_STATUSES, ThreatReportSchema, ThreatSchema } from './model/engine/index.js';
export type { AnalyzeOptions, AttackSurface, Decision, FlowCrossing, SeverityChange, SeverityCounts, Threat, ThreatDiff, ThreatReport, ThreatStatus } from './model/engine/index.js';
export { MITIGATIONS, mitigationById } from './model/knowledge/index.js';
export { THREAT_RULES, threatRuleById } from './model/knowledge/patterns/index.js';
export type { Likelihood, Mitigation, Pattern as ThreatPattern, ThreatRule } from './model/knowledge/index.js';
export { applyTracking, DEFAULT_TRACKING_FILE, parseTracking, updateTrackingText } from './model/tracking/index.js';
export type { StaleDecision, TrackingEntry, TrackingFile, TrackingOutcome } from './model/tracking/index.js';
export { buildThreatSarif, renderMermaidDfd, renderThreatJson, renderThreatMarkdown, renderThreatSarif, threatReportJsonSchema } from './model/report/index.js';
export { formatCounts, mitigationsInUse, recommendedActions, renderKnowledgeBaseMarkdown, STRIDE_LABEL } from './model/report/index.js';
export type { RecommendedAction } from './model/report/index.js';
export {
  renderDiffJson as renderThreatDiffJson,
  renderDiffMarkdown as renderThreatDiffMarkdown,
  renderDiffText as renderThreatDiffText,
} from './model/report/index.js';
