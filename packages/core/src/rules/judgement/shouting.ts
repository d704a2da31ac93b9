import { analyse } from '../../judgement/clauses.js';
import { patternsFor } from '../../judgement/phrases.js';
import { matchSentence } from '../../judgement/patterns.js';
import { findRefusals } from '../../judgement/refusals.js';
import type { LetterDocument, Rule, Sentence, Word } from '../../types.js';
import { imperativeAt } from './commanding.js';

/** Abbreviations that are written in capitals and are not shouting. */
const ABBREVIATIONS = new Set([
  'bsn', 'iban', 'woz', 'cv', 'vve', 'kvk', 'btw', 'digid', 'id', 'ozb', 'wmo', 'uwv', 'svb', 'cak', 'ggd', 'ns', 'kpn',
  'pdf', 'sms', 'hr', 'ict', 'nl', 'eu', 'led', 'hr++', 'wifi', 'tv', 'dvd', 'usb', 'gft', 'pmd', 'ov', 'ww', 'aow',
  'bv', 'nv', 'vof', 'ing', 'abn', 'amro', 'sns', 'asn', 'rabo', 'cjib', 'duo', 'ind', 'coa', 'avg', 'bw', 'nen',
  'vws', 'bzk', 'vng', 'aedes', 'eod', 'mvg', 'ps', 'nb', 'wc', 'pvc', 'rvo', 'wsw', 'ggz', 'opa', 'mbo', 'hbo', 'wo',
  'asap', 'faq', 'ok', 'covid', 'rivm', 'knmi', 'anwb', 'wa', 'ep', 'epa', 'ww', 'mee', 'nibud',
]);
/** Words that make a sentence a demand: an exclamation mark there is raising your voice. */
const DEMAND = new Set(['moet', 'moeten', 'verplicht', 'verplichte', 'dient', 'dienen', 'verboden', 'direct', 'onmiddellijk', 'uiterlijk', 'nooit', 'gelieve', 'per', 'absoluut', 'onder', 'geen']);

function isCapsWord(w: Word, org: Set<string>): boolean {
  // Already lower case (most words): no capitals at all, so not shouting; skips the Unicode regex below.
  if (w.kind !== 'word' || w.text === w.lower) return false;
  const letters = w.text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return false;
  return !ABBREVIATIONS.has(w.lower) && !org.has(w.lower);
}

function normalCase(doc: LetterDocument, s: Sentence, words: Word[]): string {
  const text = doc.text.slice(words[0]!.start, words[words.length - 1]!.end).toLowerCase();
  return words[0]!.index === 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export const shouting: Rule = {
  meta: {
    id: 'shouting',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Niet schreeuwen: geen zinnen in hoofdletters, geen "!!", geen uitroepteken bij een nee of een eis.',
    rationale:
      'Hoofdletters en uitroeptekens lezen als stemverheffing. Bij een nee of een eis klinkt een uitroepteken als boosheid. Wilt u iets laten opvallen, zet het dan bovenaan, in een korte zin, of vet. Een uitroepteken bij goed nieuws ("Welkom in uw nieuwe woning!") is prima. Een dubbel uitroepteken en een uitroepteken bij een eis verbetert huurbrief automatisch; hoofdletters niet, want een woord in hoofdletters kan een invulveld (ACHTERNAAM), een IBAN of een afkorting zijn.',
    presets: ['recommended'],
    fixable: true,
    messages: {
      caps: 'Hoofdletters lezen als schreeuwen ("{actual}"). Schrijf gewone letters; zet belangrijke informatie bovenaan of vet.',
      many: 'Meer dan één uitroepteken ("{actual}") leest als schreeuwen.',
      demand: 'Een uitroepteken bij een nee of een eis klinkt boos. Gebruik een punt.',
    },
    examples: {
      valid: [{ text: 'Welkom in uw nieuwe woning! Op woensdag 12 juni komt de monteur de cv-ketel controleren.' }],
      invalid: [
        { text: 'LET OP: de lift is VANAF MAANDAG buiten gebruik.', note: 'Schrijf zelf: "Let op: de lift is vanaf maandag buiten gebruik." (huurbrief verandert hoofdletters nooit automatisch: het kan een invulveld zijn.)' },
        { text: 'Deelname aan dit onderhoud is verplicht!', note: 'Wordt: "Wilt u meedoen? Dat is nodig omdat ..."' },
      ],
    },
    limits: [
      {
        text: 'Eén kort woord in hoofdletters, omdat afkortingen er net zo uitzien.',
        example: 'Dit moet NU stoppen.',
      },
    ],
  },
  check({ doc, config, report }) {
    const org = new Set((config.organisatie.naam ?? '').toLowerCase().split(/\s+/).filter(Boolean));
    const refusing = new Set(findRefusals(doc).map((r) => r.sentence));
    const commanding = patternsFor('commanding');
    for (const s of doc.sentences) {
      // Runs of capitals: two or more words, or one long word ("BELANGRIJK").
      let run: Word[] = [];
      const flush = () => {
        const long = run.some((w) => w.text.length >= 4);
        if (run.length >= 2 || (run.length === 1 && long)) {
          const first = run[0]!;
          const last = run[run.length - 1]!;
          if (!doc.isOpaque(first.start)) {
            const actual = doc.text.slice(first.start, last.end);
            // A suggestion, never a fix: a word in capitals may be a merge field (ACHTERNAAM), an IBAN or an acronym.
            report({ messageId: 'caps', data: { actual }, start: first.start, end: last.end, actual, expected: [normalCase(doc, s, run)], fix: false });
          }
        }
        run = [];
      };
      for (const w of s.words) {
        if (isCapsWord(w, org)) run.push(w);
        else flush();
      }
      flush();

      // Exclamation marks.
      const info = analyse(doc, s);
      if (info.exclamations === 0) continue;
      const last = s.words[s.words.length - 1]!;
      const tail = doc.text.slice(last.end, Math.min(doc.text.length, s.end + 3));
      const m = /[!?]*!+[!?]*/.exec(tail);
      if (!m) continue;
      const start = last.end + m.index;
      const end = start + m[0].length;
      // The "!" of a following "<!-- huurbrief-enable -->" comment is not the writer's.
      if (doc.isOpaque(start)) continue;
      if (m[0].length >= 2) {
        report({ messageId: 'many', data: { actual: m[0] }, start, end, actual: m[0], expected: [m[0].includes('?') ? '?' : '.'] });
        continue;
      }
      const demand =
        refusing.has(s) ||
        s.words.some((w) => DEMAND.has(w.lower) && !(w.lower === 'geen' && info.clauses.every((c) => c.negations.length === 0))) ||
        matchSentence(commanding, doc, info).length > 0 ||
        imperativeAt(info) >= 0;
      if (demand) report({ messageId: 'demand', data: { actual: '!' }, start, end, actual: '!', expected: ['.'] });
    }
  },
};
