// A small pattern language for Dutch phrases, judged per clause:
//
//   NEG            a negation that really negates in this clause ("niet", "geen", ...)
//   !              the sentence ends with an exclamation mark (consumes no word)
//   WIJ, U, KAN,.. a word class from lexicon.ts
//   +afwijzen      any form of a verb: "wijzen ... af", "afgewezen", "af te wijzen"
//   a|b|beleid*    one of these words (`x*` = prefix, `*x` = suffix: Dutch
//                  compounds are head-final, so `*eis` finds "inkomenseis")
//   tot_de_mogelijkheden   these words next to each other
//   VD             a past participle ("betaald", "binnengelaten", "ontvangen")
//
// Options: `hoofdzin` (only main and "dat" clauses, not reason or time
// clauses), `kop` (a short notice without a finite verb, matched at the
// sentence start: "Niet roken in de lift."), `bereik: zin`, `vast`, `behalve`.
//
// Tokens match in ANY order within one clause, so one pattern covers
// verb-second ("kunnen wij uw verzoek niet honoreren") and verb-final
// ("dat wij uw verzoek niet kunnen honoreren"). `vast` makes the tokens
// consecutive and ordered (for fixed stock phrases). Patterns are compiled
// once, at module load.
//
// One pass per sentence for all pattern sets: every non-empty set compiled
// with compilePatternSet (the phrases of each judgement rule, the alternatives
// of context.ts, any set a new data file adds) joins one shared matcher. The
// first matchSentence on a sentence, for whichever set, matches the patterns of
// ALL sets there at once and keeps the hits with the sentence's clause analysis;
// every other matchSentence on that sentence only picks its own set's hits out
// of them. See `SharedMatcher` below.
import type { LetterDocument, Word } from '../types.js';
import { registerSharedWork } from '../engine/shared-work.js';
import { analyse, type Clause, type SentenceInfo } from './clauses.js';
import { CLASSES, LEMMAS, type Lemma } from './lexicon.js';

export interface PatternEntry {
  id: string;
  regel: string;
  patroon: string;
  uitleg: string;
  voorstel: string[];
  vervang?: string;
  /** Where the `vervang` fix applies (see fix-contexts.yml); without it, no fix. */
  herstel?: readonly string[];
  geenHerstel?: string;
  soort?: string;
  negatie?: string;
  behalve?: string[];
  bereik?: string;
  vast?: boolean;
  voorwaarde?: string;
  hoofdzin?: boolean;
  kop?: boolean;
  goed: string[];
  fout: string[];
}

type Token = { id: number } & (
  | { kind: 'neg' }
  | { kind: 'bang' }
  | { kind: 'set'; words: ReadonlySet<string>; prefixes: string[]; suffixes?: string[]; pronoun?: boolean }
  | { kind: 'lemma'; lemma: Lemma }
  | { kind: 're'; re: RegExp }
  | { kind: 'seq'; parts: Token[] }
  | { kind: 'alt'; options: Token[] }
);

/** Every compiled token gets a number, so a sentence can remember per token whether it can match at all. */
let tokenCount = 0;

export interface CompiledPattern<T> {
  value: T;
  tokens: Token[];
  except: Token[];
  fixed: boolean;
  sentenceScope: boolean;
  /** Only in a main clause or a "dat" clause, not in a reason or time clause ("omdat wij geen toegang kregen"). */
  mainOnly: boolean;
  /** A notice without a finite verb, like a sign ("Niet roken in de lift."): matched at the sentence start only. */
  notice: boolean;
  /** 'raw': no negation word at all in the clause; 'effective': no negation that really negates. */
  noNegation: 'raw' | 'effective' | false;
  source: string;
  /** The tokens in the order that rules a sentence out fastest (fewest forms first), for the pre-check only. */
  filterOrder: Token[];
}

/**
 * A past participle: "betaald", "gereageerd", "binnengelaten", "doorgegeven",
 * "verwijderd", "ontvangen". Dutch marks it with "ge-" (after a separable particle)
 * or an unstressed prefix (be-, ver-, ont-, her-, er-) and ends it in -d, -t or -en.
 * Nouns of the same shape are listed ("bericht", "gebied", "gelegenheid").
 */
const PARTICIPLE =
  /^(?!(?:bericht|berichten|gebied|gebieden|gezicht|gewicht|geld|geduld|gelegenheid|gemeente|gevolgen|gegevens|verband|verstand|verhaal|verlet|vertrek|bezit|belang|beleid|verwarming|gerust|geleden|genoeg|gewoon|gelukkig|geheel|gezellig|gerechtigd|geschikt|gehoor|gebruiken|gedachten|gesprek|gesprekken|getuigen|behoeften|verleden|verlangen|bekend|bereid|bestand|betrokken|benieuwd)$)(?:(?:aan|af|binnen|door|in|mee|na|op|over|terug|toe|uit|vast|weg|schoon|leeg|bij|neer|voor|langs|vrij)?ge\p{L}{2,}(?:d|t|en)|(?:be|ver|ont|her|er|onder)\p{L}{2,}(?:d|t|en))$/u;

/** Tokens are immutable: the same token text compiles to one shared token, so the per-sentence memo of `feasible` is shared too. */
const compiled = new Map<string, Token>();

function compileToken(raw: string, where: string): Token {
  let t = compiled.get(raw);
  if (!t) {
    t = compileTokenNew(raw, where);
    compiled.set(raw, t);
  }
  return t;
}

function compileTokenNew(raw: string, where: string): Token {
  if (raw === 'NEG') return { id: tokenCount++, kind: 'neg' };
  if (raw === '!') return { id: tokenCount++, kind: 'bang' };
  if (raw === 'VD') return { id: tokenCount++, kind: 're', re: PARTICIPLE };
  // "a|b_c|+verb|KLASSE": alternatives; plain words of an alternative share one set.
  const alts = raw.split('|');
  if (alts.length > 1 && alts.some((a) => a.includes('_') || a.startsWith('+') || /^[A-Z]+$/.test(a))) {
    const plain = alts.filter((a) => !a.includes('_') && !a.startsWith('+') && !/^[A-Z]+$/.test(a));
    const options = alts.filter((a) => !plain.includes(a)).map((a) => compileToken(a, where));
    if (plain.length) options.push(compileToken(plain.join('|'), where));
    return { id: tokenCount++, kind: 'alt', options };
  }
  if (raw.includes('_')) return { id: tokenCount++, kind: 'seq', parts: raw.split('_').map((p) => compileToken(p, where)) };
  if (/^[A-Z]+$/.test(raw)) {
    const cls = CLASSES[raw];
    if (!cls) throw new Error(`${where}: unknown word class ${raw}`);
    return { id: tokenCount++, kind: 'set', words: cls, prefixes: [], ...(raw === 'U' || raw === 'WIJ' ? { pronoun: true } : {}) };
  }
  if (raw.startsWith('+')) {
    const lemma = LEMMAS.get(raw.slice(1));
    if (!lemma) throw new Error(`${where}: unknown verb ${raw} (add it to judgement/lexicon.ts)`);
    return { id: tokenCount++, kind: 'lemma', lemma };
  }
  const words = new Set<string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  for (const alt of raw.toLowerCase().split('|')) {
    if (alt.endsWith('*')) prefixes.push(alt.slice(0, -1));
    else if (alt.startsWith('*')) {
      suffixes.push(alt.slice(1));
      words.add(alt.slice(1));
    } else words.add(alt);
  }
  const id = tokenCount++;
  return suffixes.length ? { id, kind: 'set', words, prefixes, suffixes } : { id, kind: 'set', words, prefixes };
}

export function compilePattern<T>(
  value: T,
  spec: {
    patroon: string;
    behalve?: string[] | undefined;
    vast?: boolean | undefined;
    bereik?: string | undefined;
    negatie?: string | undefined;
    hoofdzin?: boolean | undefined;
    kop?: boolean | undefined;
    effective?: boolean;
  },
  where: string,
): CompiledPattern<T> {
  const tokens = spec.patroon.trim().split(/\s+/).map((t) => compileToken(t, where));
  if (tokens.length === 0) throw new Error(`${where}: empty pattern`);
  return {
    value,
    tokens,
    except: (spec.behalve ?? []).map((t) => compileToken(t, where)),
    fixed: spec.vast === true,
    sentenceScope: spec.bereik === 'zin',
    mainOnly: spec.hoofdzin === true,
    notice: spec.kop === true,
    noNegation: spec.negatie === 'verboden' ? (spec.effective ? 'effective' : 'raw') : false,
    source: spec.patroon,
    filterOrder: [...tokens].sort((a, b) => filterCost(a) - filterCost(b)),
  };
}

/** Roughly: how many sentences a token lets through (plain words first, negation and patterns last). */
function filterCost(t: Token): number {
  switch (t.kind) {
    case 'set':
      return t.prefixes.length || t.suffixes ? 1000 : t.words.size;
    case 'lemma':
      return 20;
    case 'seq':
      return Math.min(...t.parts.map(filterCost));
    case 'alt':
      return t.options.reduce((n, o) => n + filterCost(o), 0);
    default:
      return 500;
  }
}

/** Words a token can start with (for indexing); null when it cannot be listed (prefix, class of its own). */
function anchorWords(t: Token): string[] | null {
  switch (t.kind) {
    case 'set':
      return t.prefixes.length || t.suffixes?.length ? null : [...t.words];
    case 'lemma':
      return [...t.lemma.joined, ...t.lemma.split];
    case 'seq':
      return t.parts[0] ? anchorWords(t.parts[0]) : null;
    case 'alt': {
      const out: string[] = [];
      for (const o of t.options) {
        const a = anchorWords(o);
        if (!a) return null;
        out.push(...a);
      }
      return out;
    }
    default:
      return null;
  }
}

export interface PatternSet<T> {
  byWord: Map<string, CompiledPattern<T>[]>;
  always: CompiledPattern<T>[];
  all: CompiledPattern<T>[];
  /** Position of each pattern in `all`, and the words that make it a candidate (absent: always one). */
  position: Map<CompiledPattern<T>, number>;
  anchors: Map<CompiledPattern<T>, ReadonlySet<string>>;
}

/**
 * A set of patterns, matched with `matchSentence`. Compile sets once (at
 * module load): each non-empty set joins the shared one-pass matcher.
 */
export function compilePatternSet<T>(patterns: CompiledPattern<T>[]): PatternSet<T> {
  const byWord = new Map<string, CompiledPattern<T>[]>();
  const always: CompiledPattern<T>[] = [];
  const position = new Map<CompiledPattern<T>, number>();
  const anchors = new Map<CompiledPattern<T>, ReadonlySet<string>>();
  patterns.forEach((p, i) => {
    if (!position.has(p)) position.set(p, i);
    // Index by the token with the fewest forms: the cheapest filter.
    let best: string[] | null = null;
    for (const t of p.tokens) {
      const a = anchorWords(t);
      if (a && (!best || a.length < best.length)) best = a;
    }
    if (!best) {
      always.push(p);
      return;
    }
    anchors.set(p, new Set(best));
    for (const w of new Set(best)) {
      const list = byWord.get(w) ?? [];
      list.push(p);
      byWord.set(w, list);
    }
  });
  const set: PatternSet<T> = { byWord, always, all: patterns, position, anchors };
  if (patterns.length > 0) shared.add(set as PatternSet<unknown>);
  return set;
}

const isWord = (w: Word | undefined): w is Word => !!w && (w.kind === 'word' || w.kind === 'abbreviation');

function setHas(t: { words: ReadonlySet<string>; prefixes: string[]; suffixes?: string[] }, lower: string): boolean {
  if (t.words.has(lower)) return true;
  for (const p of t.prefixes) if (lower.startsWith(p)) return true;
  if (t.suffixes) for (const x of t.suffixes) if (lower.endsWith(x)) return true;
  return false;
}

/**
 * A form of a plain verb that is really part of a separable verb built on it:
 * "in te dienen" and "Dient u een klacht in" are "indienen", not "dienen".
 * The particle stands right before "te", or alone at the end of the clause
 * (verb-second: the particle closes the clause).
 */
function inSeparable(lemma: Lemma, words: readonly Word[], i: number, r: Range): boolean {
  if (!lemma.homographs) return false;
  const prev = words[i - 1]?.lower;
  if (prev === 'te' && lemma.homographs.has(words[i - 2]?.lower ?? '')) return true;
  if (lemma.homographs.has(prev ?? '')) return true;
  const last = words[r.to - 1]?.lower ?? '';
  return r.to - 1 > i && lemma.homographs.has(last);
}

/** Verbs and "te" that may stand between a separable particle and its verb ("af te wijzen", "af kunnen wijzen"). */
const CLUSTER = new Set(['te', 'kunnen', 'willen', 'zullen', 'moeten', 'mogen', 'kan', 'wil', 'zal', 'moet', 'mag', 'worden', 'zijn', 'hebben']);

interface Range {
  from: number;
  to: number;
  negations: Set<number>;
  anyNegation: boolean;
}

/** Matches one token somewhere in the range; returns the used word indices or null. */
function matchToken(t: Token, words: readonly Word[], r: Range, used: Set<number>, info: SentenceInfo): number[] | null {
  switch (t.kind) {
    case 'bang':
      return info.exclamations > 0 ? [] : null;
    case 'neg':
      for (const i of r.negations) if (!used.has(i)) return [i];
      return null;
    case 'set':
      for (let i = r.from; i < r.to; i++) if (!used.has(i) && isWord(words[i]) && setHas(t, words[i]!.lower)) return [i];
      return null;
    case 're':
      for (let i = r.from; i < r.to; i++) if (!used.has(i) && isWord(words[i]) && t.re.test(words[i]!.lower)) return [i];
      return null;
    case 'lemma': {
      for (let i = r.from; i < r.to; i++) {
        if (!used.has(i) && isWord(words[i]) && t.lemma.joined.has(words[i]!.lower) && !inSeparable(t.lemma, words, i, r)) return [i];
      }
      if (!t.lemma.particle) return null;
      for (let i = r.from; i < r.to; i++) {
        if (used.has(i) || !isWord(words[i]) || !t.lemma.split.has(words[i]!.lower)) continue;
        // The particle stands after the finite verb (verb-second) or right before it ("af te wijzen" is joined above).
        // After the verb (verb-second: "Wij wijzen uw aanvraag af"), or right before it in a
        // verb-final cluster ("dat wij het niet af kunnen wijzen"); a particle further in front is a
        // preposition ("als je na het douchen ... aan laat staan" is not "nalaten").
        for (let j = r.from; j < r.to; j++) {
          if (j === i || used.has(j) || words[j]!.lower !== t.lemma.particle) continue;
          if (j > i || words.slice(j + 1, i).every((x) => CLUSTER.has(x.lower))) return [i, j];
        }
      }
      return null;
    }
    case 'alt': {
      for (const o of t.options) {
        const m = matchToken(o, words, r, used, info);
        if (m) return m;
      }
      return null;
    }
    case 'seq': {
      for (let i = r.from; i + t.parts.length <= r.to; i++) {
        let ok = true;
        for (let k = 0; k < t.parts.length && ok; k++) {
          const idx = i + k;
          if (used.has(idx)) ok = false;
          else ok = matchAt(t.parts[k]!, words, idx, r);
        }
        if (ok) return t.parts.map((_, k) => i + k);
      }
      return null;
    }
  }
}

/** Does a single-word token match exactly the word at `idx`? */
function matchAt(t: Token, words: readonly Word[], idx: number, r: Range): boolean {
  const w = words[idx];
  if (!isWord(w)) return false;
  switch (t.kind) {
    case 'neg':
      return r.negations.has(idx);
    case 'set':
      return setHas(t, w.lower);
    case 're':
      return t.re.test(w.lower);
    case 'lemma':
      return (t.lemma.joined.has(w.lower) || t.lemma.split.has(w.lower)) && !inSeparable(t.lemma, words, idx, r);
    case 'alt':
      return t.options.some((o) => o.kind !== 'seq' && matchAt(o, words, idx, r));
    default:
      return false;
  }
}

/** Length of a fixed-order match of `t` at `idx` (0 = no match). Sequences inside alternatives count. */
function fixedLength(t: Token, words: readonly Word[], idx: number, r: Range): number {
  if (t.kind === 'seq') {
    for (let k = 0; k < t.parts.length; k++) if (!matchAt(t.parts[k]!, words, idx + k, r)) return 0;
    return t.parts.length;
  }
  if (t.kind === 'alt') {
    for (const o of t.options) {
      const n = fixedLength(o, words, idx, r);
      if (n) return n;
    }
    return 0;
  }
  return matchAt(t, words, idx, r) ? 1 : 0;
}

function matchFixed<T>(p: CompiledPattern<T>, words: readonly Word[], r: Range): number[] | null {
  for (let i = r.from; i + p.tokens.length <= r.to; i++) {
    const got: number[] = [];
    let at = i;
    let ok = true;
    for (const t of p.tokens) {
      const n = at < r.to ? fixedLength(t, words, at, r) : 0;
      if (!n || at + n > r.to) {
        ok = false;
        break;
      }
      for (let k = 0; k < n; k++) got.push(at++);
    }
    if (ok && got.length) return got;
  }
  return null;
}

export interface PatternHit<T> {
  value: T;
  /** Matched word indices, sorted. */
  indices: number[];
  first: number;
  last: number;
  /** The clause of the first matched word. */
  clause: Clause;
  start: number;
  end: number;
}

function matchIn<T>(p: CompiledPattern<T>, info: SentenceInfo, r: Range): number[] | null {
  const words = info.words;
  if (p.noNegation === 'effective' && r.negations.size > 0) return null;
  if (p.noNegation === 'raw' && (r.anyNegation || r.negations.size > 0)) return null;
  // The pattern's own tokens first (most clauses fail there, e.g. on NEG), the exceptions after.
  const excepted = () => {
    const none = new Set<number>();
    for (const e of p.except) {
      // A pronoun inside a relative clause is that clause's subject, not this one's: in "De kosten
      // die u heeft gemaakt, worden door ons niet vergoed" the "u" does not make it "u hoeft niet".
      if (e.kind === 'set' && e.pronoun) {
        for (let i = r.from; i < r.to; i++) {
          if (isWord(words[i]) && e.words.has(words[i]!.lower) && !info.relatives.some((x) => i > x.from && i < x.to)) return true;
        }
        continue;
      }
      if (matchToken(e, words, r, none, info)) return true;
    }
    return false;
  };
  if (p.fixed) {
    const m = matchFixed(p, words, r);
    return m && !excepted() ? m : null;
  }
  const used = new Set<number>();
  const got: number[] = [];
  for (const t of p.tokens) {
    const m = matchToken(t, words, r, used, info);
    if (!m) return null;
    for (const i of m) {
      used.add(i);
      got.push(i);
    }
  }
  if (!got.length || excepted()) return null;
  return got.sort((a, b) => a - b);
}

/** Clause openers after which the clause carries the statement itself (main clause order or a "dat" complement). */
const MAIN_OPENERS = new Set(['maar', 'en', 'dus', 'dan', 'daarom', 'dat', 'want', 'of']);
/** Finite forms that show a sign-like notice ("Geen fietsen in de hal") is really a statement ("Geen enkele huurder betaalt meer"). */
const FINITE = new Set([
  'is', 'zijn', 'was', 'waren', 'wordt', 'worden', 'werd', 'heeft', 'hebben', 'had', 'kan', 'kunnen', 'mag', 'mogen',
  'moet', 'moeten', 'zal', 'zullen', 'gaat', 'gaan', 'komt', 'komen', 'hoeft', 'hoeven', 'blijft', 'blijven', 'krijgt',
  'krijgen', 'staat', 'staan', 'ligt', 'liggen',
]);
/**
 * A short sentence without a finite verb after its first phrase: a notice or a
 * sign ("NIET ROKEN IN DE LIFT.", "Geen honden in de speeltuin."). Dutch puts the
 * finite verb second, so a statement that starts with "Geen ..." has it right
 * after the noun phrase ("Geen enkele huurder betaalt meer").
 */
function verbless(info: SentenceInfo): boolean {
  const w = info.words;
  if (w.length < 2 || w.length > 8 || info.question) return false;
  for (let i = 1; i < Math.min(w.length, 4); i++) {
    const l = w[i]!.lower;
    if (FINITE.has(l)) return false;
    if (i >= 2 && l.length > 3 && /[^aeiou]t$/.test(l) && !/(?:ift|cht|st|nt)$/.test(l)) return false;
  }
  return true;
}

/**
 * All hits of a pattern set in one sentence: each pattern at most once per
 * clause, sorted by start (longest first). `skip` drops clauses (e.g.
 * conditions for refusals): the hits in them.
 *
 * The hits come from the shared matcher (all sets, one pass per sentence); in
 * the order a pass over this set alone finds them: the set's patterns that
 * need no particular word first, then by the first word that makes a pattern a
 * candidate, then in data order (ties of the final sort keep that order, and
 * rules take the first of equal hits).
 */
export function matchSentence<T>(set: PatternSet<T>, doc: LetterDocument, info: SentenceInfo, skip?: (c: Clause) => boolean): PatternHit<T>[] {
  if (set.all.length === 0) return [];
  const found = shared.hitsOf(doc, info) as readonly PatternHits<T>[];
  if (found.length === 0) return [];
  const mine: { rank: number; hits: PatternHit<T>[] }[] = [];
  for (const f of found) {
    const pos = set.position.get(f.pattern);
    if (pos === undefined) continue;
    const anchor = set.anchors.get(f.pattern);
    let rank = pos;
    if (anchor) {
      let first = info.words.length;
      for (let i = 0; i < info.words.length; i++) {
        const w = info.words[i]!;
        if (isWord(w) && anchor.has(w.lower)) {
          first = i;
          break;
        }
      }
      rank = (first + 1) * set.all.length + pos;
    }
    mine.push({ rank, hits: f.hits });
  }
  if (mine.length === 0) return [];
  mine.sort((a, b) => a.rank - b.rank);
  const out: PatternHit<T>[] = [];
  for (const m of mine) for (const h of m.hits) if (!skip?.(h.clause)) out.push(h);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

interface PatternHits<T> {
  pattern: CompiledPattern<T>;
  /** In clause order. */
  hits: PatternHit<T>[];
}

/** Every registered set's patterns, matched in one pass per sentence. */
class SharedMatcher {
  private readonly sets: PatternSet<unknown>[] = [];
  /** Bumped when a set joins: the index is rebuilt, hits found before are found again. */
  private generation = 0;
  private built = -1;
  private patterns: CompiledPattern<unknown>[] = [];
  /** Patterns by anchor token id; patterns without an anchor are tried on every sentence. */
  private byToken = new Map<number, number[]>();
  private always: number[] = [];
  /** Base tokens (word sets, verbs, VD) by what a single word needs to match them. */
  private exact = new Map<string, number[]>();
  private prefixes: [string, number][] = [];
  private suffixes: [string, number][] = [];
  private regexes: [RegExp, number][] = [];
  /** Base token ids per lower-cased word, remembered across sentences and letters (words repeat). */
  private memo = new Map<string, readonly number[]>();
  /** Scratch, per sentence: clause bits per base token id, the ids set, candidate marks. */
  private masks = new Int32Array(0);
  private touched: number[] = [];
  private stamps = new Int32Array(0);
  private stamp = 0;
  /**
   * In how many sentences each base token occurred: after 256, 1,024, 4,096, ...
   * sentences every pattern is indexed again by its rarest token as seen so far
   * (first by the fewest forms). Any token of a pattern will do as its anchor
   * (a hit needs every token), so this changes which patterns are tried, never
   * what is found.
   */
  private occurrences = new Float64Array(0);
  private sentences = 0;
  private reindexAt = 256;
  private readonly cache = new WeakMap<SentenceInfo, { generation: number; hits: PatternHits<unknown>[] }>();

  add(set: PatternSet<unknown>): void {
    if (this.sets.length >= 1000) throw new Error('more than 1000 pattern sets: compile pattern sets once, at module load');
    this.sets.push(set);
    this.generation++;
  }

  hitsOf(doc: LetterDocument, info: SentenceInfo): readonly PatternHits<unknown>[] {
    const known = this.cache.get(info);
    if (known && known.generation === this.generation) return known.hits;
    if (this.built !== this.generation) this.build();
    const hits = this.match(doc, info);
    this.cache.set(info, { generation: this.generation, hits });
    return hits;
  }

  private build(): void {
    const seen = new Set<CompiledPattern<unknown>>();
    this.patterns = [];
    for (const set of this.sets) {
      for (const p of set.all) {
        if (seen.has(p)) continue;
        seen.add(p);
        this.patterns.push(p);
      }
    }
    this.byToken = new Map();
    this.always = [];
    this.exact = new Map();
    this.prefixes = [];
    this.suffixes = [];
    this.regexes = [];
    this.memo = new Map();
    const bases = new Set<Token>();
    const collect = (t: Token): void => {
      if (t.kind === 'seq') t.parts.forEach(collect);
      else if (t.kind === 'alt') t.options.forEach(collect);
      else if (t.kind === 'set' || t.kind === 'lemma' || t.kind === 're') bases.add(t);
    };
    for (const p of this.patterns) p.tokens.forEach(collect);
    this.index(filterCost);
    const addExact = (word: string, id: number) => {
      const list = this.exact.get(word) ?? [];
      if (!list.includes(id)) list.push(id);
      this.exact.set(word, list);
    };
    for (const t of bases) {
      if (t.kind === 'set') {
        for (const w of t.words) addExact(w, t.id);
        for (const x of t.prefixes) this.prefixes.push([x, t.id]);
        for (const x of t.suffixes ?? []) this.suffixes.push([x, t.id]);
      } else if (t.kind === 'lemma') {
        for (const w of t.lemma.joined) addExact(w, t.id);
        for (const w of t.lemma.split) addExact(w, t.id);
      } else if (t.kind === 're') this.regexes.push([t.re, t.id]);
    }
    this.masks = new Int32Array(tokenCount);
    this.stamps = new Int32Array(this.patterns.length);
    this.stamp = 0;
    this.occurrences = new Float64Array(tokenCount);
    this.sentences = 0;
    this.reindexAt = 256;
    this.built = this.generation;
  }

  /** Indexes every pattern by the anchor of least cost (`cost` of a base token). */
  private index(cost: (t: Token) => number): void {
    this.byToken = new Map();
    this.always = [];
    this.patterns.forEach((p, k) => {
      let best: Anchor | null = null;
      for (const t of p.tokens) {
        const a = anchorFor(t, cost);
        if (a && (!best || a.cost < best.cost)) best = a;
      }
      if (!best) {
        this.always.push(k);
        return;
      }
      for (const id of best.ids) {
        const list = this.byToken.get(id) ?? [];
        if (list[list.length - 1] !== k) list.push(k);
        this.byToken.set(id, list);
      }
    });
  }

  /** The base tokens one word matches (as setHas, a lemma's forms and a regex test would say). */
  private tokensOf(lower: string): readonly number[] {
    let ids = this.memo.get(lower);
    if (ids) return ids;
    const out = [...(this.exact.get(lower) ?? [])];
    for (const [x, id] of this.prefixes) if (lower.startsWith(x) && !out.includes(id)) out.push(id);
    for (const [x, id] of this.suffixes) if (lower.endsWith(x) && !out.includes(id)) out.push(id);
    for (const [re, id] of this.regexes) if (re.test(lower) && !out.includes(id)) out.push(id);
    ids = out;
    if (this.memo.size >= 200_000) this.memo.clear();
    this.memo.set(lower, ids);
    return ids;
  }

  private match(doc: LetterDocument, info: SentenceInfo): PatternHits<unknown>[] {
    const words = info.words;
    const many = info.clauses.length > 31;
    const masks = this.masks;
    const touched = this.touched;
    touched.length = 0;
    // 1. In which clauses each base token can match some word (a word of kind word or abbreviation).
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!isWord(w)) continue;
      const bit = many ? -1 : 1 << (info.clauseOf[i] ?? 0);
      for (const id of this.tokensOf(w.lower)) {
        if (masks[id] === 0) touched.push(id);
        masks[id]! |= bit;
      }
    }
    for (const id of touched) this.occurrences[id]!++;
    if (++this.sentences === this.reindexAt) {
      this.reindexAt *= 4;
      const seen = this.occurrences;
      // Ties (tokens not seen yet) by the fewest forms.
      this.index((t) => seen[t.id]! + filterCost(t) / 1e6);
    }
    let negations = 0;
    info.clauses.forEach((c, k) => {
      if (c.negations.length > 0) negations |= many ? -1 : 1 << k;
    });
    const bang = info.exclamations > 0 ? -1 : 0;
    const maskOf = (t: Token): number => {
      switch (t.kind) {
        case 'neg':
          return negations;
        case 'bang':
          return bang;
        case 'seq': {
          // Every part must occur somewhere; the sequence starts in a clause of its first part
          // (it may run on into the next clause: "vastgesteld dat" in sentence scope).
          for (const part of t.parts) if (maskOf(part) === 0) return 0;
          return maskOf(t.parts[0]!);
        }
        case 'alt': {
          let m = 0;
          for (const o of t.options) m |= maskOf(o);
          return m;
        }
        default:
          return masks[t.id]!;
      }
    };

    // 2. Candidates: patterns whose anchor occurs, plus those without one.
    const stamp = ++this.stamp;
    const candidates: number[] = [...this.always];
    for (const id of touched) {
      const list = this.byToken.get(id);
      if (!list) continue;
      for (const k of list) {
        if (this.stamps[k] === stamp) continue;
        this.stamps[k] = stamp;
        candidates.push(k);
      }
    }

    // 3. Each candidate in the clauses every one of its tokens allows.
    const out: PatternHits<unknown>[] = [];
    let sentenceRange: Range | undefined;
    let clauseRanges: Range[] | undefined;
    const rangeOf = (i: number): Range =>
      (clauseRanges ??= info.clauses.map((c) => ({ from: c.from, to: c.to, negations: new Set(c.negations), anyNegation: c.anyNegation })))[i]!;
    for (const k of candidates) {
      const p = this.patterns[k]!;
      // The clauses every token allows (`clauses`), and whether every token can match somewhere (`everywhere`, for sentence scope).
      let clauses = -1;
      let everywhere = true;
      for (const t of p.filterOrder) {
        const m = maskOf(t);
        clauses &= m;
        if (m === 0 || (clauses === 0 && !p.sentenceScope)) {
          everywhere = false;
          break;
        }
      }
      if (!everywhere) continue;
      const hits: PatternHit<unknown>[] = [];
      if (p.sentenceScope) {
        // A negation in a condition does not negate the consequence: in "Als u niet betaalt,
        // brengen wij de kosten bij u in rekening" the "niet" belongs to the condition.
        sentenceRange ??= {
          from: 0,
          to: words.length,
          negations: new Set(info.clauses.flatMap((c) => (c.conditional ? [] : c.negations))),
          anyNegation: info.clauses.some((c) => c.anyNegation && !c.conditional),
        };
        const m = matchIn(p, info, sentenceRange);
        if (m) pushHit(hits, p, m, info, doc);
      } else if (p.notice) {
        const c = info.clauses[0];
        if (!c || !(clauses & 1) || !verbless(info)) continue;
        const m = matchIn(p, info, rangeOf(0));
        if (m && m[0] === 0) pushHit(hits, p, m, info, doc);
      } else {
        if (clauses === 0) continue;
        for (const [ci, c] of info.clauses.entries()) {
          if (!((clauses >>> ci) & 1) && ci < 31) continue;
          if (p.mainOnly && c.opener !== null && !MAIN_OPENERS.has(c.opener)) continue;
          const m = matchIn(p, info, rangeOf(ci));
          if (m) pushHit(hits, p, m, info, doc);
        }
      }
      if (hits.length) out.push({ pattern: p, hits });
    }
    for (const id of touched) masks[id] = 0;
    return out;
  }
}

interface Anchor {
  /** Base token ids of which at least one occurs in every sentence where the token matches. */
  ids: number[];
  cost: number;
}

/** The anchor of a token: null when none can be listed (a negation, "!"). */
function anchorFor(t: Token, cost: (t: Token) => number): Anchor | null {
  switch (t.kind) {
    case 'set':
    case 'lemma':
    case 're':
      return { ids: [t.id], cost: cost(t) };
    case 'seq': {
      // Every part must occur: the cheapest part that can be listed.
      let best: Anchor | null = null;
      for (const part of t.parts) {
        const a = anchorFor(part, cost);
        if (a && (!best || a.cost < best.cost)) best = a;
      }
      return best;
    }
    case 'alt': {
      // One of the options must occur: all of them.
      const ids: number[] = [];
      let sum = 0;
      for (const o of t.options) {
        const a = anchorFor(o, cost);
        if (!a) return null;
        ids.push(...a.ids);
        sum += a.cost;
      }
      return { ids, cost: sum };
    }
    default:
      return null;
  }
}

const shared = new SharedMatcher();

function pushHit<T>(hits: PatternHit<T>[], p: CompiledPattern<T>, m: number[], info: SentenceInfo, doc: LetterDocument) {
  const first = m[0]!;
  const last = m[m.length - 1]!;
  const clause = info.clauses[info.clauseOf[first] ?? 0]!;
  const start = info.words[first]!.start;
  const end = info.words[last]!.end;
  if (doc.isOpaque(start)) return;
  hits.push({ value: p.value, indices: m, first, last, clause, start, end });
}

/** Keeps the first of overlapping hits (hits are sorted by start, longest first). */
export function withoutOverlap<T>(hits: PatternHit<T>[]): PatternHit<T>[] {
  const out: PatternHit<T>[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.start < end) continue;
    out.push(h);
    end = h.end;
  }
  return out;
}

// With --timing: the clause analysis and the matching of every set, timed on their own line.
registerSharedWork({
  label: '(gedeeld: zinsanalyse en zinspatronen)',
  needed: (rules) => rules.some((r) => r.meta.category === 'no-phrasing' || r.meta.category === 'tone'),
  prepare(doc) {
    for (const s of doc.sentences) shared.hitsOf(doc, analyse(doc, s));
  },
});
