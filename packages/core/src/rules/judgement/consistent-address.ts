import { withPronouns } from '../../judgement/clauses.js';
import type { Rule, Sentence, Word } from '../../types.js';
import { quotedSpans } from '../../engine/quotes.js';

const FORMAL = new Map([
  ['u', 'je'],
  ['uw', 'je'],
  ['uzelf', 'jezelf'],
]);
const INFORMAL = new Map([
  ['je', 'u'],
  ['jij', 'u'],
  ['jou', 'u'],
  ['jouw', 'uw'],
  ['jezelf', 'uzelf'],
  ['jullie', 'u'],
]);

const PREPOSITIONS = new Set(['over', 'van', 'in', 'op', 'met', 'voor', 'aan', 'bij', 'naar', 'uit', 'door', 'om', 'tot', 'zonder', 'onder', 'achter', 'naast', 'tegen']);
const NOT_VERBS_T = new Set(['niet', 'dat', 'wat', 'het', 'met', 'mijn', 'uit', 'tot', 'toet', 'gauw', 'echt', 'net', 'straks', 'ooit', 'meest', 'best', 'eerst', 'laatst']);
const AUX = new Set(['kan', 'kun', 'mag', 'wil', 'zal', 'moet', 'hebt', 'bent', 'heb', 'ben', 'ziet', 'krijgt', 'ontvangt', 'gaat', 'komt', 'woont', 'hoeft', 'betaalt']);

/**
 * "je" is a pronoun ("je kunt" -> "u kunt") or a possessive ("je sleutel" -> "uw sleutel").
 * Dutch helps: after a verb form ending in -t ("u kunt je sleutel") "je" cannot be the
 * subject (that would be "kun je"), so it is an object or possessive.
 */
function formOfJe(w: Word, s: { words: Word[] }): string {
  const prev = s?.words[w.index - 1]?.lower ?? '';
  const next = s?.words[w.index + 1]?.lower ?? '';
  if (!prev || AUX.has(next) || (next.endsWith('t') && next.length > 3 && !NOT_VERBS_T.has(next))) return 'u';
  if (PREPOSITIONS.has(prev) || (prev.endsWith('t') && !NOT_VERBS_T.has(prev))) return 'uw';
  return 'u';
}

export const consistentAddress: Rule = {
  meta: {
    id: 'consistent-address',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Spreek de huurder in de hele brief op dezelfde manier aan: "u" of "je", niet door elkaar.',
    rationale:
      'Een brief die "u" en "je" door elkaar gebruikt, klinkt slordig en onpersoonlijk: alsof stukken uit verschillende brieven komen. Kies één vorm. De meeste corporaties schrijven "u"; een jongerenbrief mag "je". huurbrief stelt de vorm voor die in de brief het meest voorkomt.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      mixed: 'De brief spreekt de lezer {count} keer aan met "{majority}", maar hier met "{actual}". Kies één vorm: schrijf "{expected}".',
    },
    examples: {
      valid: [{ text: 'U kunt uw sleutel ophalen bij het wijkkantoor. Wilt u uw legitimatie meenemen?' }],
      invalid: [{ text: 'U kunt je sleutel ophalen bij het wijkkantoor. Wilt u uw legitimatie meenemen?', note: 'Wordt: "U kunt uw sleutel ophalen ..."' }],
    },
    limits: [
      {
        text: 'Alleen voornaamwoorden: een amicale toon met "u" valt niet op.',
        example: 'Hoi! Top dat u er bent!',
      },
    ],
  },
  check({ doc, report }) {
    const formal: Word[] = [];
    const informal: Word[] = [];
    const sentenceOf = new Map<Word, Sentence>();
    // A quoted question of the tenant ("U vroeg: “Kunnen jullie ...?”") is not the letter's own voice.
    const quoted = quotedSpans(doc);
    for (const s of doc.sentences) {
      for (const w of withPronouns(s.words)) {
        if (w.kind !== 'word' || doc.isOpaque(w.start) || quoted.has(w.start)) continue;
        if (FORMAL.has(w.lower)) formal.push(w);
        else if (INFORMAL.has(w.lower)) informal.push(w);
        else continue;
        sentenceOf.set(w, s);
      }
    }
    if (formal.length === 0 || informal.length === 0) return;
    // The majority form wins; on a tie "u", the usual form for a housing corporation.
    const formalWins = formal.length >= informal.length;
    const minority = formalWins ? informal : formal;
    const map = formalWins ? INFORMAL : FORMAL;
    const majority = formalWins ? 'u' : 'je';
    const count = formalWins ? formal.length : informal.length;
    for (const w of minority) {
      const base = formalWins && w.lower === 'je' ? formOfJe(w, sentenceOf.get(w)!) : map.get(w.lower)!;
      const expected = w.text[0] !== w.text[0]!.toLowerCase() ? base[0]!.toUpperCase() + base.slice(1) : base;
      report({
        messageId: 'mixed',
        data: { count, majority, actual: w.text, expected },
        start: w.start,
        end: w.end,
        actual: w.text,
        expected: [expected],
        note: 'Let op het werkwoord: "heb je" wordt "heeft u", "kun je" wordt "kunt u".',
      });
    }
  },
};
