import { longWords as data } from '../../data/long-words.generated.js';
import { plainWords } from '../../data/plain-words.generated.js';
import { matchCase } from '../../engine/messages.js';
import { isDomainWord, isPlainCompound } from '../../readability/domain.js';
import { countSyllables } from '../../readability/syllables.js';
import { contextsFor, wordListFix, type Herstel } from '../../engine/fix-contexts.js';
import type { Rule } from '../../types.js';

interface Options {
  minSyllables: number;
}

interface Entry {
  woord: string;
  gebruik: string[];
  uitleg?: string;
  herstel?: Herstel;
}

const listed = new Map<string, Entry>();
for (const e of data as readonly Entry[]) listed.set(e.woord, e);

/** Single words plain-words already reports (with a better suggestion): one finding per word. */
const plain = new Set<string>();
for (const e of plainWords as readonly { woord: string; vormen?: Record<string, unknown> }[]) {
  for (const form of [e.woord, ...Object.keys(e.vormen ?? {})]) if (!form.includes(' ')) plain.add(form);
}

export const longWords: Rule<Options> = {
  meta: {
    id: 'long-words',
    category: 'readability',
    defaultSeverity: 'info',
    strictSeverity: 'warning',
    description: 'Woorden van 5 of meer lettergrepen, met een korter woord als dat er is.',
    rationale:
      'Lange woorden zijn een van de twee dingen die een tekst het meest moeilijk maken (naast lange zinnen). Vaak is er een korter, gewoner woord: "werk" voor "werkzaamheden", "brieven" voor "correspondentie". Lange samenstellingen uit het vak, zoals huurovereenkomst, servicekosten of woningcorporatie, worden niet gemeld: die kent de huurder, al hebben sommige de eerste keer een korte uitleg nodig. Namen (met een hoofdletter midden in de zin) en woorden met een streepje ("cv-ketel") worden ook niet gemeld.',
    presets: ['recommended'],
    fixable: true,
    languages: ['nl'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minSyllables: { type: 'integer', minimum: 3, description: 'Woorden met zoveel lettergrepen of meer worden gemeld.' },
      },
    },
    defaultOptions: { minSyllables: 5 },
    strictOptions: { minSyllables: 4 },
    messages: {
      suggest: 'Lang woord: "{actual}". Schrijf liever {expected}.',
      long: 'Lang woord: "{actual}" ({syllables} lettergrepen). Kan het korter of eenvoudiger?',
    },
    examples: {
      valid: [
        { text: 'In maart doen we onderhoud aan uw woning.' },
        { text: 'Uw huurovereenkomst blijft gewoon geldig.', note: 'Een woord uit het vak: niet gemeld.' },
      ],
      invalid: [
        { text: 'In maart voeren wij onderhoudswerkzaamheden uit.', note: 'Wordt: "In maart doen we onderhoud."' },
        { text: 'Wij zullen de correspondentie bewaren.' },
      ],
    },
  },
  check({ doc, options, report }) {
    for (const s of doc.sentences) {
      for (const w of s.words) {
        // Cheap test first: a word of n syllables has more than n letters (minus rare exceptions like "aio").
        if (w.kind !== 'word' || (w.text.length < options.minSyllables + 2 && !listed.has(w.lower)) || doc.isOpaque(w.start)) continue;
        const entry = listed.get(w.lower);
        if (entry) {
          const expected = entry.gebruik.map((x) => matchCase(w.text, x));
          const fix = expected.length === 1 ? wordListFix({ text: doc.text, sentence: s, first: w.index, last: w.index }, contextsFor(entry.herstel, entry.woord), expected[0]!) : undefined;
          report({
            fix: fix ?? false,
            messageId: 'suggest',
            data: { actual: w.text, expected: expected.map((x) => `"${x}"`).join(' of ') },
            start: w.start,
            end: w.end,
            actual: w.text,
            expected,
            ...(entry.uitleg ? { note: entry.uitleg } : {}),
          });
          continue;
        }
        // A compound of plain parts is the plain word for the thing ("informatieavond"), not a hard word.
        if (w.text.includes('-') || plain.has(w.lower) || isDomainWord(w.lower) || isPlainCompound(w.lower)) continue;
        // A capital inside a sentence: a name ("Woonstichting Vechtdal").
        if (w.index > 0 && w.text[0] !== w.lower[0]) continue;
        const syllables = countSyllables(w.text);
        if (syllables < options.minSyllables) continue;
        report({ messageId: 'long', data: { actual: w.text, syllables }, start: w.start, end: w.end, actual: w.text });
      }
    }
  },
};
