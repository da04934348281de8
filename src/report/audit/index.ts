/** The onboarding audit of one vendor (audit.json and its renderings) and several audits side by side: pure builders, no I/O. */
export type { AuditFinding, AuditInput, AuditInteraction, AuditReport, AuditSpecDefect, Dimension, DimensionName, DocumentQuality, Grade, Ratio, Scorecard, WeightedDimension } from './types.ts';
export { buildAudit } from './build.ts';
export { auditMarkdown } from './markdown.ts';
export { auditHtml } from './html.ts';
export { comparisonHtml, comparisonMarkdown } from './comparison.ts';
