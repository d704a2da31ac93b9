// One version of a letter, as the report sees it: its lint facts and its sentences (pure: core only).
import { buildDocument, lintText, type Category, type Level, type ResolvedConfig } from '@huurbrief/core';
import type { VersionFacts } from './types.js';

/** Lints the text as `huurbrief lint` would with this config and path, and keeps what the figures need. */
export function factsOf(text: string, path: string, config: ResolvedConfig): VersionFacts {
  const result = lintText(text, { config, filePath: path });
  const categories: Partial<Record<Category, number>> = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const m of result.messages) {
    categories[m.category] = (categories[m.category] ?? 0) + 1;
    if (m.severity === 'error') errors++;
    else if (m.severity === 'warning') warnings++;
    else infos++;
  }
  return { level: result.metrics['level'] as Level, categories, errors, warnings, infos, words: result.metrics.words };
}

/** The sentences of the letter's prose (body, headings, greeting, closing), as the rules read them. */
export function sentencesOf(text: string, path: string, config: ResolvedConfig): string[] {
  const { doc } = buildDocument(text, { lang: config.lang, delimiters: config.placeholders.delimiters, fields: config.placeholders.fields, format: /\.te?xt$/i.test(path) ? 'text' : 'markdown' });
  return doc.sentences.map((s) => s.text);
}
