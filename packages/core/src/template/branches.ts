import { buildDocument, type BuiltDocument } from '../engine/document.js';
import type { LintMessage, LintResult, ResolvedConfig, Rule } from '../types.js';
import { expandBranches } from './expand.js';
import { LineIndex, mapMessage, messageKey } from './map-messages.js';
import { buildTemplateTree, type TemplateTree } from './tree.js';

/**
 * Rules that judge the template source itself (its placeholders, front matter
 * and control comments), not a letter a tenant receives: their findings come
 * from the template as written, never from a branch variant.
 */
const SOURCE_RULES = new Set(['front-matter', 'inline-config', 'disable-without-reason']);

export function judgesSource(m: LintMessage): boolean {
  return m.category === 'template' || SOURCE_RULES.has(m.ruleId);
}

/** The rules whose findings `judgesSource` keeps (a finding carries its rule's category). */
export function judgesSourceRule(rule: Rule): boolean {
  return rule.meta.category === 'template' || SOURCE_RULES.has(rule.meta.id);
}

/**
 * Lints a letter, or a template with conditional sections once per branch
 * variant (see `lintBranches`). `lint(built, only)` lints one document, with
 * only the rules `only` accepts when given: the template as written is linted
 * only by the rules whose findings `lintBranches` takes from it.
 */
export function lintTemplate(
  built: BuiltDocument,
  config: ResolvedConfig,
  lint: (built: BuiltDocument, only?: (rule: Rule) => boolean) => LintResult,
): LintResult {
  const { doc } = built;
  const tree = buildTemplateTree(doc.text, doc.placeholders, doc.frontMatter?.end ?? 0);
  if (tree.sections.length === 0) return lint(built);
  return lintBranches(built, lint(built, judgesSourceRule), config, (b) => lint(b), tree);
}

/**
 * Lints every branch of a template's conditional sections (see
 * `expandBranches`) and merges the findings, mapped back to the template.
 *
 * - Findings on the template as written (category `template`, front matter,
 *   control comments) come from `base`, the lint of the template itself.
 * - Every other finding comes from the variants: the template with all
 *   branches at once is not a letter anyone receives (two greetings, a refusal
 *   next to an alternative from another branch). Duplicates across variants
 *   are one finding; a finding that only some variants have says in which
 *   variant (in `note`).
 * - `unused-disable` is reported only when the comment is unused in every variant.
 *
 * Without sections this returns `base` unchanged.
 */
export function lintBranches(
  built: BuiltDocument,
  base: LintResult,
  config: ResolvedConfig,
  lint: (built: BuiltDocument) => LintResult,
  tree: TemplateTree = buildTemplateTree(built.doc.text, built.doc.placeholders, built.doc.frontMatter?.end ?? 0),
): LintResult {
  const { doc } = built;
  if (tree.sections.length === 0) return base;
  const variants = expandBranches(doc.text, { delimiters: config.placeholders.delimiters, fields: config.placeholders.fields }, tree);

  const source = new LineIndex(doc.text);
  const out = new Map<string, LintMessage>();
  for (const m of base.messages) if (judgesSource(m)) out.set(messageKey(m), m);

  const unusedCount = new Map<string, { m: LintMessage; n: number }>();
  for (const v of variants) {
    const result = lint(buildDocument(v.text, { lang: config.lang, delimiters: config.placeholders.delimiters, fields: config.placeholders.fields, format: built.doc.format }));
    const generated = new LineIndex(v.text);
    const seenHere = new Set<string>();
    for (const raw of result.messages) {
      if (judgesSource(raw)) continue;
      const { inValue: _inValue, ...m } = mapMessage(raw, v.map, source, generated);
      const key = messageKey(m);
      if (m.ruleId === 'unused-disable') {
        if (seenHere.has(key)) continue;
        seenHere.add(key);
        const u = unusedCount.get(key);
        if (u) u.n++;
        else unusedCount.set(key, { m, n: 1 });
        continue;
      }
      if (out.has(key)) continue;
      if (!v.primary) {
        const where = `Dit geldt voor de brief ${v.label}.`;
        m.note = m.note ? `${m.note} ${where}` : where;
      }
      out.set(key, m);
    }
  }
  for (const [key, u] of unusedCount) if (u.n === variants.length) out.set(key, u.m);

  const messages = [...out.values()].sort(
    (a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message),
  );
  return { ...base, messages };
}
