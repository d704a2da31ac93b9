import type { Language } from '../types.js';

// The spelling rule reads a word list through this interface. The core's main
// entry does no I/O, so it holds no word list itself: a front end registers a
// provider. `@huurbrief/core/node` registers one when it is imported (it loads
// the shipped lists from disk, once per process, the first time the rule asks);
// a browser build or a test can register its own.

export interface SpellingSuggestion {
  word: string;
  /** Edit cost: 100 is one edit; the Dutch list makes some edits cheaper (ei/ij, a trema, a double vowel). */
  cost: number;
}

export interface SpellingDictionary {
  readonly lang: Language;
  /** True when the word, as written, is in the list (a capital at the start of a known word is fine). */
  has(word: string): boolean;
  /** Up to `max` suggestions for an unknown word, best first. */
  suggest(word: string, max: number): SpellingSuggestion[];
  /**
   * How many words of the list a known word is built from ("huur•achterstand": 2). A list that
   * cannot tell may leave it out; the rule then treats every word as one part.
   */
  parts?(word: string): number;
  /** True when the list lets `part` begin a compound ("betalings" in betalingsregeling). Optional. */
  compoundStart?(part: string): boolean;
  /** True when the list lets `part` end a compound ("controle"). Optional. */
  compoundEnd?(part: string): boolean;
}

/** Returns the dictionary for a language; may load it on the first call (synchronously). Throws when it cannot. */
export type SpellingProvider = (lang: Language) => SpellingDictionary;

let provider: SpellingProvider | undefined;

/** Sets (or with `undefined` removes) the provider of word lists for the spelling rule. */
export function setSpellingProvider(next: SpellingProvider | undefined): void {
  provider = next;
}

/** True when a provider is registered (the spelling rule can run). */
export function hasSpellingProvider(): boolean {
  return provider !== undefined;
}

/** The word list for `lang`. Throws (a Dutch reason) when no provider is registered or loading fails. */
export function spellingDictionary(lang: Language): SpellingDictionary {
  if (!provider) {
    throw new Error(
      'geen woordenlijst voor de spellingcontrole geladen (importeer @huurbrief/core/node, of registreer een woordenlijst met setSpellingProvider)',
    );
  }
  return provider(lang);
}
