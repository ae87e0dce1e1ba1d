// Bulwark's library API: scan, its types, the built-in rules, and every report renderer.
// Later engines (threat modelling) add their exports here.

export { scan } from './scan.js';
export { SCAN_RESULT_VERSION } from './core/result.js';
export type { ScanOptions, ScanResult, ScanStats } from './core/result.js';
export { SEVERITIES, SEVERITY_RANK, STRIDE_CATEGORIES, atLeast, isSeverity } from './core/types.js';
export type { CallSite, Diagnostic, Finding, Position, Range, Severity, SourceLocation, StrideCategory } from './core/types.js';
export type { ComplianceFramework, ComplianceRef, PeerIds, Rule, RuleExamples, RuleMeta } from './analyze/rule.js';
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
