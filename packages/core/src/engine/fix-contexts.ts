import { fixContexts as contextData } from '../data/fix-contexts.generated.js';
import type { Fix, Sentence, Word } from '../types.js';

// Where a word-list fix may be applied. The data files name these contexts in
// `herstel` (see packages/core/data/fix-contexts.yml); build-data checks the
// names, and a test checks that every name has a check here. A fix applies
// only where every context listed for the entry (or the form) holds; an entry
// without `herstel` has no fix at all.

/** A match in a sentence: the first and last word (indices into `sentence.words`). */
export interface FixSite {
  text: string;
  sentence: Sentence;
  first: number;
  last: number;
}

const set = (words: string) => new Set(words.split(' '));

/** Articles, demonstratives, possessives and quantifiers that start a noun phrase. */
export const DETERMINERS = set("de het een 't deze dit die dat uw onze ons mijn zijn haar hun jouw je jullie elke ieder iedere alle geen welke zo'n dezelfde hetzelfde");
/** Personal pronouns (subject or object). */
export const PRONOUNS = set('u je jij jou wij we ik hij zij ze jullie hen hem haar ons mij me');
/** Words that can open a subject. */
const SUBJECT_START = new Set([...PRONOUNS, ...DETERMINERS, ...set('er iemand niemand men iets niets alles beide')]);
const NUMBER_WORDS = set('een twee drie vier vijf zes zeven acht negen tien elf twaalf vijftien twintig dertig veertig vijftig honderd duizend');
const AUXILIARIES = set('heb hebt heeft hebben had hadden ben bent is zijn was waren word wordt worden werd werden geweest');
const ZIJN = set('ben bent is zijn was waren geweest');
const SUBORDINATORS = set('dat als omdat wanneer indien of die wat waar zodat nadat voordat terwijl hoewel doordat zodra totdat mits waardoor waarin waarmee waarop welke aangezien alvorens ofschoon opdat tenzij');
/** Punctuation that ends a clause or opens/closes an aside. */
const CLAUSE_BREAK = /[,.;:!?()[\]"“”„«»–—]/;

const wordAt = (site: FixSite, i: number): Word | undefined => site.sentence.words[i];
const prev = (site: FixSite) => wordAt(site, site.first - 1);
const next = (site: FixSite) => wordAt(site, site.last + 1);
const isWord = (w: Word | undefined) => w !== undefined && (w.kind === 'word' || w.kind === 'abbreviation');
/** The source text between the match and the next word (or the end of the sentence). */
function after(site: FixSite): string {
  const end = site.sentence.words[site.last]!.end;
  const n = next(site);
  return site.text.slice(end, n ? n.start : site.sentence.end);
}
function before(site: FixSite): string {
  const start = site.sentence.words[site.first]!.start;
  const p = prev(site);
  return site.text.slice(p ? p.end : start, start);
}
/** The next word, if no punctuation stands between. */
function directlyNext(site: FixSite): Word | undefined {
  const n = next(site);
  return n && !CLAUSE_BREAK.test(after(site)) ? n : undefined;
}
function directlyPrev(site: FixSite): Word | undefined {
  const p = prev(site);
  return p && !CLAUSE_BREAK.test(before(site)) ? p : undefined;
}
const within = (site: FixSite, back: number, words: Set<string>) =>
  site.sentence.words.slice(Math.max(0, site.first - back), site.first).some((w) => words.has(w.lower));
const later = (site: FixSite) => site.sentence.words.slice(site.last + 1);

export type ContextCheck = (site: FixSite) => boolean;

export const CONTEXT_CHECKS: Record<string, ContextCheck> = {
  overal: () => true,
  zinsbegin: (s) => s.first === 0,
  'niet-zinsbegin': (s) => s.first > 0,
  'na-lidwoord': (s) => DETERMINERS.has(directlyPrev(s)?.lower ?? ''),
  'niet-na-lidwoord': (s) => !DETERMINERS.has(prev(s)?.lower ?? ''),
  'voor-lidwoord': (s) => DETERMINERS.has(directlyNext(s)?.lower ?? ''),
  'voor-onderwerp': (s) => {
    const n = directlyNext(s);
    if (!n) return false;
    if (n.kind === 'placeholder' || n.kind === 'number') return true;
    return isWord(n) && (SUBJECT_START.has(n.lower) || (n.text[0] !== n.lower[0] && n.text !== n.text.toUpperCase()));
  },
  'voor-voornaamwoord': (s) => PRONOUNS.has(directlyNext(s)?.lower ?? ''),
  'voor-getal': (s) => {
    const n = directlyNext(s);
    return n !== undefined && (n.kind === 'number' || n.kind === 'amount' || NUMBER_WORDS.has(n.lower));
  },
  'voor-woord': (s) => isWord(directlyNext(s)),
  'niet-voor-dat': (s) => next(s)?.lower !== 'dat',
  'einde-zinsdeel': (s) => next(s) === undefined || CLAUSE_BREAK.test(after(s)),
  'niet-na-te': (s) => prev(s)?.lower !== 'te',
  'met-te': (s) => later(s).some((w) => w.lower === 'te'),
  'zonder-te': (s) => !later(s).some((w) => w.lower === 'te'),
  'na-hulpwerkwoord': (s) => within(s, 4, AUXILIARIES),
  'na-zijn': (s) => within(s, 4, ZIJN),
  hoofdzin: (s) => !s.sentence.words.slice(0, s.first).some((w) => SUBORDINATORS.has(w.lower)),
  'bij-u': (s) => directlyPrev(s)?.lower === 'u' || directlyNext(s)?.lower === 'u',
  // The rewriting contexts: the rule builds the fix (modalFix, conjunctionFix); no fix when they return nothing.
  modaal: (s) => modalFix(s, 'x') !== undefined,
  'voegwoord-zinsbegin': (s) => conjunctionFix(s, 'x') !== undefined,
};

/** The site of the words that cover [start, end) in a sentence (undefined when no word starts there). */
export function wordSpan(text: string, sentence: Sentence, start: number, end: number): FixSite | undefined {
  const first = sentence.words.findIndex((w) => w.start <= start && w.end > start);
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < sentence.words.length && sentence.words[last + 1]!.start < end) last++;
  return { text, sentence, first, last };
}

/** Every context named in fix-contexts.yml (a test checks each has a check). */
export const CONTEXT_NAMES: readonly string[] = (contextData as readonly { naam: string }[]).map((c) => c.naam);

/** `herstel` as the data give it: one list for every form, or a list per form. */
export type Herstel = readonly string[] | Readonly<Record<string, readonly string[]>>;

/** The contexts for one form of an entry (undefined: no fix for this form). */
export function contextsFor(herstel: Herstel | undefined, form: string): readonly string[] | undefined {
  if (!herstel) return undefined;
  if (Array.isArray(herstel)) return herstel as readonly string[];
  return (herstel as Readonly<Record<string, readonly string[]>>)[form];
}

/** True when every context holds at this site. */
export function contextsHold(site: FixSite, contexts: readonly string[]): boolean {
  return contexts.every((c) => {
    const check = CONTEXT_CHECKS[c];
    if (!check) throw new Error(`unknown fix context "${c}"`);
    return check(site);
  });
}

/**
 * The fix for one word-list match with one replacement, or undefined when the
 * data give no `herstel` for it or a context does not hold here. `modaal` and
 * `voegwoord-zinsbegin` rewrite more than the matched words.
 */
export function wordListFix(site: FixSite, contexts: readonly string[] | undefined, replacement: string): Fix | undefined {
  if (!contexts || !contextsHold(site, contexts)) return undefined;
  if (contexts.includes('modaal')) return modalFix(site, replacement);
  if (contexts.includes('voegwoord-zinsbegin')) return conjunctionFix(site, replacement);
  const words = site.sentence.words;
  return { range: [words[site.first]!.start, words[site.last]!.end], text: replacement };
}

/** Particles of separable verbs: "door te geven" becomes "doorgeven" once "te" goes. */
const PARTICLES = set('aan af bij binnen buiten door in langs mee na neer om op over samen terug toe uit vast voor weg dicht open leeg los achter tegen voort');
/** Words before "te" that may or may not be a particle ("goed te keuren" / "goed te lezen"): no fix. */
const AMBIGUOUS_BEFORE_TE = set('goed schoon vrij kapot stil bekend gelijk thuis kwijt zeker');
/** "dient als bewijs", "dient tot ...", "dient voor ...": the verb "to serve", not "must". */
const SERVE = set('als tot voor');
/** Words before a particle that make it part of a phrase ("naar buiten te gaan" → "naar buiten gaan"). */
const PREPOSITIONS = set('naar van uit in op aan bij met tot voor door over onder achter tegen om na');
/** "er voor te zorgen": the particle may belong to "er" (ervoor zorgen) or to the verb. */
const R_WORDS = set('er daar hier waar');
/** Words after "te" that make a fixed phrase, not an infinitive. */
const FIXED_AFTER_TE = set('allen zijner goeder dien gelegener bestemder dezen wapen veel weinig laat vroeg lang');

/**
 * "dienen/wensen ... te <verb>" become modal verbs ("moeten/willen <verb>"),
 * which take no "te": the fix rewrites the whole cluster from the modal verb to
 * the infinitive, joining a separable particle ("U dient de meterstand door te
 * geven" → "U moet de meterstand doorgeven"; "dienen ... te worden betaald" →
 * "moeten ... worden betaald"). No fix when the clause is not a plain cluster:
 * a comma or other break, "om" or "als" in between (another construction), a
 * second "te" later (two infinitives), anything but words and numbers in
 * between, or a word before "te" that may or may not be a particle.
 */
export function modalFix(site: FixSite, replacement: string): Fix | undefined {
  const { text, sentence } = site;
  const words = sentence.words;
  const first = words[site.first]!;
  const lastWord = words[site.last]!;
  let te = -1;
  for (let i = site.last + 1; i < words.length; i++) {
    const w = words[i]!;
    if (w.lower === 'te') {
      const v = words[i + 1];
      if (v && v.kind === 'word' && !FIXED_AFTER_TE.has(v.lower)) {
        te = i;
        break;
      }
    }
  }
  if (te < 0) return undefined;
  const verb = words[te + 1]!;
  const between = words.slice(site.last + 1, te);
  if (between[0] && SERVE.has(between[0].lower)) return undefined;
  if (between.some((w) => w.lower === 'om' || !['word', 'abbreviation', 'number', 'amount', 'date', 'time'].includes(w.kind))) return undefined;
  // No comma or other break in the gaps between the words (an amount's own "," does not count).
  const tokens = [lastWord, ...between, words[te]!];
  for (let i = 1; i < tokens.length; i++) if (CLAUSE_BREAK.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return undefined;
  // Two infinitives ("te ondertekenen en terug te sturen"): only rewriting both would do.
  if (words.slice(te + 2).some((w) => w.lower === 'te')) return undefined;
  const teWord = words[te]!;
  const particle = te - 1 > site.last ? words[te - 1]! : undefined;
  if (particle && AMBIGUOUS_BEFORE_TE.has(particle.lower)) return undefined;
  if (particle && PARTICLES.has(particle.lower) && between.some((w) => R_WORDS.has(w.lower))) return undefined;
  const afterPreposition = particle !== undefined && PREPOSITIONS.has(words[te - 2]?.lower ?? '') && te - 2 > site.last;
  const join = particle !== undefined && !afterPreposition && PARTICLES.has(particle.lower) && text.slice(particle.end, teWord.start) === ' ' && text.slice(teWord.end, verb.start) === ' ';
  if (!join && text.slice(teWord.end, verb.start) !== ' ') return undefined;
  const middleEnd = join ? particle.start : teWord.start;
  const middle = text.slice(lastWord.end, middleEnd);
  const infinitive = (join ? particle.text : '') + verb.text;
  return { range: [first.start, verb.end], text: `${replacement}${middle}${infinitive}` };
}

/**
 * "Echter, de kosten zijn hoger." → "Maar de kosten zijn hoger.": only where
 * the word opens the sentence and a comma follows; the comma goes, because a
 * coordinating conjunction takes none. Anywhere else the replacement would
 * need another word order ("De kosten zijn echter hoger" has no fix).
 */
export function conjunctionFix(site: FixSite, replacement: string): Fix | undefined {
  if (site.first !== 0 || site.first !== site.last) return undefined;
  const w = site.sentence.words[0]!;
  const n = site.sentence.words[1];
  if (!n) return undefined;
  const gap = site.text.slice(w.end, n.start);
  if (!/^,[ \t]+$/.test(gap)) return undefined;
  return { range: [w.start, n.start], text: `${replacement} ` };
}
