import { abbreviations } from '../data/abbreviations.generated.js';
import { spellingWords } from '../data/spelling-words.generated.js';
import { isProseRole } from '../engine/layout.js';
import { ignoredSpans, overlaps } from '../rules/house/words.js';
import type { LetterDocument, ResolvedConfig, Sentence, Span, Word } from '../types.js';
import type { SpellingDictionary } from './dictionary.js';

// Which words of a letter the spelling rule checks, and which it accepts
// without the word list. Shared by the rule and `unknownWords` (the CLI's
// `huurbrief spelling --unknown`), so both see the same words.
//
// Never checked: placeholders and everything the document model makes one
// token (e-mail addresses, URLs, phone numbers, postcodes, IBANs, amounts,
// dates, numbers), code and HTML, words glued to a placeholder, words with a
// digit (reference numbers, "A4"), words in capitals (acronyms, merge fields
// such as ACHTERNAAM), abbreviations (with dots, or known to the abbreviations
// rule), single letters, and names: a capital inside a sentence, a word with a
// capital inside it that the list does not know (a product name), and the
// letter's own names (address, signature, greeting). Accepted without the word
// list: the shipped domain list (data/spelling-words.yml) and the
// organisation's words from config (`woorden`).

export interface SpellingCandidate extends Span {
  /** The word as checked (a trailing full stop removed). */
  word: string;
  sentence: Sentence;
  /** Starts with a capital at the start of a sentence (or a line, or after a colon or quote): a name or a word. */
  capitalised: boolean;
}

/** Words accepted besides the list: exact forms (with capitals) and lower-case forms (any capital at a sentence start). */
interface Accepted {
  exact: Set<string>;
  lower: Set<string>;
}

function addWord(into: Accepted, raw: string): void {
  for (const token of raw.split(/\s+/)) {
    const t = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!t) continue;
    if (t === t.toLowerCase()) into.lower.add(t);
    else into.exact.add(t);
  }
}

const shipped: Accepted = { exact: new Set(), lower: new Set() };
for (const e of spellingWords as readonly { woord: string; vormen?: string[] }[]) {
  addWord(shipped, e.woord);
  for (const v of e.vormen ?? []) addWord(shipped, v);
}

/** Abbreviations the abbreviations rule reports ("ivm", "t/m"): its finding, not a spelling one. */
const ABBREVIATIONS = new Set((abbreviations as readonly { afkorting: string }[]).map((a) => a.afkorting.toLowerCase()));

const fromConfig = new WeakMap<object, Accepted>();
/** The organisation's words (`woorden.negeren`, and every word in `woorden.voorkeur` and `woorden.vermijden`) and its name. */
function configWords(config: ResolvedConfig): Accepted {
  const key = config.woorden;
  let acc = fromConfig.get(key);
  if (acc) return acc;
  acc = { exact: new Set(), lower: new Set() };
  const { negeren, voorkeur, vermijden } = config.woorden;
  for (const w of negeren) addWord(acc, w);
  for (const entry of [...voorkeur, ...vermijden]) {
    addWord(acc, entry.woord);
    const gebruik = entry.gebruik === undefined ? [] : Array.isArray(entry.gebruik) ? entry.gebruik : [entry.gebruik];
    for (const g of gebruik) addWord(acc, g);
  }
  if (config.organisatie.naam) addWord(acc, config.organisatie.naam);
  fromConfig.set(key, acc);
  return acc;
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;
/** Only letters, apostrophes, hyphens, a slash and a final full stop: anything else is a code or markup. */
const WORDLIKE = /^[\p{L}\p{M}'’\-/]+\.*$/u;
const UPPER = /\p{Lu}/u;
/** Before a word: what makes a capital a sentence or line start, not a name. */
const STARTS = /[\n:;([“"‘„«»•–—*>]/;

const isCaps = (t: string) => {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};
const isCapitalised = (t: string) => UPPER.test(t[0] ?? '') && t.slice(1) === t.slice(1).toLowerCase();

/** Lower-cased capitalised words in the letter's layout (names in the address, signature, greeting) and capitals inside sentences. */
function letterNames(doc: LetterDocument): Set<string> {
  const names = new Set<string>();
  for (const block of doc.blocks) {
    const prose = isProseRole(block.role) && block.role !== 'greeting';
    for (const s of block.sentences) {
      s.words.forEach((w, i) => {
        if (w.kind !== 'word' || !UPPER.test(w.text[0] ?? '')) return;
        if (!prose || (i > 0 && !startsHere(doc.text, s, i))) names.add(w.text.toLowerCase().replace(/\.+$/, ''));
      });
    }
  }
  return names;
}

/** True when word `i` of `s` starts a sentence, a line, a quotation or a part after a colon. */
function startsHere(text: string, s: Sentence, i: number): boolean {
  if (i === 0) return true;
  const prev = s.words[i - 1]!;
  return STARTS.test(text.slice(prev.end, s.words[i]!.start));
}

/** Short head nouns (three letters) of housing words that the Dutch list does not let end a compound. */
const SHORT_HEADS = new Set(['pas', 'app', 'bus', 'hok', 'box', 'dag']);

/** Letters of the first and the second part of an unlisted compound, at least ("gas|inspectie"). */
const COMPOUND_FIRST = 3;
const COMPOUND_SECOND = 4;

/** Results of `known` per word list (and second list) and config (`woorden`): most words repeat from letter to letter. */
const knownCache = new WeakMap<SpellingDictionary, WeakMap<SpellingDictionary, WeakMap<object, Map<string, boolean>>>>();
const KNOWN_LIMIT = 50_000;

/** The checker: the word list, the shipped domain words and the organisation's words. */
export class SpellingCheck {
  private readonly own: Accepted;
  private readonly cache: Map<string, boolean>;
  /**
   * @param also a second list whose words are right too: the Dutch list in an English letter
   * (letters to Dutch tenants name huurtoeslag, gemeente, Huurcommissie in Dutch)
   * @param other the list of the other language, for a passage in that language (loaded only
   * when a sentence looks foreign)
   */
  constructor(
    readonly dict: SpellingDictionary,
    config: ResolvedConfig,
    private readonly also?: SpellingDictionary,
    private readonly other?: () => SpellingDictionary,
  ) {
    this.own = configWords(config);
    let perSecond = knownCache.get(dict);
    if (!perSecond) knownCache.set(dict, (perSecond = new WeakMap()));
    let perConfig = perSecond.get(also ?? dict);
    if (!perConfig) perSecond.set(also ?? dict, (perConfig = new WeakMap()));
    let cache = perConfig.get(config.woorden);
    if (!cache) perConfig.set(config.woorden, (cache = new Map()));
    this.cache = cache;
  }

  /** True when `word` is spelled right as far as the lists know. */
  known(word: string): boolean {
    let hit = this.cache.get(word);
    if (hit === undefined) {
      hit = this.lookup(word);
      if (this.cache.size >= KNOWN_LIMIT) this.cache.clear();
      this.cache.set(word, hit);
    }
    return hit;
  }

  private lookup(word: string): boolean {
    if (this.accepted(word) || this.dict.has(word) || this.also?.has(word)) return true;
    if (word.includes('’')) return this.lookup(word.replace(/’/g, "'"));
    // "Eén" is "één" at a sentence start (the capital drops the first accent).
    if (word.startsWith('Eé') && this.dict.has(`é${word.slice(1)}`)) return true;
    if (this.unlistedCompound(word) || this.shortHeadCompound(word)) return true;
    // A compound with a hyphen ("A4-formaat", "Wmo-consulent", "huur-" in "huur- en servicekosten"):
    // right when every part is (a part with a digit or in capitals is a code or an acronym).
    if (/[-/]/.test(word)) {
      const parts = word.split(/[-/]/);
      return parts.every((p) => p === '' || DIGIT.test(p) || isCaps(p) || p.length === 1 || this.accepted(p) || this.dict.has(p) || this.also?.has(p) === true);
    }
    return false;
  }

  /**
   * A compound the list's compounding misses: a word that the list does not let begin a
   * compound, not even with a linking s ("ketel": no "ketel+" or "ketels+"), followed by a word
   * that may end a compound ("controle"). A first part with an s-form ("betaling", whose compound
   * form is "betalings") does not count: "betalingregeling" misses its s. The parts are plain
   * lower-case words of the list (first at least 3 letters, second at least 4).
   */
  private unlistedCompound(word: string): boolean {
    const dict = this.dict;
    if (!dict.compoundStart || !dict.compoundEnd || word.length < COMPOUND_FIRST + COMPOUND_SECOND) return false;
    const lower = isCapitalised(word) ? word.toLowerCase() : word;
    if (lower !== word.toLowerCase() || !/^\p{Ll}+$/u.test(lower)) return false;
    for (let i = COMPOUND_FIRST; i <= lower.length - COMPOUND_SECOND; i++) {
      const first = lower.slice(0, i);
      const second = lower.slice(i);
      if (!dict.compoundEnd(second) || !dict.has(second) || !dict.has(first)) continue;
      if (dict.compoundStart(first) || dict.compoundStart(`${first}s`)) continue;
      return true;
    }
    return false;
  }

  /**
   * A compound on a short head noun that the list does not let end a compound ("sleutel|pas",
   * "bewoners|app", "verhuis|bus", "scooter|hok", "schoonmaak|dag"): the first part a word of at
   * least four letters that may begin a compound. Only these heads: a typo rarely ends in one of
   * them after a real word (checked against the typo corpus).
   */
  private shortHeadCompound(word: string): boolean {
    const dict = this.dict;
    if (!dict.compoundStart || word.length < 7) return false;
    const lower = isCapitalised(word) ? word.toLowerCase() : word;
    if (lower !== word.toLowerCase() || !/^\p{Ll}+$/u.test(lower)) return false;
    if (!SHORT_HEADS.has(lower.slice(-3))) return false;
    const first = lower.slice(0, -3);
    return first.length >= 4 && dict.has(first) && (dict.compoundStart(first) || dict.compoundStart(first.replace(/s$/, '')));
  }

  /** True when the other language's list knows at least 80% of these words (a sentence in that language). */
  foreign(words: readonly string[]): boolean {
    if (!this.other) return false;
    const other = this.other();
    const known = words.filter((w) => other.has(w) || other.has(w.toLowerCase())).length;
    return known >= 0.8 * words.length;
  }

  private accepted(word: string): boolean {
    const lower = word.toLowerCase();
    const lowerOk = word === lower || isCapitalised(word);
    return shipped.exact.has(word) || this.own.exact.has(word) || (lowerOk && (shipped.lower.has(lower) || this.own.lower.has(lower)));
  }
}

/** The words of a letter that the lists do not know, in order. */
export function unknownCandidates(doc: LetterDocument, config: ResolvedConfig, check: SpellingCheck): SpellingCandidate[] {
  const out: SpellingCandidate[] = [];
  let names: Set<string> | undefined;
  const sentences = [...doc.sentences];
  // The subject line is read too: a typo there is the first thing a tenant sees.
  for (const b of doc.blocks) if (b.role === 'subject') sentences.push(...b.sentences);
  for (const s of sentences) {
    let ignored: Span[] | undefined;
    let checked = 0;
    const found: SpellingCandidate[] = [];
    s.words.forEach((w, i) => {
      if (w.kind !== 'word') return;
      const shape = shapeOf(w.text);
      if (shape === null || !placeOk(doc, w)) return;
      const { word, capitalised } = shape;
      // A capital inside a sentence is a name; so is a capital inside a word the list does not know ("WoonWijzer").
      if (capitalised && !startsHere(doc.text, s, i)) return;
      checked++;
      if (check.known(word)) return;
      if (shape.innerCapital) return;
      ignored ??= ignoredSpans(config, s);
      if (overlaps(ignored, w.start, w.end)) return;
      if (capitalised) {
        names ??= letterNames(doc);
        if (names.has(word.toLowerCase())) return;
      }
      found.push({ start: w.start, end: w.start + word.length, word, sentence: s, capitalised });
    });
    // A sentence in another language ("English summary: ...") is not checked: half its words or
    // more are unknown, and the other language's list knows most of those.
    if (found.length >= FOREIGN_MIN && found.length * 2 >= checked && check.foreign(found.map((c) => c.word))) continue;
    out.push(...found);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Unknown words a sentence needs before it can count as a sentence in another language. */
const FOREIGN_MIN = 2;

interface Shape {
  /** The word as checked (a trailing full stop removed). */
  word: string;
  /** Starts with a capital. */
  capitalised: boolean;
  /** Has a capital after its first letter ("WoonWijzer", "DigiD"). */
  innerCapital: boolean;
}

/** What the text of a word says (cached: the same words come back in every letter); null when it is never checked. */
const shapes = new Map<string, Shape | null>();
function shapeOf(text: string): Shape | null {
  let hit = shapes.get(text);
  if (hit !== undefined) return hit;
  hit = computeShape(text);
  if (shapes.size >= KNOWN_LIMIT) shapes.clear();
  shapes.set(text, hit);
  return hit;
}

function computeShape(text: string): Shape | null {
  const word = text.replace(/\.+$/, '');
  if (!WORDLIKE.test(text) || !LETTER.test(word) || DIGIT.test(word)) return null;
  if (word.replace(/[^\p{L}]/gu, '').length < 2 || isCaps(word)) return null;
  if (ABBREVIATIONS.has(word.toLowerCase()) || ABBREVIATIONS.has(`${word.toLowerCase()}.`)) return null;
  return { word, capitalised: UPPER.test(word[0]!), innerCapital: UPPER.test(word.slice(1)) };
}

/** False when the word sits in or against a placeholder, code, a link or another token ("{{naam}}'s", "`code`je"). */
function placeOk(doc: LetterDocument, w: Word): boolean {
  if (doc.isOpaque(w.start)) return false;
  if ((w.start > 0 && doc.isOpaque(w.start - 1)) || doc.isOpaque(w.end)) return false;
  // Text before the word that is not a space ends in a letter or digit: a token split inside a word.
  const before = w.start > 0 ? doc.text.charCodeAt(w.start - 1) : 32;
  return before <= 32 || !/[\p{L}\p{N}]/u.test(doc.text[w.start - 1]!);
}
