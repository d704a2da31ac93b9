import type { Sentence, Word } from '../types.js';

/** A compiled list of words and multi-word phrases, indexed by first word. */
export interface PhraseIndex<T> {
  /** First lower-cased token -> candidates (longest first). */
  byFirst: Map<string, { tokens: string[]; value: T }[]>;
}

/** Splits a phrase into lower-cased tokens ("ten behoeve van" -> 3 tokens). */
export function tokens(phrase: string): string[] {
  return phrase.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Compiles phrases once (at module load), so matching a sentence costs one
 * map lookup per word instead of a scan over the whole list.
 */
export function compilePhrases<T>(entries: Iterable<[phrase: string, value: T]>): PhraseIndex<T> {
  const byFirst = new Map<string, { tokens: string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const t = tokens(phrase);
    if (t.length === 0) continue;
    const list = byFirst.get(t[0]!) ?? [];
    list.push({ tokens: t, value });
    byFirst.set(t[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { byFirst };
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first and last matched word in `sentence.words`. */
  first: number;
  last: number;
  start: number;
  end: number;
}

/**
 * Finds contiguous phrase matches in a sentence (words only: placeholders and
 * numbers never match). Longest match wins; matches do not overlap.
 */
export function matchPhrases<T>(index: PhraseIndex<T>, sentence: Sentence): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.kind !== 'word' && w.kind !== 'abbreviation') continue;
    const candidates = index.byFirst.get(w.lower);
    if (!candidates) continue;
    for (const c of candidates) {
      if (sameTokens(words, i, c.tokens)) {
        const last = i + c.tokens.length - 1;
        out.push({ value: c.value, first: i, last, start: w.start, end: words[last]!.end });
        i = last;
        break;
      }
    }
  }
  return out;
}

function sameTokens(words: readonly Word[], at: number, t: readonly string[]): boolean {
  for (let k = 0; k < t.length; k++) {
    const w = words[at + k];
    if (!w || w.lower !== t[k]) return false;
    if (k > 0 && w.kind !== 'word' && w.kind !== 'abbreviation') return false;
  }
  return true;
}
