import { matchCase } from '../../engine/messages.js';
import { compilePhrases, matchPhrases, type PhraseIndex } from '../../engine/phrases.js';
import { wordListFix } from '../../engine/fix-contexts.js';
import type { Fix, HouseWord, LetterDocument, ResolvedConfig, Sentence, Span } from '../../types.js';

// Shared by the house-style rules: the organisation's word lists from config
// (`woorden`), compiled once per resolved config (the loader caches configs,
// so a run compiles each list once), and the `negeren` spans of a sentence.

export interface HouseEntry {
  entry: HouseWord;
  /** Lower-cased form that matched (the phrase in the list). */
  form: string;
}

const cache = new WeakMap<object, PhraseIndex<HouseEntry>>();

export const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s.trim() !== '');

/** Compiles `[[phrase, entry]]` for one config list (cached on the list object). */
export function compiled(list: readonly HouseWord[], forms: (w: HouseWord) => string[]): PhraseIndex<HouseEntry> {
  const hit = cache.get(list);
  if (hit) return hit;
  const pairs: [string, HouseEntry][] = [];
  for (const entry of list) for (const form of forms(entry)) pairs.push([form, { entry, form: form.toLowerCase() }]);
  const index = compilePhrases(pairs);
  cache.set(list, index);
  return index;
}

const negerenCache = new WeakMap<object, PhraseIndex<true>>();

/** Spans in `sentence` covered by a `negeren` word or phrase (never reported by a word rule). */
export function ignoredSpans(config: ResolvedConfig, sentence: Sentence): Span[] {
  const list = config.woorden.negeren;
  if (list.length === 0) return [];
  let index = negerenCache.get(list);
  if (!index) {
    index = compilePhrases(list.map((w) => [w, true as const]));
    negerenCache.set(list, index);
  }
  return matchPhrases(index, sentence);
}

export const overlaps = (spans: readonly Span[], start: number, end: number) => spans.some((s) => start < s.end && end > s.start);

/** A replacement keeps the found word's capitals, unless it has its own (a product name). */
export function caseLike(actual: string, replacement: string): string {
  return /\p{Lu}/u.test(replacement) ? replacement : matchCase(actual, replacement);
}

/** Matches of a house list in the letter, outside opaque spans and `negeren`. */
export function* houseMatches(doc: LetterDocument, config: ResolvedConfig, index: PhraseIndex<HouseEntry>) {
  if (index.byFirst.size === 0) return;
  for (const s of doc.sentences) {
    const matches = matchPhrases(index, s);
    if (matches.length === 0) continue;
    const ignored = ignoredSpans(config, s);
    for (const m of matches) {
      if (doc.isOpaque(m.start) || overlaps(ignored, m.start, m.end)) continue;
      yield { ...m, sentence: s, actual: doc.text.slice(m.start, m.end) };
    }
  }
}

/**
 * The fix of a house-style entry with one replacement: none with `geenHerstel`,
 * only in the listed contexts with `herstel`, otherwise the default (one
 * suggestion: a fix, which the engine's guard and the fix loop still check).
 */
export function houseFix(doc: LetterDocument, entry: HouseWord, m: { sentence: Sentence; first: number; last: number }, replacement: string | undefined): Fix | false | undefined {
  if (replacement === undefined) return undefined;
  if (entry.geenHerstel !== undefined) return false;
  if (entry.herstel === undefined) return undefined;
  return wordListFix({ text: doc.text, sentence: m.sentence, first: m.first, last: m.last }, entry.herstel, replacement) ?? false;
}
