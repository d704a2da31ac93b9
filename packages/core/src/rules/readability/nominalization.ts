import { nominalizations as data } from '../../data/nominalizations.generated.js';
import { matchCase } from '../../engine/messages.js';
import type { Rule, Sentence, Word } from '../../types.js';

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

export function findNominalizations(s: Sentence): { pattern: Pattern; first: number; last: number }[] {
  const out: { pattern: Pattern; first: number; last: number }[] = [];
  const words = s.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isText(w)) continue;
    const candidates = byFirst.get(w.lower);
    if (!candidates) continue;
    // "helpen bij het invullen van", "met het betalen van", "meedenken over het opzeggen van": after these
    // prepositions "het ... van" names the task the reader is helped with, not a verb hidden in a noun.
    const helpedWith = w.lower === 'het' && HELP_PREPOSITIONS.has(words[i - 1]?.lower ?? '');
    // "u kunt gratis gebruikmaken van buurtbemiddeling": an offer of a service, said as Dutch says it
    // (the writers of the labelled sets never marked it; "maakt gebruik van" still is nominal).
    const offered = [1, 2, 3].some((k) => OFFER_MODALS.has(words[i - k]?.lower ?? ''));
    for (const p of candidates) {
      if (helpedWith && p.tokens[0] === 'het') continue;
      if (offered && p.entry.zin === 'gebruik maken van') continue;
      const last = matchAt(words, i, p.tokens);
      if (last >= 0) {
        out.push({ pattern: p, first: i, last });
        i = last;
        break;
      }
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
      ],
    },
    limits: [
      {
        text: 'Een zelfstandig naamwoord dat van een werkwoord komt, zonder vaste werkwoordgroep erbij ("deelname", "weigering").',
        example: 'Deelname aan het bewonersonderzoek is geheel vrijblijvend.',
      },
    ],
  },
  check({ doc, report }) {
    for (const s of doc.sentences) {
      for (const m of findNominalizations(s)) {
        const start = s.words[m.first]!.start;
        const end = s.words[m.last]!.end;
        if (doc.isOpaque(start)) continue;
        const actual = doc.text.slice(start, end);
        const expected = m.pattern.suggestions.map((x) => (x.startsWith('(') ? x : matchCase(actual, x)));
        const concrete = expected.filter((x) => !x.startsWith('('));
        report({
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
  },
};
