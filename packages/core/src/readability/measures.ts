// Per-word and per-sentence measures shared by the metrics and the rules.
import type { Language, Sentence, Word } from '../types.js';
import { countSyllables, countSyllablesEnglish } from './syllables.js';

/** Flesch-Douma (Douma 1960): 206.835 − 0.93 × words/sentence − 77 × syllables/word. */
export function fleschDouma(wordsPerSentence: number, syllablesPerWord: number): number {
  return 206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord;
}

/** Leesindex A (Brouwer 1963): 195 − 2 × words/sentence − 66.7 × syllables/word. */
export function brouwer(wordsPerSentence: number, syllablesPerWord: number): number {
  return 195 - 2 * wordsPerSentence - 66.7 * syllablesPerWord;
}

/** Flesch Reading Ease (English letters): 206.835 − 1.015 × words/sentence − 84.6 × syllables/word. */
export function fleschReadingEase(wordsPerSentence: number, syllablesPerWord: number): number {
  return 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
}

/** Flesch-Douma bands (Onze Taal 1977), in Dutch. */
export function fleschBand(score: number): string {
  if (score < 30) return 'zeer moeilijk';
  if (score < 45) return 'moeilijk';
  if (score < 60) return 'tamelijk moeilijk';
  if (score < 70) return 'normaal';
  if (score < 80) return 'tamelijk gemakkelijk';
  if (score < 90) return 'gemakkelijk';
  return 'zeer gemakkelijk';
}

/**
 * Syllables a token counts for. Numbers, amounts, dates, times, e-mail
 * addresses, URLs and phone numbers are one word of two syllables: they are
 * not hard words, and counting "€ 1.412,50" as spoken ("veertienhonderd...")
 * would make every letter with an amount look hard.
 */
export const SPECIAL_SYLLABLES = 2;

export function wordSyllables(w: Word, placeholderSyllables: number, lang: Language = 'nl'): number {
  switch (w.kind) {
    case 'word':
      return lang === 'en' ? countSyllablesEnglish(w.text) : countSyllables(w.text);
    case 'abbreviation':
      // "i.v.m." is spelled out letter by letter; "bijv." is read as a word.
      return /\p{L}\.\p{L}/u.test(w.text) ? w.text.replace(/[^\p{L}]/gu, '').length : countSyllables(w.text);
    case 'placeholder':
      return placeholderSyllables;
    default:
      return SPECIAL_SYLLABLES;
  }
}

/** A long word: a real word (not a number, placeholder, ...) of 4 or more syllables. */
export const LONG_WORD_SYLLABLES = 4;
/** A long sentence has more than this many words. */
export const LONG_SENTENCE_WORDS = 20;

export interface SentenceStats {
  words: number;
  syllables: number;
  /** Words of 4+ syllables (real words only). */
  longWords: Word[];
  /** Flesch-Douma of this sentence alone. */
  score: number;
}

export function sentenceStats(s: Sentence, placeholderSyllables: number, lang: Language = 'nl'): SentenceStats {
  let syllables = 0;
  const longWords: Word[] = [];
  for (const w of s.words) {
    const n = wordSyllables(w, placeholderSyllables, lang);
    syllables += n;
    if (w.kind === 'word' && n >= LONG_WORD_SYLLABLES) longWords.push(w);
  }
  const words = s.words.length;
  return { words, syllables, longWords, score: words ? fleschDouma(words, syllables / words) : 100 };
}

/** Roughly: is this sentence written in nominal style (naamwoordstijl)? Counts abstract nouns. */
const NOMINAL_SUFFIX = /(?:ing|ingen|tie|ties|sie|sies|heid|heden|teit|teiten|isme|ment|menten)$/;
const NOT_NOMINAL = new Set(['woning', 'woningen', 'leiding', 'leidingen', 'koning', 'ding', 'dingen', 'kring', 'ring', 'tering', 'politie', 'bijlage', 'moment', 'momenten', 'appartement', 'appartementen', 'cement', 'element', 'elementen']);
export function nominalWords(s: Sentence): Word[] {
  return s.words.filter((w) => w.kind === 'word' && w.lower.length >= 7 && NOMINAL_SUFFIX.test(w.lower) && !NOT_NOMINAL.has(w.lower));
}
