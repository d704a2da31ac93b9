import { abbreviations as data } from '../../data/abbreviations.generated.js';
import { matchCase } from '../../engine/messages.js';
import { contextsFor, wordListFix, wordSpan, type Herstel } from '../../engine/fix-contexts.js';
import type { Rule } from '../../types.js';

interface Entry {
  afkorting: string;
  voluit: string;
  beter?: string;
  hoofdletters?: boolean;
  herstel?: Herstel;
}

const byForm = new Map<string, Entry>();
for (const e of data as readonly Entry[]) byForm.set(e.afkorting, e);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** One regex for every abbreviation (compiled once), longest first, not inside a word. */
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:${[...byForm.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

export const abbreviations: Rule = {
  meta: {
    id: 'abbreviations',
    category: 'readability',
    defaultSeverity: 'warning',
    description: 'Afkortingen als "i.v.m.", "m.b.t." en "t.a.v." voluit schrijven.',
    rationale:
      'Afkortingen sparen de schrijver een paar letters, maar kosten de lezer moeite: niet iedere huurder weet wat "c.q.", "jl." of "e.e.a." betekent, en wie Nederlands als tweede taal leert, vindt ze niet in een woordenboek. Schrijf ze voluit, of nog beter: gebruik een gewoon woord ("over" in plaats van "m.b.t."). Gewone afkortingen die iedereen kent, zoals cv, wc en btw, worden niet gemeld.',
    presets: ['recommended'],
    fixable: true,
    languages: ['nl'],
    messages: {
      abbreviation: 'Schrijf "{actual}" voluit: "{expected}".',
    },
    examples: {
      valid: [
        { text: 'In verband met het onderhoud is het water op 4 maart afgesloten.' },
        { text: 'De monteur controleert uw cv-ketel en de wc.' },
      ],
      invalid: [
        { text: 'I.v.m. het onderhoud is het water op 4 maart afgesloten.', note: 'Wordt: "In verband met het onderhoud ..." (of: "Door het onderhoud ...").' },
        { text: 'Wij komen z.s.m. bij u langs.' },
      ],
    },
  },
  check({ doc, report }) {
    for (const s of doc.sentences) {
      // "Tel." and "Dhr." in the block under the closing are address lines, not text.
      if (s.block.role === 'signature') continue;
      PATTERN.lastIndex = 0;
      for (let m = PATTERN.exec(s.text); m; m = PATTERN.exec(s.text)) {
        const actual = m[0];
        const entry = byForm.get(actual.toLowerCase());
        if (!entry) continue;
        const start = s.start + m.index;
        if (doc.isOpaque(start)) continue;
        // "..., enz." at the end of a sentence: the dot also ends the sentence.
        const endsSentence = actual.endsWith('.') && start + actual.length >= s.end;
        const expected = matchCase(actual, entry.voluit) + (endsSentence ? '.' : '');
        const site = wordSpan(doc.text, s, start, start + actual.length);
        const fix = site ? wordListFix(site, contextsFor(entry.herstel, entry.afkorting), expected) : undefined;
        report({
          fix: fix ? { range: [start, start + actual.length], text: expected } : false,
          messageId: 'abbreviation',
          data: { actual, expected },
          start,
          end: start + actual.length,
          actual,
          expected: [expected],
          ...(entry.beter ? { note: `Nog gewoner: ${entry.beter}.` } : {}),
        });
      }
    }
  },
};
