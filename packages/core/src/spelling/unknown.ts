import { defaultConfig } from '../engine/lint.js';
import { buildDocument, formatForPath } from '../engine/document.js';
import type { Language, LintOptions } from '../types.js';
import { spellingDictionary } from './dictionary.js';
import { SpellingCheck, unknownCandidates } from './words.js';

export interface UnknownWord {
  /** The word as written. */
  word: string;
  lang: Language;
  line: number;
  column: number;
  offset: number;
}

/**
 * The words of a letter that the spelling rule does not know, without
 * suggestions (fast: for `huurbrief spelling --unknown`, which lists them over
 * many letters so an organisation can fill its `woorden.negeren` in one go).
 * Uses the same selection as the rule, without capitalised words at a sentence
 * start (names, or typos the rule reports); needs a registered word list.
 */
export function unknownWords(text: string, options: LintOptions = {}): UnknownWord[] {
  const config = options.config ?? defaultConfig();
  const format = options.format ?? formatForPath(options.filePath);
  const { doc } = buildDocument(text, { lang: config.lang, delimiters: config.placeholders.delimiters, fields: config.placeholders.fields, format });
  const check = new SpellingCheck(spellingDictionary(doc.lang), config, doc.lang === 'en' ? spellingDictionary('nl') : undefined, () => spellingDictionary(doc.lang === 'en' ? 'nl' : 'en'));
  // A capitalised word at a sentence start is listed by the rule only when it is close to a known
  // word (a typo, not a name); a list for `woorden.negeren` leaves both out.
  return unknownCandidates(doc, config, check).filter((c) => !c.capitalised).map((c) => {
    const p = doc.pointAt(c.start);
    return { word: c.word, lang: doc.lang, line: p.line, column: p.column, offset: c.start };
  });
}
