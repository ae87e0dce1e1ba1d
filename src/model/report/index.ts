// Threat-model reports.
export { renderThreatJson, threatReportJsonSchema } from './json.js';
export { renderThreatMarkdown } from './markdown.js';
export { renderMermaidDfd } from './mermaid.js';
export { buildThreatSarif, renderThreatSarif } from './sarif.js';
export { formatCounts, mitigationsInUse, recommendedActions, STRIDE_LABEL, type RecommendedAction } from './register.js';
export { renderDiffJson, renderDiffMarkdown, renderDiffText } from './diff.js';
export { renderKnowledgeBaseMarkdown } from './knowledge-doc.js';
