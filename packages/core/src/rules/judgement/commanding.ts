import { analyse, otherwiseAt, type SentenceInfo } from '../../judgement/clauses.js';
import { REASON_WORDS, TENANT_SUBJECTS } from '../../judgement/lexicon.js';
import type { PatternEntry, PatternHit } from '../../judgement/patterns.js';
import type { LetterDocument, Rule, Sentence } from '../../types.js';
import { phraseHits, phraseReport } from './shared.js';

// A demand without a reason: an imperative ("Zorg ervoor dat ...", "Betaal ...") or
// "u moet" with a deadline ("uiterlijk vrijdag", "binnen vijf dagen") and nothing
// that says why or asks kindly. The same imperative with a reason ("..., dan kan de
// monteur meteen aan de slag") is a friendly instruction, and is not reported.

/** Imperatives that demand something of the tenant (not "Bel ons", "Kijk op", "Laat het ons weten": those offer a next step). */
const DEMAND_IMPERATIVES = new Set([
  'zorg', 'betaal', 'voldoe', 'lever', 'stuur', 'maak', 'haal', 'verwijder', 'ruim', 'houd', 'hou', 'zet', 'vul', 'geef',
  'onderteken', 'breng', 'leg', 'plaats', 'doe', 'herstel', 'repareer', 'stop', 'beëindig', 'leeg', 'draag', 'ontruim',
  'verlaat', 'retourneer', 'regel', 'meld', 'schilder', 'snoei', 'maai', 'neem', 'sluit', 'hang', 'bezorg', 'vervang', 'lijn',
]);
/** "Laat de roosters openstaan": "laat" with a state is a demand; "Laat het ons weten" offers a next step. */
const LAAT_STATE = /^(?:open|dicht|aan|uit|vrij|leeg|schoon)?(?:staan|zitten|liggen|hangen|branden|draaien)$|^(?:openstaan|dichtzitten|aanstaan|uitstaan)$/;
function laatState(w: readonly { lower: string }[], from: number, to: number): boolean {
  if (w[from]?.lower !== 'laat' || PRONOUNS.has(w[from + 1]?.lower ?? '')) return false;
  for (let i = from + 1; i < to; i++) if (LAAT_STATE.test(w[i]!.lower)) return true;
  return false;
}
/** "ook (niet) als ...": a concession ("Haal nooit de batterij eruit, ook niet als hij piept"), not a condition. */
function concession(info: SentenceInfo, c: { opener: string | null; from: number }): boolean {
  if (c.opener !== 'als' && c.opener !== 'wanneer') return false;
  const before = info.words[c.from - 1]?.lower;
  return before === 'ook' || (before === 'niet' && info.words[c.from - 2]?.lower === 'ook');
}
/**
 * Polite imperatives with "u" ("Zorgt u ervoor dat ...", "Levert u de sleutels in"): verb-first
 * statements, not questions. Only verbs that demand; "Belt u gerust" offers.
 */
const POLITE_DEMANDS = new Set(['zorgt', 'levert', 'betaalt', 'maakt', 'haalt', 'ruimt', 'verwijdert', 'houdt', 'zet', 'stuurt', 'vult', 'geeft', 'brengt', 'sluit', 'neemt']);
/** "... zodat / dat de monteur erbij kan": a purpose, so an explained instruction. */
const CAN = new Set(['kan', 'kunnen', 'kunt']);
/** Present-tense obligation verbs ("u moet", "je dient"). */
const MUST_NOW = new Set(['moet', 'moeten', 'dient', 'dienen']);
/** Words that make an obligation an explanation or a kind instruction ("u moet even inloggen", "u moet wel eerst ..."). */
const INFORMATIVE = new Set(['even', 'eerst', 'wel', 'alleen', 'ook', 'natuurlijk', 'daarvoor', 'hiervoor', 'daarbij', 'dan']);
const PRONOUNS = new Set(['u', 'je', 'jij', 'wij', 'we', 'ik', 'jullie']);
const REASONED = new Set(['omdat', 'want', 'zodat', 'anders', 'vanwege', 'daardoor']);
const REQUEST_VERBS = new Set(['verzoeken', 'verzoek', 'verzocht', 'sommeren', 'gesommeerd', 'eisen', 'eis', 'geëist']);
const MOET = new Set(['moet', 'moeten', 'dient', 'dienen']);
/** "U had ... moeten" looks back (blaming), it asks nothing. */
const PAST = new Set(['had', 'hadden', 'moest', 'moesten']);
/** Words that set a deadline by themselves. */
const DEADLINE = new Set(['uiterlijk', 'uiterste', 'onmiddellijk', 'direct', 'meteen', 'vandaag', 'omgaande', 'onverwijld', 'morgen', 'morgenochtend', 'vanavond']);
/** After "vóór": a moment ("vóór het weekend", "vóór de komst van de monteur", "vóór eind juni"). */
const MOMENT = new Set(['eind', 'einde', 'begin', 'half', 'morgen', 'het', 'de', 'komende', 'volgende', 'zaterdag', 'zondag']);
const PERIOD = new Set(['dag', 'dagen', 'werkdag', 'werkdagen', 'week', 'weken', 'maand']);
const WEEKDAYS_MONTHS = new Set([
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'januari', 'februari', 'maart', 'april',
  'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
]);
/** Asking kindly, or saying why. */
const SOFTENERS = new Set(['graag', 'alstublieft', 'alsjeblieft', 'vriendelijk', 'wilt', 'zou', 'kunt', 'dan', 'zo', 'help', 'helpen']);

function deadlineAt(info: SentenceInfo): number {
  const w = info.words;
  for (let i = 0; i < w.length; i++) {
    const l = w[i]!.lower;
    if (DEADLINE.has(l)) return i;
    if (l === 'binnen' && w.slice(i + 1, i + 4).some((x) => PERIOD.has(x.lower))) return i;
    const next = w[i + 1];
    if ((l === 'vóór' || l === 'voor') && (next?.kind === 'date' || WEEKDAYS_MONTHS.has(next?.lower ?? '') || next?.kind === 'number' || /^\d/.test(next?.text ?? ''))) return i;
    // "vóór het weekend", "vóór de komst van de monteur": with the accent "vóór" is always time.
    if (l === 'vóór' && MOMENT.has(next?.lower ?? '')) return i;
  }
  return -1;
}

/** Who does the "moet": the corporation and its people oblige themselves, not the tenant. */
const OURS = new Set(['wij', 'we', 'onze', 'monteur', 'monteurs', 'aannemer', 'medewerker', 'medewerkers', 'schilder', 'schilders', 'ik']);

/**
 * An imperative that opens a clause ("Betaal ...", "..., maar betaal nu!"): the word
 * right after the clause opener, not followed by a pronoun ("Zet u ..." is a question
 * or inversion). Returns its word index, or -1.
 */
export function imperativeAt(info: SentenceInfo): number {
  const w = info.words;
  for (const c of info.clauses) {
    if (c.conditional) continue;
    const i = c.opener === null ? c.from : c.from + 1;
    const first = w[i];
    if (first && i < c.to && DEMAND_IMPERATIVES.has(first.lower) && !PRONOUNS.has(w[i + 1]?.lower ?? '')) return i;
    if (first && i < c.to && laatState(w, i, c.to)) return i;
    if (first && i === 0 && POLITE_DEMANDS.has(first.lower) && w[1]?.lower === 'u' && !info.question) return i;
  }
  return -1;
}

/**
 * A command that needs no deadline: the tenant as the subject of a present obligation at the
 * start of the sentence ("U moet de schotel weghalen.", "Jullie moeten de bakken binnen hangen."),
 * or "Zorg (u) ervoor dat ..."; without a condition in the sentence (then it explains a
 * procedure: "Als u wilt verbouwen, moet u ..."), a reason, a kind word or a softening adverb.
 */
function bareCommand(info: SentenceInfo): { start: number; end: number } | null {
  const w = info.words;
  // A checklist of steps ("- Zorg dat de monteur bij de ketel kan.") is the usual form of instructions.
  if (info.sentence.block.type === 'listItem') return null;
  const l0 = w[0]!.lower;
  const l1 = w[1]?.lower ?? '';
  // "Zorg ervoor dat je thuis bent als de schilder komt": "als" is "when" there, not a procedure.
  const zorg = l0 === 'zorg' || l0 === 'zorgt';
  // What follows a sanction ("..., zo niet dan doen wij dat op uw kosten") is the threat, not a kind word or a reason.
  const cut = w.findIndex((_, i) => sanctionAt(w, i));
  const asked = cut < 0 ? w : w.slice(0, cut);
  if ((!zorg && info.clauses.some((c) => c.conditional && !concession(info, c))) || asked.some((x, i) => reasonAt(w, i) || SOFTENERS.has(x.lower) || CAN.has(x.lower) || x.lower === 'om')) return null;
  let end = -1;
  if (TENANT_SUBJECTS.has(l0) && MUST_NOW.has(l1)) {
    const clause = info.clauses[0]!;
    if (clause.anyNegation) return null;
    for (let i = 2; i < clause.to; i++) if (INFORMATIVE.has(w[i]!.lower) || w[i]!.lower === 'zelf' && w[i + 1]?.lower === 'weten') return null;
    end = 1;
  } else if ((l0 === 'zorg' && !PRONOUNS.has(l1)) || (l0 === 'zorgt' && l1 === 'u')) {
    const k = l0 === 'zorg' ? 1 : 2;
    if (w[k]?.lower === 'ervoor' || w[k]?.lower === 'dat' || w[k]?.lower === 'er') end = k;
  } else if (!zorg && (BARE_DEMANDS.has(l0) || laatState(w, 0, info.clauses[0]!.to)) && !info.question && (!PRONOUNS.has(l1) || possessiveJe(w)) && !(l1 === 'er' || l1 === 'rekening')) {
    // "Lever je sleutels in bij de balie.", "Zet de ventilatie op stand 2.": a bare imperative
    // that demands, without a reason or a kind word, orders.
    end = 0;
  } else if (infinitiveNotice(info)) {
    end = w.length - 1;
  }
  return end < 0 ? null : { start: w[0]!.start, end: w[end]!.end };
}

/** After "anders": we act against the tenant (we, our costs for him, the bailiff, a warning). */
const SANCTION = new Set([
  'wij', 'we', 'ik', 'kosten', 'rekening', 'deurwaarder', 'incassobureau', 'incasso', 'boete', 'maatregelen', 'waarschuwing',
  'opzeggen', 'weghalen', 'weg', 'verwijderen', 'ontruiming', 'rechter', 'vervalt', 'verliest', 'kwijt',
]);
function sanctionAt(w: readonly { lower: string }[], i: number): boolean {
  const l = w[i]!.lower;
  return otherwiseAt(w, i) && w.slice(i + 1).some((x) => SANCTION.has(x.lower));
}
/** A reason word; "ergens anders", "iemand anders" are places and people, not "otherwise". */
function reasonAt(w: readonly { lower: string }[], i: number): boolean {
  const l = w[i]!.lower;
  if (!REASON_WORDS.has(l)) return false;
  // "Betaal vóór 15 mei, anders schakelen wij de deurwaarder in", "..., zo niet dan halen we hem weg
  // op jouw kosten": what follows "anders" / "zo niet" is our sanction, not a reason: a demand.
  if (sanctionAt(w, i)) return false;
  return !(l === 'anders' && /^(?:ergens|iemand|iets|niets|niemand|heel|geheel|totaal|helemaal|wat)$/.test(w[i - 1]?.lower ?? ''));
}

/** "Zet je fiets ...": "je" before a noun is a possessive, not the subject of a question. */
function possessiveJe(w: readonly { lower: string }[]): boolean {
  return w[1]?.lower === 'je' && !ARTICLES.has(w[2]?.lower ?? '') && !PRONOUNS.has(w[2]?.lower ?? '');
}
const ARTICLES = new Set(['de', 'het', 'een', 'dit', 'dat', 'deze', 'die', 'ook', 'niet', 'nu', 'dan', 'er']);
/** Imperatives that demand even without a deadline (not "Bel", "Kijk", "Laat ... weten": those offer a next step). */
const BARE_DEMANDS = new Set(['lijn', 'lever', 'maak', 'geef', 'zet', 'houd', 'hou', 'verwijder', 'betaal', 'voldoe', 'ruim', 'haal', 'breng', 'leg', 'plaats', 'stop', 'ontruim', 'verlaat', 'retourneer', 'onderteken', 'sluit', 'snoei', 'maai', 'leeg', 'parkeer', 'ventileer', 'teken', 'verhuur']);
/** A particle infinitive: "leegmaken", "vrijhouden", "achterlaten", "opsluiten". */
const PARTICLE_INFINITIVE = /^(?:leeg|vrij|op|af|in|door|achter|weg|terug|schoon|dicht|open|uit|aan|mee|binnen|buiten|vast)\p{L}{3,}en$/u;
/**
 * A notice in the infinitive, without a finite verb: "Meterkast vrijhouden!", "Sleutel bij de
 * buren achterlaten." (a sign's command, in a letter an order).
 */
function infinitiveNotice(info: SentenceInfo): boolean {
  const w = info.words;
  if (w.length < 2 || w.length > 7 || info.sentence.block.role !== 'body') return false;
  if (w.some((x) => PRONOUNS.has(x.lower) || FINITE_HINT.has(x.lower))) return false;
  // The infinitive closes the notice, or only a time or place phrase follows ("... vóór donderdag");
  // "Het invullen duurt drie minuten" is a statement about the infinitive.
  return w.some((x, i) => i > 0 && PARTICLE_INFINITIVE.test(x.lower) && (i === w.length - 1 || NOTICE_TAIL.has(w[i + 1]!.lower)));
}
const NOTICE_TAIL = new Set(['vóór', 'voor', 'tijdens', 'bij', 'na', 'op', 'in', 'met', 'uiterlijk', 'binnen']);
const FINITE_HINT = new Set(['is', 'zijn', 'wordt', 'worden', 'heeft', 'hebben', 'kan', 'kunnen', 'mag', 'mogen', 'moet', 'moeten', 'zal', 'zullen', 'gaat', 'gaan', 'komt', 'komen', 'hoeft', 'hoeven', 'blijft', 'staat', 'ligt', 'graag', 'kunt', 'wilt']);

/**
 * The sentences around an instruction can make it friendly: after a question it is the answer
 * ("Kunt u niet komen? Geef dat door via ..."), and a next sentence with "Dan ..." gives the
 * reason ("Geef de meterstanden door. Dan betaalt u niet voor de vorige huurder.").
 */
function answeredInContext(doc: LetterDocument, s: Sentence): boolean {
  const k = doc.sentences.indexOf(s);
  const prev = doc.sentences[k - 1];
  const next = doc.sentences[k + 1];
  // A question one or two sentences back ("Kunt u niet komen? Dan sturen we ... Geef dat door ...").
  for (const p of [prev, doc.sentences[k - 2]]) if (p && p.block === s.block && p.terminator === '?') return true;
  const first = next && next.block === s.block ? next.words[0]?.lower : undefined;
  return first !== undefined && NEXT_REASON.has(first);
}
const NEXT_REASON = new Set(['dan', 'zo', 'zodat', 'want', 'daarmee', 'daardoor', 'hiermee', 'zonder', 'anders']);

/**
 * "Dan kunt u bezwaar maken. Dat moet vóór 1 juli.": "dat" is the option the sentence before offers
 * the tenant, and the date is when that option ends; a right with a deadline, not an order.
 */
function optionDeadline(doc: LetterDocument, s: Sentence, info: SentenceInfo): boolean {
  const w = info.words;
  if (!(w[0]?.lower === 'dat' || w[0]?.lower === 'dit') || !MOET.has(w[1]?.lower ?? '')) return false;
  const prev = doc.sentences[doc.sentences.indexOf(s) - 1];
  if (!prev || prev.block !== s.block) return false;
  const p = prev.words.map((x) => x.lower);
  return p.some((l, i) => OPTION_VERBS.has(l) && (TENANT_SUBJECTS.has(p[i - 1] ?? '') || TENANT_SUBJECTS.has(p[i + 1] ?? '')));
}
const OPTION_VERBS = new Set(['kunt', 'kun', 'kan', 'mag', 'moogt', 'mogen', 'kunnen']);

function unexplainedDemand(doc: LetterDocument, s: Sentence): { start: number; end: number } | null {
  if (s.block.role !== 'body' && s.block.role !== 'heading') return null;
  const info = analyse(doc, s);
  const w = info.words;
  if (info.question || w.length < 2) return null;
  // An imperative with an exclamation mark is an order, whatever else the sentence says.
  const imp = imperativeAt(info);
  if (imp >= 0 && info.exclamations > 0) return { start: w[imp]!.start, end: w[Math.min(w.length - 1, imp + 1)]!.end };
  if (infinitiveNotice(info) && s.block.type !== 'listItem' && !w.some((x) => REASON_WORDS.has(x.lower) || SOFTENERS.has(x.lower))) {
    return { start: w[0]!.start, end: w[w.length - 1]!.end };
  }
  if (w.length < 3) return null;
  const imperative = (DEMAND_IMPERATIVES.has(w[0]!.lower) && !PRONOUNS.has(w[1]!.lower)) || (POLITE_DEMANDS.has(w[0]!.lower) && w[1]!.lower === 'u');
  // The context is looked up only for a candidate (indexOf over the letter's sentences).
  const candidate = bareCommand(info);
  const bare = candidate && !answeredInContext(doc, s) ? candidate : null;
  if (bare) return bare;
  // "U moet ...", "Je moet ...", and the passive "De sleutels moeten ... worden ingeleverd":
  // an obligation nobody from the corporation carries is put on the tenant.
  const mustClause = (c: { from: number; to: number; conditional: boolean }) => {
    if (c.conditional) return false;
    const part = w.slice(c.from, c.to);
    return part.some((x) => MOET.has(x.lower)) && !part.some((x) => OURS.has(x.lower));
  };
  // "Wij verzoeken u ... binnen 7 dagen ...": a request with a deadline and no reason is a demand too.
  const weRequest = w.some((x) => REQUEST_VERBS.has(x.lower)) && w.some((x) => x.lower === 'u' || x.lower === 'je' || x.lower === 'jou');
  const youMust = !imperative && (info.clauses.some(mustClause) || weRequest);
  if ((!imperative && !youMust) || (youMust && w.some((x) => PAST.has(x.lower)))) return null;
  if (youMust && optionDeadline(doc, s, info)) return null;
  const d = deadlineAt(info);
  if (d < 0) return null;
  if (w.some((x) => REASON_WORDS.has(x.lower) || SOFTENERS.has(x.lower))) return null;
  return { start: w[0]!.start, end: w[d]!.end };
}

export const commanding: Rule = {
  meta: {
    id: 'commanding',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Vraag iets, met de reden erbij, in plaats van te bevelen ("u dient", "gelieve", "u bent verplicht").',
    rationale:
      '"U dient", "gelieve" en "wij verzoeken u dringend" klinken als een loket dat bevelen geeft. Een huurder doet eerder mee als u het vraagt en zegt waarom: "Wilt u de meterstand voor 1 mei doorgeven? Dan klopt uw eindafrekening." Moet het echt, zeg dan ook wat er gebeurt als het niet lukt, en wie kan helpen.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      command: 'Dit klinkt als een bevel ("{actual}"). Vraag het, en zeg waarom: "Wilt u ...? Dan ..."',
    },
    examples: {
      valid: [
        { text: 'Wilt u de sleutels voor vrijdag 3 mei inleveren? Dan kan de nieuwe huurder op tijd verhuizen.' },
        { text: 'Zorg ervoor dat de meterkast uiterlijk 8 uur vrij is, dan kan de monteur meteen aan de slag.', note: 'Met de reden erbij is het een vriendelijke aanwijzing.' },
      ],
      invalid: [
        { text: 'U dient de sleutels uiterlijk vrijdag in te leveren.', note: 'Wordt: "Wilt u de sleutels voor vrijdag 3 mei inleveren? Dan ..."' },
        { text: 'Gelieve de container aan de straat te zetten.' },
        { text: 'Zorg ervoor dat de tuin uiterlijk 1 mei is opgeruimd.', note: 'Een opdracht met een termijn, zonder reden.' },
      ],
    },
    limits: [
      {
        text: 'Een bevel in de gewone tegenwoordige tijd, zonder gebiedende wijs of "moet".',
        example: 'Die satellietschotel haalt u binnen een week weg.',
      },
      {
        text: 'Een bevel met "gewoon" zonder "moet", waar "gewoon" net zo goed vriendelijk kan zijn.',
        example: 'Je laat de monteur gewoon binnen.',
      },
    ],
  },
  check({ doc, report }) {
    const reported = new Set<Sentence>();
    // `zonder-reden` entries ("... dient te ...", "het is gewenst") are only a command without a reason.
    const keep = (hit: PatternHit<PatternEntry>, s: Sentence) => hit.value.soort !== 'zonder-reden' || !s.words.some((x) => REASONED.has(x.lower));
    for (const { hit, sentence } of phraseHits(doc, 'commanding', keep)) {
      reported.add(sentence);
      report(phraseReport(doc, hit, 'command'));
    }
    for (const s of doc.sentences) {
      if (reported.has(s)) continue;
      const span = unexplainedDemand(doc, s);
      if (!span) continue;
      const actual = doc.text.slice(span.start, span.end);
      report({
        messageId: 'command',
        data: { actual },
        start: span.start,
        end: span.end,
        actual,
        note: 'Een opdracht met een termijn, zonder vraag en zonder reden, klinkt als een bevel.',
        expected: ['Wilt u ... voor [datum] doen? Dan ...'],
        fix: false,
      });
    }
  },
};
