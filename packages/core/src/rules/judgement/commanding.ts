import { analyse, type SentenceInfo } from '../../judgement/clauses.js';
import { REASON_WORDS } from '../../judgement/lexicon.js';
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
  'verlaat', 'retourneer', 'regel', 'meld', 'schilder', 'snoei', 'maai', 'neem', 'sluit', 'hang', 'bezorg', 'vervang',
]);
/**
 * Polite imperatives with "u" ("Zorgt u ervoor dat ...", "Levert u de sleutels in"): verb-first
 * statements, not questions. Only verbs that demand; "Belt u gerust" offers.
 */
const POLITE_DEMANDS = new Set(['zorgt', 'levert', 'betaalt', 'maakt', 'haalt', 'ruimt', 'verwijdert', 'houdt', 'zet', 'stuurt', 'vult', 'geeft', 'brengt', 'sluit', 'neemt']);
/** "... zodat / dat de monteur erbij kan": a purpose, so an explained instruction. */
const CAN = new Set(['kan', 'kunnen', 'kunt']);
/** The tenant as the subject of an obligation. */
const TENANT = new Set(['u', 'je', 'jij', 'jullie']);
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
  if ((!zorg && info.clauses.some((c) => c.conditional)) || w.some((x) => REASON_WORDS.has(x.lower) || SOFTENERS.has(x.lower) || CAN.has(x.lower) || x.lower === 'om')) return null;
  let end = -1;
  if (TENANT.has(l0) && MUST_NOW.has(l1)) {
    const clause = info.clauses[0]!;
    if (clause.anyNegation) return null;
    for (let i = 2; i < clause.to; i++) if (INFORMATIVE.has(w[i]!.lower) || w[i]!.lower === 'zelf' && w[i + 1]?.lower === 'weten') return null;
    end = 1;
  } else if ((l0 === 'zorg' && !PRONOUNS.has(l1)) || (l0 === 'zorgt' && l1 === 'u')) {
    const k = l0 === 'zorg' ? 1 : 2;
    if (w[k]?.lower === 'ervoor' || w[k]?.lower === 'dat' || w[k]?.lower === 'er') end = k;
  }
  return end < 0 ? null : { start: w[0]!.start, end: w[end]!.end };
}

function unexplainedDemand(doc: LetterDocument, s: Sentence): { start: number; end: number } | null {
  if (s.block.role !== 'body' && s.block.role !== 'heading') return null;
  const info = analyse(doc, s);
  const w = info.words;
  if (info.question || w.length < 2) return null;
  // An imperative with an exclamation mark is an order, whatever else the sentence says.
  const imp = imperativeAt(info);
  if (imp >= 0 && info.exclamations > 0) return { start: w[imp]!.start, end: w[Math.min(w.length - 1, imp + 1)]!.end };
  if (w.length < 3) return null;
  const imperative = (DEMAND_IMPERATIVES.has(w[0]!.lower) && !PRONOUNS.has(w[1]!.lower)) || (POLITE_DEMANDS.has(w[0]!.lower) && w[1]!.lower === 'u');
  const bare = bareCommand(info);
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
