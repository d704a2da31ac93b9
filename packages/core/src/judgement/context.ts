// Context around a finding: does the letter offer an alternative, a next step,
// help or contact? Is a house rule explained? These decide whether a "no" is a
// finding at all, so they are judged per clause, with negation scope.
import { sentenceKey } from '../rules/letter/util.js';
import type { LetterDocument, Sentence } from '../types.js';
import { analyse, type SentenceInfo } from './clauses.js';
import { REASON_WORDS, REQUEST_WORDS } from './lexicon.js';
import { compilePattern, compilePatternSet, matchSentence, type PatternSet } from './patterns.js';

type Strength = 'strong' | 'contact';

// What counts as "saying what IS possible". Each matches in a clause WITHOUT a
// real negation ("u kunt niet meer reageren" offers nothing).
const ALTERNATIVES: [pattern: string, strength: Strength, except?: string[]][] = [
  ['U KAN|MAG', 'strong'],
  ['WIJ KAN', 'strong'],
  ['samen|gezamenlijk', 'strong'],
  ['+meedenken', 'strong'],
  ['+kijken|+zoeken WIJ', 'strong'],
  ['oplossing|oplossingen|alternatief|alternatieven|alternatieve|uitweg', 'strong'],
  ['mogelijkheid|mogelijkheden', 'strong'],
  ['in_plaats_daarvan|in_plaats_van|daarentegen', 'strong'],
  ['+aanbieden|+bieden', 'strong'],
  // Our proposal is an alternative; "uw voorstel" is the tenant's, which the sentence may turn down.
  ['voorstel|aanbod|tegenvoorstel', 'strong', ['uw_voorstel', 'je_voorstel', 'jouw_voorstel', 'uw_aanbod', 'je_aanbod', 'jouw_aanbod']],
  ['regeling|betalingsregeling|schuldhulp|schuldhulpverlening|budgetcoach|hulp|ondersteuning|advies|+adviseren|tip|tips', 'strong'],
  ['+helpen', 'strong'],
  ['+verwijzen naar', 'strong'],
  ['bezwaar|klacht +maken|indienen|aantekenen', 'strong'],
  ['huurcommissie|geschillencommissie|klachtencommissie|huurteam|wijkteam|sociaal_raadslieden|juridisch_loket', 'strong'],
  ['+bespreken|gesprek|afspraak', 'strong'],
  ['+langskomen|huisbezoek', 'strong'],
  ['wachtlijst|inschrijven|aanmelden', 'strong'],
  // "wij zetten u graag op de lijst", "we denken graag mee": an offer by the corporation.
  ['WIJ graag', 'contact'],
  // Contact: a next step, but "Heeft u vragen? Bel ons." alone is boilerplate (see isBoilerplate).
  ['+bellen|+mailen|contact|telefoon|telefonisch|whatsapp|mail|e-mail|spreekuur|wijkkantoor|bereikbaar', 'contact'],
  ['+opnemen contact', 'contact'],
];

/** Prepositions that start the corrected part of "niet X, maar Y". */
const CORRECTION_START = new Set(['op', 'in', 'via', 'per', 'bij', 'met', 'aan', 'vanaf', 'na', 'tot', 'naar', 'voor', 'om', 'tussen']);

/** Words that say when something does happen ("..., maar de monteur komt op 4 juni terug"). */
const WHEN = new Set([
  'morgen', 'overmorgen', 'binnenkort', 'later', 'terug', 'opnieuw', 'volgende', 'straks', 'maandag', 'dinsdag', 'woensdag',
  'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december',
]);

/** A clause that names a date or a moment: a next step, not an empty "but". */
function saysWhen(info: SentenceInfo, c: { from: number; to: number }): boolean {
  for (let i = c.from; i < c.to; i++) {
    const w = info.words[i]!;
    if (w.kind === 'date' || WHEN.has(w.lower)) return true;
  }
  return false;
}

/** Imperatives that start a next step ("Bel ons", "Kijk op", "Vraag ..."). */
const IMPERATIVES = new Set(['bel', 'mail', 'kijk', 'neem', 'vraag', 'stuur', 'kom', 'meld', 'laat', 'schrijf', 'lees', 'ga', 'app', 'vul', 'maak', 'zoek']);

const altSet: PatternSet<Strength> = compilePatternSet(
  ALTERNATIVES.map(([patroon, strength, behalve], i) =>
    compilePattern(strength, { patroon, negatie: 'verboden', effective: true, ...(behalve ? { behalve } : {}) }, `alternative ${i + 1}`),
  ),
);

/** "Heeft u (nog) vragen?", "Voor vragen ...", "Als u vragen heeft" */
function isQuestionsBoilerplate(info: SentenceInfo): boolean {
  return info.words.some((w) => w.lower === 'vragen' || w.lower === 'vraag') && !info.words.some((w) => w.lower === 'samen' || w.lower === 'wel');
}

export interface Offer {
  strength: Strength;
  sentence: Sentence;
}

const offerCache = new WeakMap<Sentence, Strength | null>();

/**
 * What a sentence offers: a strong alternative, only contact, or nothing.
 * `fromWord` limits the search to words at or after that index (the rest of
 * a refusal's own sentence).
 */
/**
 * "..., maar een terras tot de helft van de tuin is prima", "..., maar een ruil met een
 * eengezinswoning past misschien wel", "..., maar misschien hebt u recht op meer huurtoeslag": a
 * "maar" clause without a negation of its own that names what may or can, is the alternative.
 */
const OPTION_WORDS = new Set(['prima', 'mag', 'mogen', 'mogelijk', 'recht', 'misschien', 'wellicht', 'kunt', 'kun', 'goed', 'toegestaan']);
function namesOption(info: SentenceInfo, c: SentenceInfo['clauses'][number]): boolean {
  for (let i = c.from; i < c.to; i++) if (OPTION_WORDS.has(info.words[i]!.lower)) return true;
  return false;
}

export function offerIn(doc: LetterDocument, sentence: Sentence, fromWord = 0, exclude?: WordRange): Strength | null {
  // With `exclude` (the refusal itself: its clause up to its last word) the answer differs per refusal: no cache.
  if (exclude) return offerInUncached(doc, sentence, fromWord, exclude);
  if (fromWord === 0) {
    const hit = offerCache.get(sentence);
    if (hit !== undefined) return hit;
  }
  const best = offerInUncached(doc, sentence, fromWord);
  if (fromWord === 0) offerCache.set(sentence, best);
  return best;
}

/**
 * A word range of a sentence (word indices, `to` exclusive). For a refusal: "uw aanvraag voor een
 * betalingsregeling is afgewezen" names the arrangement it turns down; the word there is no offer.
 */
export interface WordRange {
  from: number;
  to: number;
}

function offerInUncached(doc: LetterDocument, sentence: Sentence, fromWord: number, exclude?: WordRange): Strength | null {
  const info = analyse(doc, sentence);
  let best: Strength | null = null;
  // "wel" marks what IS possible, also inside a clause with a negation ("..., wel kunnen we ...").
  for (let i = fromWord; i < info.words.length; i++) {
    const w = info.words[i]!;
    if (w.lower !== 'wel' || w.kind !== 'word') continue;
    const next = info.words[i + 1]?.lower ?? '';
    const prev = info.words[i - 1]?.lower ?? '';
    if (next === 'of' || next === 'eens' || prev === 'of' || prev === 'misschien') continue;
    best = 'strong';
  }
  if (best) return best;
  // "niet op maandag, maar op dinsdag", "niet per post, maar via e-mail": a correction that names
  // what does happen (a "maar" clause that goes on with a preposition, without a negation of its own).
  for (const c of info.clauses) {
    const next = info.words[c.from + 1]?.lower ?? '';
    if (c.opener === 'maar' && c.from >= fromWord && c.negations.length === 0 && (CORRECTION_START.has(next) || saysWhen(info, c) || namesOption(info, c))) {
      return 'strong';
    }
  }
  // An imperative at the start of a clause without negation: "Bel ons", "Kijk op onze website".
  for (const c of info.clauses) {
    const w = info.words[c.from];
    if (c.from >= fromWord && w && IMPERATIVES.has(w.lower) && c.negations.length === 0 && !info.question) best = 'contact';
  }
  for (const h of matchSentence(altSet, doc, info, (c) => c.to <= fromWord)) {
    if (h.first < fromWord) continue;
    if (exclude && h.first >= exclude.from && h.last < exclude.to) continue;
    if (h.value === 'strong') {
      best = 'strong';
      break;
    }
    best = 'contact';
  }
  // Contact is a next step ("Wilt u hierover praten? Bel dan ..."), unless it is the
  // "Heeft u vragen? Bel ons." boilerplate every letter has: that offers no alternative.
  if (best === 'contact' && !isQuestionsBoilerplate(info) && !previousIsQuestionsBoilerplate(doc, sentence)) best = 'strong';
  return best;
}

function previousIsQuestionsBoilerplate(doc: LetterDocument, sentence: Sentence): boolean {
  const prev = doc.sentences[sentence.index - 1];
  return !!prev && prev.block === sentence.block && analyse(doc, prev).question && isQuestionsBoilerplate(analyse(doc, prev));
}

/** Is the sentence a "Heeft u vragen? Bel ons." line (contact, not an alternative)? */
export function isBoilerplateContact(doc: LetterDocument, sentence: Sentence): boolean {
  const info = analyse(doc, sentence);
  return isQuestionsBoilerplate(info) || previousIsQuestionsBoilerplate(doc, sentence);
}

/** A strong alternative in the rest of the sentence (from `fromWord`) or in the next sentence. */
export function alternativeNear(doc: LetterDocument, sentence: Sentence, fromWord: number, exclude?: WordRange): boolean {
  if (offerIn(doc, sentence, fromWord, exclude) === 'strong') return true;
  const next = doc.sentences[sentence.index + 1];
  // The next sentence or heading ("Wat kunt u wel doen?") may bring the alternative ...
  if (next && (next.block.role === 'body' || next.block.role === 'heading') && offerIn(doc, next) === 'strong') return true;
  // ... or a later sentence of the same paragraph ("... vergoeden wij niet. Die valt onder uw verzekering. Wij helpen u ...").
  for (const s of sentence.block.sentences) if (s.index > sentence.index + 1 && offerIn(doc, s) === 'strong') return true;
  // "Helaas gaat het op 15 december niet door. De loodgieter komt nu op maandag 11 januari.": what happens instead.
  return nextStepAfter(doc, sentence, sentence.end);
}

/** Help or contact anywhere in the letter body (for formal notices). */
export function offersHelpOrContact(doc: LetterDocument): boolean {
  for (const s of doc.sentences) {
    if (s.words.some((w) => w.kind === 'phone' || w.kind === 'email' || w.kind === 'url')) return true;
    if (offerIn(doc, s) !== null) return true;
  }
  return false;
}

/** A house rule with a reason in the same sentence, or a reason sentence right after it. */
export function explained(doc: LetterDocument, sentence: Sentence): boolean {
  const has = (s: Sentence) => s.words.some((w) => REASON_WORDS.has(w.lower));
  if (has(sentence)) return true;
  const next = doc.sentences[sentence.index + 1];
  if (next && next.block === sentence.block) {
    const first = next.words[0]?.lower ?? '';
    if (['dat', 'dit', 'zo', 'want', 'omdat', 'anders', 'dan', 'daardoor', 'hierdoor', 'daarmee'].includes(first)) return true;
    if (has(next) && ['veiligheid', 'brandveiligheid', 'overlast', 'schade', 'schimmel', 'brandgevaar'].some((k) => next.words.some((w) => w.lower === k))) return true;
  }
  return false;
}

/** Does the sentence refuse something the tenant asked for ("uw verzoek", "toestemming")? */
export function aboutRequest(sentence: Sentence): boolean {
  return sentence.words.some((w) => REQUEST_WORDS.has(w.lower));
}

const MONTHS = /^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|voorjaar|najaar|zomer|winter)$/;
const DAYS = /^(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|morgen|overmorgen)$/;
/** "Wij laten u weten wanneer ...", "U krijgt een nieuwe brief", "U hoort van ons voor 1 mei", "De nieuwe datum is ...". */
const NEW_DATE_BEFORE = new Set(['tot', 'naar', 'nu', 'vanaf']);
const TIME_FRAME = /\b(?:binnen|uiterlijk|voor|vóór|over)\b.*\b(?:week|weken|dag|dagen|werkdagen|maand|maanden)\b|\b(?:volgende|deze|komende)\s+(?:week|maand)\b/;
const WILL_TELL =
  /\b(?:laten|laat)\b.*\b(?:weten|horen)\b|\b(?:krijgt|ontvangt|krijg|ontvang)\b.*\b(?:bericht|brief|mail|nieuwe datum|nieuwe afspraak|uitnodiging)\b|\bhoort\b.*\bvan ons\b|\bnieuwe (?:datum|afspraak|planning|tijd)\b|\bhouden\b.*\bop de hoogte\b|\bmaken\b.*\b(?:nieuwe|andere) afspraak\b/;

/**
 * What happens instead, right after the news: a date or a day in the next two
 * sentences of the same part of the letter (the new date, "Hij komt nu op
 * donderdag"), or a promise to let the tenant know (also in the rest of the
 * sentence itself).
 */
export function nextStepAfter(doc: LetterDocument, s: Sentence, fromOffset: number, datesInSentence = false): boolean {
  const candidates = [s, doc.sentences[s.index + 1], doc.sentences[s.index + 2]].filter(
    (x): x is Sentence => !!x && (x.block.role === 'body' || x.block.role === 'heading') && x.block.section === s.block.section,
  );
  for (const x of candidates) {
    const words = x === s ? x.words.filter((w) => w.start >= fromOffset) : x.words;
    // In the sentence itself a date is usually the limit of the no ("niet eerder dan 1 juli"),
    // except for a delay ("uitgesteld tot 12 mei").
    const isDate = (w: Sentence['words'][number]) => w.kind === 'date' || MONTHS.test(w.lower) || DAYS.test(w.lower);
    if (x !== s && words.some(isDate)) return true;
    // In the sentence of a delay: only a date it moves to ("uitgesteld tot 15 maart", "verschoven naar
    // dinsdag"), not the date it was planned for ("de avond van 12 januari gaat niet door").
    if (x === s && datesInSentence && words.some((w, i) => isDate(w) && [words[i - 1], words[i - 2]].some((p) => p && NEW_DATE_BEFORE.has(p.lower)))) return true;
    // "Wij laten u weten wanneer ..." is a next step only with a time to it ("voor 1 februari",
    // "binnen twee weken"); "zodra er meer bekend is" leaves the tenant waiting.
    const key = x === s ? words.map((w) => w.lower).join(' ') : sentenceKey(x).key;
    if (WILL_TELL.test(key) && (words.some(isDate) || TIME_FRAME.test(key))) return true;
  }
  return false;
}
