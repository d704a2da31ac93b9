// Clause analysis of one sentence: where clauses start and end, which of them
// are conditions or questions, and which negations really negate. Computed
// once per sentence and shared by all judgement rules (a WeakMap cache), so
// every rule stays linear in the number of sentences.
import type { LetterDocument, Sentence, Word } from '../types.js';
import {
  AFTER_COMPLEMENTISER,
  CLAUSE_STARTERS,
  COMPARATIVE_NEXT,
  CONDITIONAL,
  GOOD_NEWS_AFTER_NEGATION,
  HOEVEN,
  NEGATIONS,
  NON_NEGATING_NEXT,
  SUBORDINATORS,
} from './lexicon.js';

export interface Clause {
  /** First word index (in `sentence.words`) and one past the last. */
  from: number;
  to: number;
  /** The word that opened the clause ("als", "maar", "dat"), if any. */
  opener: string | null;
  /** A condition ("als u niet thuis bent"), an indirect question ("of ...") or a question sentence. */
  conditional: boolean;
  /** Word indices of negations that really negate (not "geen zorgen", not "hoeft niet"). */
  negations: number[];
  /** Any negation word at all, good news included ("niet verplicht", "hoeft niet"). */
  anyNegation: boolean;
}

export interface SentenceInfo {
  sentence: Sentence;
  words: readonly Word[];
  clauses: Clause[];
  /** Clause index per word. */
  clauseOf: number[];
  question: boolean;
  /** Number of `!` at the end ("!!" is 2). */
  exclamations: number;
  /** Relative clauses after a noun: from "die" to the word before the next , ; : (`closed`) or the end. */
  relatives: RelativeClause[];
}

export interface RelativeClause {
  /** Word index of "die". */
  from: number;
  /** Word index after the clause's last word. */
  to: number;
  /** Ended by , ; : (not by the end of the sentence). */
  closed: boolean;
}

const cache = new WeakMap<Sentence, SentenceInfo>();

/** Words for the corporation and its people: what WE do not do without the tenant is reassurance. */
const OURS = new Set(['wij', 'we', 'monteur', 'monteurs', 'medewerker', 'medewerkers', 'aannemer', 'schilder', 'schilders', 'niemand', 'ons']);

/** "als" + one of these is "as", not "if": "als huurder", "als volgt". */
const AS_PREPOSITION = new Set([
  'volgt', 'huurder', 'huurders', 'bewoner', 'bewoners', 'eigenaar', 'gevolg', 'eerste', 'laatste', 'extra', 'bijlage',
  'alternatief', 'verhuurder', 'corporatie', 'organisatie', 'woningcorporatie', 'onderdeel', 'voorbeeld', 'bijvoorbeeld',
  'opslag', 'reden', 'tegenprestatie', 'vergoeding', 'compensatie', 'bedankje', 'dank', 'geheel', 'nieuw', 'nieuwe',
  'zodanig', 'zelfstandige', 'mens', 'buren', 'buurman', 'buurvrouw', 'partner', 'gezin', 'team', 'corporaties',
]);
/** "zowel ... als", "zo snel als", "net als": comparison, not a condition. */
const AS_BEFORE = new Set(['zowel', 'zo', 'net', 'evenals', 'even', 'mogelijk', 'dan', 'ofwel']);

/** "erop", "daarvan", "hierover": a pronominal adverb announces a clause ("erop dat ..."). */
const PRONOMINAL_ADVERB = /^(?:er|daar|hier)(?:op|aan|over|van|in|voor|mee|toe|om|uit|bij|door|naar|tegen|achter|onder)$/;
/** "niet ... voordat / totdat": the negation only places something in time. */
const TIMING = new Set(['voordat', 'totdat']);
/** Imperatives whose negation is a friendly reminder or invitation. */
const REMINDER = new Set(['vergeet', 'vergeten', 'aarzel', 'aarzelt', 'schroom', 'schroomt', 'twijfel']);
/** After ", niet" these start the contrasted phrase ("..., niet om ...", "..., niet de kosten"). */
const CONTRAST_NEXT = new Set(['om', 'voor', 'omdat', 'in', 'op', 'met', 'door', 'de', 'het', 'een', 'als', 'uit', 'bij', 'naar']);
/** Permission: "niet meer dan" with these restricts ("U mag niet meer dan twee dieren houden"). */
const PERMISSION = new Set(['mag', 'mogen', 'moogt', 'toegestaan', 'maximaal']);
/** After "en", a subject (or, one word on, an inverted subject) shows that a new clause starts. */
const EN_STARTS = new Set(['wij', 'we', 'u', 'je', 'jij', 'ik', 'zij', 'ze', 'hij', 'het', 'er', 'dan', 'daarom', 'dus', 'daarna', 'ook', 'men', 'iedereen', 'niemand']);
/** Finite verbs right after "en" ("en krijgt u", "en is", "en wordt"). */
const CLAUSE_VERB = new Set([
  'is', 'zijn', 'was', 'waren', 'wordt', 'worden', 'werd', 'heeft', 'hebben', 'had', 'kan', 'kunnen', 'kunt', 'mag', 'mogen',
  'moet', 'moeten', 'zal', 'zullen', 'zult', 'gaat', 'gaan', 'komt', 'komen', 'krijgt', 'krijg', 'krijgen', 'blijft', 'hoeft',
  'betaalt', 'betaal', 'ontvangt', 'staat', 'staan', 'laat', 'laten', 'volgt', 'vervalt', 'stuur', 'stuurt', 'sturen',
]);
/** Obligation words: negated they are good news for whoever would be obliged ("U bent niet verplicht"), a refusal when that is us. */
const OBLIGATION = new Set(['verplicht', 'gehouden']);

/** Words after which "die" is no relative pronoun: prepositions, verbs, pronouns ("voor die kosten", "is die van u"). */
const NOT_BEFORE_RELATIVE = new Set([
  'van', 'voor', 'met', 'op', 'in', 'aan', 'door', 'over', 'naar', 'bij', 'uit', 'om', 'tot', 'zonder', 'tegen', 'onder', 'na', 'vanaf', 'via',
  'is', 'zijn', 'was', 'waren', 'wordt', 'worden', 'heeft', 'hebben', 'had', 'kan', 'kunnen', 'wil', 'willen', 'moet', 'moeten', 'mag', 'mogen',
  'en', 'of', 'maar', 'dus', 'want', 'daarom', 'toch', 'ook', 'nu', 'dat', 'als', 'dan', 'wij', 'we', 'u', 'je', 'jij', 'ik', 'zij', 'ze', 'hij',
]);
/** After a relative "die": words a demonstrative "die" (before its noun) is not followed by. */
const RELATIVE_NEXT = new Set([
  'niet', 'geen', 'nog', 'na', 'zonder', 'al', 'vóór', 'u', 'je', 'jij', 'er', 'de', 'het', 'een', 'hun', 'zijn', 'uw', 'jouw', 'hier',
  'daar', 'nu', 'langer', 'toch', 'ook', 'zelf', 'eerder', 'op', 'in', 'bij', 'met', 'zich', 'meer', 'weigeren', 'weigert',
]);

const isWord = (w: Word | undefined) => !!w && (w.kind === 'word' || w.kind === 'abbreviation');

/** Punctuation between word i-1 and word i. */
function gap(doc: LetterDocument, words: readonly Word[], i: number): string {
  const prev = words[i - 1];
  const w = words[i]!;
  return prev ? doc.text.slice(prev.end, w.start) : '';
}

/**
 * The tokenizer reads a pronoun or a verb particle before the full stop as an
 * abbreviation ("... van u.", "Wij zeggen de huur op."): at the end of a Dutch
 * sentence these are the word itself (the separable particle closes the clause).
 */
const PRONOUN_STOP = /^(?:u|je|jij|jou|ons|wij|we|op|aan|in|af|uit|toe|mee|over|door|terug|na|voor|bij|om|vast|weg)\.$/;
export function withPronouns(words: readonly Word[]): readonly Word[] {
  const last = words[words.length - 1];
  if (!last || last.kind !== 'abbreviation' || !PRONOUN_STOP.test(last.lower)) return words;
  const fixed: Word = { ...last, kind: 'word', text: last.text.slice(0, -1), lower: last.lower.slice(0, -1), end: last.end - 1 };
  return [...words.slice(0, -1), fixed];
}

export function analyse(doc: LetterDocument, sentence: Sentence): SentenceInfo {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const words = withPronouns(sentence.words);
  const n = words.length;
  const tail = doc.text.slice(words[n - 1]?.end ?? sentence.end, Math.min(doc.text.length, sentence.end + 3));
  const bangs = /^[^\p{L}\d]*?(!+)/u.exec(tail)?.[1]?.length ?? 0;
  const question = sentence.terminator === '?' || /^\s*\?/.test(tail);

  // 1. Clause boundaries.
  const starts: { at: number; opener: string | null }[] = [{ at: 0, opener: null }];
  let subordinate = false;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const g = i > 0 ? gap(doc, words, i) : '';
    // Most gaps are one space: no boundary, no regex.
    const plain = g === ' ' || g === '';
    const hard = !plain && /[;:()\u2013\u2014]|\s-\s|\n\s*\n/.test(g);
    const comma = !plain && g.includes(',');
    const lower = isWord(w) ? w.lower : '';
    let opener: string | null | undefined = undefined;
    const next = words[i + 1]?.lower ?? '';
    const subjectNext = AFTER_COMPLEMENTISER.has(next) || ['dat', 'die', 'iemand', 'alles', 'niets'].includes(next) || words[i + 1]?.kind === 'placeholder';
    const prev = words[i - 1]?.lower ?? '';
    // "als huurder", "als volgt", "zowel ... als" (= as) and "huisdieren of planten" (= or) do not start a clause.
    // "als" opens a condition when a subject follows ("als u", "als de monteur", "als er"); before a bare
    // noun it is "as" ("als woningzoekende", "als huurder"). At the start of a sentence a condition is
    // closed by a comma ("Als blijkt dat ..., dan"); without one, "Als huurder heeft u ..." is "as".
    const asBareNoun =
      lower === 'als' && !subjectNext && !/^(?:er|blijkt|nodig|dit|dat|alles|iets|niets)$/.test(next) && (i > 0 ? !comma && !hard : !/,/.test(doc.text.slice(w.end, sentence.end)));
    const notConjunction =
      (lower === 'als' && (AS_PREPOSITION.has(next) || AS_BEFORE.has(prev) || asBareNoun)) || (lower === 'of' && !subjectNext);
    if (notConjunction) opener = hard || (comma && subordinate) ? null : undefined;
    else if (lower === 'dan' && comma) opener = 'dan';
    // "en" joins clauses ("..., en wij komen", "en krijg je de rekening"), but also words in a list
    // ("leeg, schoon en in goede staat", "uw pas en dat van uw partner"): after a comma, or before a
    // subject or a finite verb, it starts a clause.
    else if (lower === 'en' && !comma && !EN_STARTS.has(next) && !EN_STARTS.has(words[i + 2]?.lower ?? '') && !CLAUSE_VERB.has(next)) opener = undefined;
    else if (lower && CLAUSE_STARTERS.has(lower)) opener = lower;
    // "dat" after a pronominal adverb ("wijzen u erop dat", "gaan ervan uit dat") is always a conjunction.
    else if (lower === 'dat' && (comma || AFTER_COMPLEMENTISER.has(next) || PRONOMINAL_ADVERB.test(prev))) opener = 'dat';
    else if (lower === 'mocht' && (i === 0 || comma) && AFTER_COMPLEMENTISER.has(words[i + 1]?.lower ?? '')) opener = 'mocht';
    // "Wie niet meewerkt, ...": a free relative at the start is a condition on whoever it applies to.
    else if (lower === 'wie' && i === 0 && /,/.test(doc.text.slice(w.end, sentence.end))) opener = 'wie';
    // "Zoals wij u al schreven, ...": at the start with a subject and a comma, a comment clause that
    // ends at the comma (elsewhere "zoals" is "such as": "kleine reparaties zoals een lekkende kraan").
    else if (lower === 'zoals' && i === 0 && AFTER_COMPLEMENTISER.has(next) && /,/.test(doc.text.slice(w.end, sentence.end))) opener = 'zoals';
    else if (hard || (comma && subordinate)) opener = null;
    else opener = undefined;
    if (opener === undefined) continue;
    if (i === 0) {
      starts[0]!.opener = opener;
    } else {
      starts.push({ at: i, opener });
    }
    // A "dat" clause inside a condition or reason ("Indien u vindt dat de verhoging niet terecht is,
    // kunt u ...") is still part of it: the comma after it ends the subordinate part.
    subordinate = opener !== null && (SUBORDINATORS.has(opener) || (opener === 'dat' && subordinate));
  }

  // Relative clauses ("Een rookmelder die het niet meer doet, ..."): not clause boundaries (for
  // some rules "Alle kosten die hieruit voortvloeien, komen voor uw rekening" is one threat across one).
  const relatives: RelativeClause[] = [];
  for (let j = 1; j < n; j++) {
    const prev = words[j - 1]!;
    if (words[j]!.lower !== 'die' || prev.kind !== 'word' || NOT_BEFORE_RELATIVE.has(prev.lower) || /[,;:]/.test(gap(doc, words, j))) continue;
    let k = j + 1;
    while (k < n && !/[,;:]/.test(gap(doc, words, k))) k++;
    relatives.push({ from: j, to: k, closed: k < n });
  }
  // "Bewoners die niet meewerken, kunnen ...", "Spullen die je niet ophaalt, worden ...": a relative
  // clause on the subject, closed by a comma, says whom the sentence is about; its negation does not
  // negate the main clause (which goes on after the comma, so the clause is not split there).
  const relative: boolean[] = new Array<boolean>(n).fill(false);
  for (const r of relatives) {
    if (!r.closed || !RELATIVE_NEXT.has(words[r.from + 1]?.lower ?? '')) continue;
    for (let i = r.from; i < r.to; i++) relative[i] = true;
  }

  const clauses: Clause[] = [];
  const clauseOf: number[] = new Array<number>(n).fill(0);
  starts.forEach((s, k) => {
    const to = starts[k + 1]?.at ?? n;
    for (let i = s.at; i < to; i++) clauseOf[i] = clauses.length;
    const conditional = (s.opener !== null && CONDITIONAL.has(s.opener)) || (s.at === 0 && question);
    clauses.push({ from: s.at, to, opener: s.opener, conditional, negations: [], anyNegation: false });
  });
  // "Betaalt u niet voor 1 juni, dan ...": the clause before ", dan" is a condition.
  clauses.forEach((c, k) => {
    if (c.opener === 'dan' && k > 0) clauses[k - 1]!.conditional = true;
  });

  // 2. Negations that negate.
  for (const c of clauses) {
    let good = false;
    // "We komen niet binnen zonder afspraak" reassures; "U mag niet verbouwen zonder toestemming" restricts.
    let hasOurs = false;
    let hasWe = false;
    for (let i = c.from; i < c.to; i++) {
      if (OURS.has(words[i]!.lower)) hasOurs = true;
      if (words[i]!.lower === 'wij' || words[i]!.lower === 'we') hasWe = true;
    }
    let hasPermission = false;
    for (let i = c.from; i < c.to; i++) {
      const l = words[i]!.lower;
      if (PERMISSION.has(l)) hasPermission = true;
      if (HOEVEN.has(l)) good = true;
      if (l === 'zonder' && hasOurs) good = true;
      if (NEGATIONS.has(l) && isWord(words[i]) && !relative[i]) c.anyNegation = true;
    }
    if (good) continue;
    for (let i = c.from; i < c.to; i++) {
      const w = words[i]!;
      if (!isWord(w) || !NEGATIONS.has(w.lower) || relative[i]) continue;
      const next = words[i + 1]?.lower ?? '';
      const next2 = words[i + 2]?.lower ?? '';
      const prev = words[i - 1]?.lower ?? '';
      if (NON_NEGATING_NEXT.has(next)) continue; // niet alleen ... maar ook
      // "niet later dan" sets a limit; "mag niet meer dan twee dieren houden" restricts.
      if (COMPARATIVE_NEXT.has(next) && next2 === 'dan' && !(hasPermission && next !== 'later')) continue;
      if (prev === 'dan' && words[i - 2]?.lower === 'al') continue; // al dan niet
      if (prev === 'of' || prev === 'zo') continue; // wel of niet, zo niet
      // "we beginnen nooit vóór 8.00 uur": a time we keep to, not a refusal.
      if ((next === 'vóór' || next === 'voor' || next === 'na') && /^\d/.test(words[i + 2]?.text ?? '')) continue;
      // "deze brief als niet verzonden beschouwen": a formula, not a refusal.
      if (prev === 'als' && /^(?:verzonden|verstuurd|geschreven|ontvangen|gelezen)$/.test(next)) continue;
      // "Vergeet niet ...", "Aarzel niet ...": the negation belongs to the reminder, not to what follows.
      if (REMINDER.has(prev)) continue;
      if (w.lower === 'niet' && next === 'voor' && next2 === 'niets') continue; // niet voor niets: with good reason
      // "Wij zijn er om u te helpen, niet om u te controleren": a contrast after a comma negates one phrase, not the clause.
      if (w.lower === 'niet' && i > 0 && gap(doc, words, i).includes(',') && CONTRAST_NEXT.has(next)) continue;
      if (w.lower === 'niets' && prev === 'voor' && words[i - 2]?.lower === 'niet') continue;
      if (OBLIGATION.has(next) && hasWe) {
        c.negations.push(i); // "Daar zijn wij niet verplicht toe": we refuse
        continue;
      }
      // Compounds are head-final: "geen administratiekosten" is "geen kosten".
      // "geen extra kosten" is good news, "geen extra sleutels" a refusal.
      const extraGood = next === 'extra' && (GOOD_NEWS_AFTER_NEGATION.has(next2) || next2 === 'geld' || /.kosten$/.test(next2) || !isWord(words[i + 2]));
      if (GOOD_NEWS_AFTER_NEGATION.has(next) || extraGood || /.kosten$/.test(next)) continue;
      // "u merkt er niets van" reassures; "wij hebben niets van u vernomen" does not.
      if (w.lower === 'niets' && ((next === 'van' && next2 !== 'u' && next2 !== 'uw') || next === 'mis')) continue;
      c.negations.push(i);
    }
  }

  // "De woning wordt niet opgeleverd voordat alles klaar is": "not before" sets a moment, it does not refuse.
  clauses.forEach((c, k) => {
    const next = clauses[k + 1];
    if (next && TIMING.has(next.opener ?? '') && c.negations.length > 0) c.negations = [];
  });

  const info: SentenceInfo = { sentence, words, clauses, clauseOf, question, exclamations: bangs, relatives };
  cache.set(sentence, info);
  return info;
}

/** The clause a word belongs to. */
export function clauseAt(info: SentenceInfo, wordIndex: number): Clause {
  return info.clauses[info.clauseOf[wordIndex] ?? 0]!;
}

/**
 * The sentence states something under a condition: a condition clause ("Als u ...", "Gebeurt
 * dit niet, dan ..."), "anders" or "zo niet". A statement of costs under a condition is a
 * threat ("Als u niet betaalt, komen de kosten voor uw rekening"); without one, it is a plain no
 * ("Kleine reparaties zijn voor rekening van de huurder").
 */
export function underCondition(info: SentenceInfo): boolean {
  return info.clauses.some((c) => c.conditional) || info.words.some((_, i) => otherwiseAt(info.words, i));
}

/** "anders" or "zo niet" at word `i`: what follows happens if the tenant does not do it. */
export function otherwiseAt(w: readonly { lower: string }[], i: number): boolean {
  const l = w[i]!.lower;
  return l === 'anders' || (l === 'zo' && w[i + 1]?.lower === 'niet');
}
