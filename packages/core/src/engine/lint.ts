import { resolveConfig } from '../config/resolve.js';
import { computeMetrics } from '../metrics.js';
import { allRules, getRule } from '../rules/index.js';
import type {
  Fix,
  LintMessage,
  LintOptions,
  LintResult,
  ReportDescriptor,
  ResolvedConfig,
  Rule,
  RuleContext,
  Severity,
} from '../types.js';
import { suppressing } from './control.js';
import { prepareSharedWork } from './shared-work.js';
import { buildDocument, formatForPath, type BuiltDocument } from './document.js';
import { guardFix } from './fix-guard.js';
import { interpolate, ruleUrl } from './messages.js';
import { lintTemplate } from '../template/branches.js';

let recommended: ResolvedConfig | undefined;
/** The config used when none is given: the recommended preset. */
export function defaultConfig(): ResolvedConfig {
  recommended ??= resolveConfig([], allRules);
  return recommended;
}

export interface RuleTiming {
  ruleId: string;
  ms: number;
}

export interface LintTextOptions extends LintOptions {
  /** Collect per-rule timings here (for `--timing`). */
  timings?: Map<string, number>;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
}

function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

/**
 * Lints one letter. Pure: no file or process I/O. The text must not start with
 * a BOM (the caller strips it and puts it back when writing).
 */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const config = options.config ?? defaultConfig();
  const format = options.format ?? formatForPath(options.filePath);
  const built = buildDocument(text, { lang: config.lang, delimiters: config.placeholders.delimiters, fields: config.placeholders.fields, format });
  // Hook (issue 5, template/branches.ts): a template with {{#if}}/{{else}} sections is
  // linted once per branch variant, findings mapped back; the template as written only
  // by the rules that judge its source. Without sections: one lint of the letter.
  return lintTemplate(built, config, (b, only) => lintDocument(b, config, options, only));
}

/**
 * Lints a built document with the config's rules; `only` limits the run to
 * the rules it accepts (and leaves out `unused-disable`, which needs them all).
 */
export function lintDocument(built: BuiltDocument, config: ResolvedConfig, options: LintTextOptions = {}, only?: (rule: Rule) => boolean): LintResult {
  const { doc } = built;
  const raw: LintMessage[] = [];
  const lookup = options.rules ? new Map(options.rules.map((r) => [r.meta.id, r])) : null;
  const ruleFor = (id: string) => (lookup ? lookup.get(id) : getRule(id));

  const enabled: [Rule, ResolvedConfig['rules'][string]][] = [];
  for (const [id, setting] of Object.entries(config.rules)) {
    const rule = ruleFor(id);
    if (!rule || id === 'unused-disable' || (only && !only(rule))) continue;
    if (rule.meta.languages && !rule.meta.languages.includes(doc.lang)) continue;
    enabled.push([rule, setting]);
  }
  if (options.timings) prepareSharedWork(doc, enabled.map(([r]) => r), options.timings);
  for (const [rule, setting] of enabled) {
    const id = rule.meta.id;
    const reportFor = (d: ReportDescriptor) => raw.push(toMessage(rule, d, setting.severity, doc.pointAt));
    const context: RuleContext = { doc, options: setting.options, config, report: reportFor };
    const t0 = options.timings ? performance.now() : 0;
    try {
      rule.check(context);
    } catch (error) {
      // A rule that throws is one finding, not a dead linter or server.
      const reason = error instanceof Error ? error.message : String(error);
      raw.push({
        ruleId: id,
        category: rule.meta.category,
        severity: 'error',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        offset: 0,
        endOffset: 0,
        message: `Regel ${id} faalde: ${reason}`,
        url: ruleUrl(id),
      });
    }
    if (options.timings) options.timings.set(id, (options.timings.get(id) ?? 0) + performance.now() - t0);
  }

  // Inline control: drop suppressed findings, remember which comments were used.
  const used = new Set<object>();
  const kept: LintMessage[] = [];
  for (const m of raw) {
    const ruleId = m.ruleId;
    const c = ruleId === 'inline-config' || ruleId === 'disable-without-reason' ? undefined : suppressing(doc.controls, ruleId, m.offset);
    if (c) used.add(c);
    else kept.push(m);
  }
  const unused = only ? undefined : config.rules['unused-disable'];
  if (unused) {
    const rule = ruleFor('unused-disable');
    for (const c of doc.controls) {
      if (c.kind === 'enable' || used.has(c)) continue;
      // Unknown ids are inline-config's finding; report only what could have been disabled.
      const names = c.ids.map((x) => x.id).filter((id) => ruleFor(id));
      if (c.ids.length > 0 && names.length === 0) continue;
      const what = names.length ? ` (${names.join(', ')} meldt hier niets)` : '';
      if (rule) kept.push(toMessage(rule, { messageId: 'unused', data: { what }, start: c.start, end: c.end }, unused.severity, doc.pointAt));
    }
  }

  // One fix decision for every rule and every client: a fix that could break the sentence is dropped (the finding stays).
  for (const m of kept) if (m.fix && !guardFix(doc, m.fix)) delete m.fix;

  kept.sort(compareMessages);
  return { language: doc.lang, messages: kept, metrics: computeMetrics(doc, config) };
}

function toMessage(rule: Rule, d: ReportDescriptor, severity: Severity, pointAt: (o: number) => { line: number; column: number }): LintMessage {
  const meta = rule.meta;
  const template = meta.messages[d.messageId];
  if (template === undefined) throw new Error(`rule ${meta.id} has no message "${d.messageId}"`);
  const start = pointAt(d.start);
  const end = pointAt(Math.max(d.start, d.end));
  const message: LintMessage = {
    ruleId: meta.id,
    category: meta.category,
    severity: d.severity && severity !== 'info' ? lower(severity, d.severity) : severity,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: d.start,
    endOffset: Math.max(d.start, d.end),
    message: interpolate(template, d.data),
    url: ruleUrl(meta.id),
  };
  if (d.actual !== undefined) message.actual = d.actual;
  if (d.expected !== undefined) message.expected = d.expected;
  if (d.note !== undefined) message.note = d.note;
  if (d.cause) {
    const p = pointAt(d.cause.offset);
    message.cause = { line: p.line, column: p.column, message: d.cause.message };
  }
  let fix: Fix | undefined;
  if (typeof d.fix === 'object') fix = d.fix;
  else if (d.fix !== false && meta.fixable && d.expected?.length === 1) fix = { range: [d.start, d.end], text: d.expected[0]! };
  if (fix) {
    if (!meta.fixable) throw new Error(`rule ${meta.id} reports a fix but does not declare meta.fixable`);
    message.fix = fix;
  }
  return message;
}

const ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
/** A rule may lower its configured severity for one finding (never raise it above the config). */
function lower(configured: Severity, requested: Severity): Severity {
  return ORDER[requested] < ORDER[configured] ? requested : configured;
}
