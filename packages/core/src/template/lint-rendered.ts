import { defaultConfig, lintText } from '../engine/lint.js';
import type { LintMessage, LintResult, ResolvedConfig } from '../types.js';
import { judgesSource } from './branches.js';
import { LineIndex, mapMessage, messageKey } from './map-messages.js';
import { renderTemplate, type RenderProblem } from './render.js';

export interface RenderedLint {
  /** The filled-in letter. */
  text: string;
  /** Missing data and other reasons the letter could not be filled in completely. */
  problems: RenderProblem[];
  /** Findings on the filled-in letter, placed in the template (plus the template's own `template` findings). */
  result: LintResult;
  /** The same findings placed in the filled-in letter. */
  rendered: LintMessage[];
}

/**
 * Fills a template with data and lints the letter a tenant would receive.
 * Findings point back into the template. Findings inside filled-in values say
 * so in `note`; privacy findings inside filled-in values are dropped (the data
 * is meant to hold the tenant's details; the template must not).
 */
export function lintRendered(template: string, data: unknown, options: { config?: ResolvedConfig } = {}): RenderedLint {
  const config = options.config ?? defaultConfig();
  const { text, map, problems } = renderTemplate(template, data, { delimiters: config.placeholders.delimiters, fields: config.placeholders.fields });
  const own = lintText(template, { config });
  const filled = lintText(text, { config });
  const source = new LineIndex(template);
  const generated = new LineIndex(text);

  const out = new Map<string, LintMessage>();
  for (const m of own.messages) if (judgesSource(m)) out.set(messageKey(m), m);
  for (const raw of filled.messages) {
    if (judgesSource(raw)) continue;
    const { inValue, ...m } = mapMessage(raw, map, source, generated);
    if (inValue && m.category === 'privacy') continue;
    const values = map.valuesIn(raw.offset, raw.endOffset);
    if (values.length) {
      const which = values.map((v) => `${template.slice(v.sourceStart, v.sourceEnd)} ("${text.slice(v.start, v.end)}")`);
      const where = `${inValue ? 'Dit staat in' : 'Hier telt mee'} de ingevulde waarde van ${[...new Set(which)].join(', ')}.`;
      m.note = m.note ? `${m.note} ${where}` : where;
    }
    const key = messageKey(m);
    if (!out.has(key)) out.set(key, m);
  }
  const messages = [...out.values()].sort(
    (a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message),
  );
  return { text, problems, result: { ...filled, messages }, rendered: filled.messages };
}
