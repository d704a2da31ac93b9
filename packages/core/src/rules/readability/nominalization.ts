import { nominalizations as data } from '../../data/nominalizations.generated.js';
import { matchCase } from '../../engine/messages.js';
import type { Rule, Sentence, Word } from '../../types.js';
import { phraseHits } from '../judgement/shared.js';

interface Entry {
  zin: string;
  vormen?: Record<string, string>;
  gebruik?: string[];
  uitleg?: string;
}

interface Pattern {
  /** Literal tokens, "*" (one word) or "..." (zero to three words). */
  tokens: string[];
  suggestions: string[];
  entry: Entry;
}

// "..." is up to three words between the parts; "...." up to six, for the verb groups whose parts
// cannot be anything else ("nemen uw aanvraag voor een nieuwe keuken in behandeling").
const MAX_GAP = 3;
const LONG_GAP = 6;

/** Compiled once: patterns by their first (literal) token. */
const byFirst = new Map<string, Pattern[]>();
for (const entry of data as readonly Entry[]) {
  const forms: [string, string[]][] = entry.vormen
    ? Object.entries(entry.vormen).map(([f, s]) => [f, [s]])
    : [[entry.zin, entry.gebruik ?? []]];
  for (const [form, suggestions] of forms) {
    const tokens = form.toLowerCase().split(/\s+/).filter(Boolean);
    const first = tokens[0];
    if (!first || first === '*' || first === '...' || first === '....') throw new Error(`nominalizations.yml: "${form}" must start with a word`);
    const list = byFirst.get(first) ?? [];
    list.push({ tokens, suggestions, entry });
    byFirst.set(first, list);
  }
}
for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

const HELP_PREPOSITIONS = new Set(['bij', 'met', 'over']);
const OFFER_MODALS = new Set(['kunt', 'kun', 'kan', 'kunnen', 'mag', 'mogen', 'moogt']);

// "Het houden van huisdieren is niet toegestaan": an infinitive made a noun and put in the subject's
// place hides who does it (plain-language guides rewrite it to "U mag geen huisdieren houden"). The
// data list has the fixed ones ("het doen van een aanvraag"); this finds any infinitive there. After a
// preposition ("bij het invullen van", "na het vervangen van") it names a task or a moment, not the
// subject, and is left alone. Writers of the labelled sets marked it in three of four cases. Our
// own code, not retext: no Dutch plugin knows which "het ... van" is a subject.
const SUBJECT_BEFORE = new Set(['dat', 'is', 'wordt', 'was', 'werd', 'blijft']);
/** Nouns in -en that are not (or no longer) infinitives here: "het inkomen van uw huishouden". */
const EN_NOUNS = new Set([
  'inkomen', 'aanzien', 'leven', 'wapen', 'teken', 'laken', 'examen', 'verleden', 'wezen', 'vertrouwen', 'gebeuren', 'eten', 'overlijden',
  'verlangen', 'welbevinden', 'vermogen', 'uitgangspunten', 'gegeven', 'keukens', 'open', 'boven', 'beneden', 'binnen', 'buiten',
  'volgen', 'mogen', 'kunnen', 'willen', 'zijn', 'hebben', 'worden', 'moeten', 'zullen',
]);

/** "Het plaatsen van een schotel ...": "het" + an infinitive + "van", not after a preposition. The index of "van", or -1. */
function nominalInfinitive(words: readonly Word[], i: number): number {
  if (words[i]?.lower !== 'het') return -1;
  // The subject's place: the start of the sentence, of a "dat" clause, or right after the copula
  // ("Volgens de regels is het houden van ..."). After another verb it is mostly plain Dutch
  // ("Helaas gaat het vervangen van uw badkamer niet door").
  const prev = words[i - 1];
  if (prev && !SUBJECT_BEFORE.has(prev.lower)) return -1;
  const inf = words[i + 1];
  if (!isText(inf) || !/^[a-zäëïöü]{2,}(?:en|ën)$/.test(inf!.lower) || EN_NOUNS.has(inf!.lower) || inf!.text !== inf!.lower) return -1;
  return words[i + 2]?.lower === 'van' && isText(words[i + 3]) ? i + 2 : -1;
}

// "Bij constatering van", "Na beoordeling van", "ter completering van", "leidt tot ontbinding van":
// a preposition with a noun made of a verb (-ing, -atie) and "van" hides who does what. Writers of
// the labelled sets marked four in five. Nouns that are things or moments are left alone.
const ACTION_PREPOSITIONS = new Set(['bij', 'na', 'ter', 'tot', 'wegens']);
const THING_NOUNS = new Set([
  'toestemming', 'verklaring', 'zitting', 'storing', 'dagtekening', 'woning', 'regeling', 'vergadering', 'opening', 'ervaring',
  'rekening', 'mening', 'richting', 'aflevering', 'afdeling', 'beschikking', 'uitnodiging', 'verzekering', 'vereniging', 'stichting',
  'leiding', 'omgeving', 'kleding', 'bediening', 'verwarming', 'ventilatie', 'situatie', 'informatie', 'organisatie', 'locatie', 'stagnatie',
  'overeenkomst', 'huurverhoging', 'bewoning', 'oplevering', 'ingang', 'aanvang', 'afloop', 'ontvangst', 'eigendom',
]);

/** "bij constatering van": the index of "van", or -1. */
function nominalPreposition(words: readonly Word[], i: number): number {
  if (!ACTION_PREPOSITIONS.has(words[i]?.lower ?? '')) return -1;
  const noun = words[i + 1];
  if (!isText(noun) || noun!.text !== noun!.lower || !/^[a-zëï]{3,}(?:ing|atie)$/.test(noun!.lower) || THING_NOUNS.has(noun!.lower)) return -1;
  if (/(?:ning|ling|ring)$/.test(noun!.lower) && !/(?:ening|eling|ering)$/.test(noun!.lower)) return -1; // woning, ring: not made of a verb
  return words[i + 2]?.lower === 'van' && isText(words[i + 3]) ? i + 2 : -1;
}

const isText = (w: Word | undefined) => w !== undefined && (w.kind === 'word' || w.kind === 'abbreviation');

/** Index of the last matched word, or -1. Linear in the pattern length (gaps are bounded). */
function matchAt(words: readonly Word[], at: number, tokens: readonly string[], t = 0): number {
  if (t === tokens.length) return at - 1;
  const tok = tokens[t]!;
  if (tok === '...' || tok === '....') {
    for (let gap = 0; gap <= (tok === '....' ? LONG_GAP : MAX_GAP); gap++) {
      let ok = true;
      for (let k = 0; k < gap; k++) if (!isText(words[at + k])) ok = false;
      if (!ok) break;
      const end = matchAt(words, at + gap, tokens, t + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  const w = words[at];
  if (!isText(w)) return -1;
  if (tok !== '*' && w!.lower !== tok) return -1;
  return matchAt(words, at + 1, tokens, t + 1);
}

const INFINITIVE_SUBJECT: Pattern = {
  tokens: ['het', '*', 'van'],
  suggestions: [],
  entry: {
    zin: 'het ... van',
    uitleg: 'Zeg wie het doet, met het werkwoord: "U mag geen huisdieren houden" in plaats van "Het houden van huisdieren is niet toegestaan".',
  },
};

/** Words that make "Het ... van ..." state a rule, a duty or a cost. */
const RULE_WORDS = /^(?:toegestaan|mogelijk|mogelijkheden|verboden|verplicht|verplichting|verplichtingen|taak|rekening|verantwoordelijkheid|kosten|dient|moet|mag|leidt|uitgesloten|voorbehouden)$/;

const ACTION_NOUN: Pattern = {
  tokens: ['bij', '*', 'van'],
  suggestions: [],
  entry: {
    zin: 'bij ...ing van',
    uitleg: 'Zeg wie wat doet, met het werkwoord: "Als wij zien dat ..." in plaats van "Bij constatering van ...", "nadat wij ... hebben bekeken" in plaats van "Na beoordeling van ...".',
  },
};

export function findNominalizations(s: Sentence): { pattern: Pattern; first: number; last: number }[] {
  const out: { pattern: Pattern; first: number; last: number }[] = [];
  const words = s.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isText(w)) continue;
    const candidates = byFirst.get(w.lower) ?? [];
    // "helpen bij het invullen van", "met het betalen van", "meedenken over het opzeggen van": after these
    // prepositions "het ... van" names the task the reader is helped with, not a verb hidden in a noun.
    const helpedWith = w.lower === 'het' && HELP_PREPOSITIONS.has(words[i - 1]?.lower ?? '');
    // "u kunt gratis gebruikmaken van buurtbemiddeling": an offer of a service, said as Dutch says it
    // (the writers of the labelled sets never marked it; "maakt gebruik van" still is nominal).
    const offered = [1, 2, 3].some((k) => OFFER_MODALS.has(words[i - k]?.lower ?? ''));
    let matched = false;
    for (const p of candidates) {
      if (helpedWith && p.tokens[0] === 'het') continue;
      if (offered && p.entry.zin === 'gebruik maken van') continue;
      const last = matchAt(words, i, p.tokens);
      if (last >= 0) {
        out.push({ pattern: p, first: i, last });
        i = last;
        matched = true;
        break;
      }
    }
    // A list of works ("• het weghalen van de drempel") or a heading names tasks; that is what nouns are for.
    if (matched || s.block.type === 'listItem' || s.block.type === 'heading' || s.block.type === 'tableCell') continue;
    const van = nominalInfinitive(words, i);
    if (van >= 0) {
      out.push({ pattern: INFINITIVE_SUBJECT, first: i, last: van });
      i = van;
      continue;
    }
    const of = nominalPreposition(words, i);
    if (of >= 0) {
      out.push({ pattern: ACTION_NOUN, first: i, last: of });
      i = of;
    }
  }
  return out;
}

export const nominalization: Rule = {
  meta: {
    id: 'nominalization',
    category: 'readability',
    defaultSeverity: 'warning',
    description: 'Naamwoordstijl ("zorg dragen voor", "overgaan tot betaling"): gebruik het werkwoord.',
    rationale:
      'In naamwoordstijl wordt een handeling een zelfstandig naamwoord met een leeg werkwoord erbij: "zorg dragen voor" in plaats van "zorgen voor", "het doen van een aanvraag" in plaats van "aanvragen", "overgaan tot betaling" in plaats van "betalen". Zulke zinnen zijn langer, abstracter en klinken als een loket. Met het werkwoord staat er wie wat doet, en dat is voor een huurder het belangrijkste.',
    presets: ['recommended'],
    fixable: false,
    languages: ['nl'],
    messages: {
      verb: 'Naamwoordstijl: schrijf "{expected}" in plaats van "{actual}".',
      generic: 'Naamwoordstijl: "{actual}". Gebruik het werkwoord.',
    },
    examples: {
      valid: [
        { text: 'Wilt u zorgen dat de vensterbanken leeg zijn?' },
        { text: 'U kunt huurtoeslag aanvragen bij de Belastingdienst.' },
      ],
      invalid: [
        { text: 'Wij verzoeken u zorg te dragen voor het vrijmaken van de vensterbanken.', note: 'Wordt: "Wilt u de vensterbanken leegmaken?"' },
        { text: 'Als u niet betaalt, zullen wij overgaan tot ontruiming.', note: 'Wordt: "... moeten wij de woning ontruimen."' },
        { text: 'Het houden van huisdieren is in dit complex niet toegestaan.', note: 'Wordt: "In dit complex mag u geen huisdieren houden, omdat ..."' },
      ],
    },
    limits: [
      {
        text: 'Een zelfstandig naamwoord dat van een werkwoord komt, zonder vaste werkwoordgroep erbij ("deelname", "weigering").',
        example: 'Deelname aan het bewonersonderzoek is geheel vrijblijvend.',
      },
      {
        text: 'Een werkwoord als onderwerp zonder "het ... van", of na een ander werkwoord dan "is" of "wordt".',
        example: 'Roken in het trappenhuis is niet toegestaan.',
      },
    ],
  },
  check({ doc, report }) {
    const listed: [number, number][] = [];
    for (const s of doc.sentences) {
      for (const m of findNominalizations(s)) {
        const start = s.words[m.first]!.start;
        const end = s.words[m.last]!.end;
        if (doc.isOpaque(start)) continue;
        listed.push([start, end]);
        const actual = doc.text.slice(start, end);
        const expected = m.pattern.suggestions.map((x) => (x.startsWith('(') ? x : matchCase(actual, x)));
        const concrete = expected.filter((x) => !x.startsWith('('));
        // A rule said this way ("Het houden van huisdieren is niet toegestaan") is a warning; a neutral
        // fact ("Het invullen van de vragenlijst duurt vijf minuten") only a hint.
        const light = m.pattern === INFINITIVE_SUBJECT && !s.words.slice(m.last + 1).some((w) => RULE_WORDS.test(w.lower));
        report({
          ...(light ? { severity: 'info' as const } : {}),
          messageId: concrete.length ? 'verb' : 'generic',
          data: { actual, expected: concrete.join('" of "') },
          start,
          end,
          actual,
          expected: concrete,
          ...(m.pattern.entry.uitleg || !concrete.length
            ? { note: [m.pattern.entry.uitleg, ...expected.filter((x) => x.startsWith('('))].filter(Boolean).join(' ') }
            : {}),
        });
      }
    }
    // A noun with a light verb in any form and order ("dat u medewerking verleent", "kan geen gehoor
    // worden gegeven"): the lemma patterns of judgement-phrases.yml, where the list above found nothing.
    for (const { hit } of phraseHits(doc, 'nominalization')) {
      if (doc.isOpaque(hit.start) || listed.some(([a, b]) => hit.start < b && a < hit.end)) continue;
      const actual = doc.text.slice(hit.start, hit.end);
      const expected = hit.value.voorstel.filter((x) => !x.includes('...'));
      report({
        messageId: expected.length ? 'verb' : 'generic',
        data: { actual, expected: expected.join('" of "') },
        start: hit.start,
        end: hit.end,
        actual,
        expected,
        note: hit.value.uitleg,
      });
    }
  },
};
