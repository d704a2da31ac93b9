import { analyse, type SentenceInfo } from '../../judgement/clauses.js';
import { REASON_WORDS } from '../../judgement/lexicon.js';
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
  'verlaat', 'retourneer', 'regel', 'meld', 'schilder', 'snoei', 'maai',
]);
const PRONOUNS = new Set(['u', 'je', 'jij', 'wij', 'we', 'ik', 'jullie']);
const MOET = new Set(['moet', 'moeten']);
/** "U had ... moeten" looks back (blaming), it asks nothing. */
const PAST = new Set(['had', 'hadden', 'moest', 'moesten']);
/** Words that set a deadline by themselves. */
const DEADLINE = new Set(['uiterlijk', 'uiterste', 'onmiddellijk', 'direct', 'meteen', 'vandaag', 'omgaande', 'onverwijld']);
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
    if ((l === 'vóór' || l === 'voor') && (w[i + 1]?.kind === 'date' || WEEKDAYS_MONTHS.has(w[i + 1]?.lower ?? '') || w[i + 1]?.kind === 'number')) return i;
  }
  return -1;
}

function unexplainedDemand(doc: LetterDocument, s: Sentence): { start: number; end: number } | null {
  if (s.block.role !== 'body' && s.block.role !== 'heading') return null;
  const info = analyse(doc, s);
  const w = info.words;
  if (info.question || w.length < 3) return null;
  const imperative = DEMAND_IMPERATIVES.has(w[0]!.lower) && !PRONOUNS.has(w[1]!.lower);
  const youMust = !imperative && info.clauses.some((c) => !c.conditional && w.slice(c.from, c.to).some((x) => x.lower === 'u') && w.slice(c.from, c.to).some((x) => MOET.has(x.lower)));
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
    for (const { hit, sentence } of phraseHits(doc, 'commanding')) {
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
