import { isDomainWord } from '../../readability/domain.js';
import { fleschDouma, LONG_SENTENCE_WORDS, nominalWords, SPECIAL_SYLLABLES } from '../../readability/measures.js';
import { countSyllables } from '../../readability/syllables.js';
import { computeReadability } from '../../readability/metrics.js';
import type { Level, Rule } from '../../types.js';

interface Options {
  minScore: number;
  minWords: number;
}

/** The threshold moves with the target level: stricter for A2, looser for B2/C1. */
const LEVEL_SHIFT: Record<Level, number> = { A2: 10, B1: 0, B2: -10, C1: -20 };
const nl1 = (n: number) => n.toFixed(1).replace('.', ',');
const quoteList = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');

export const hardSentence: Rule<Options> = {
  meta: {
    id: 'hard-sentence',
    category: 'readability',
    defaultSeverity: 'warning',
    description: 'Een zin met een Flesch-Douma-score ver onder het doel, met de reden: lengte, lange woorden of naamwoordstijl.',
    rationale:
      'Eén moeilijke zin kan een hele brief onbegrijpelijk maken, juist als daarin staat wat de huurder moet doen. Deze regel berekent de Flesch-Douma-score van elke zin apart en zegt waarom een zin moeilijk is: hij is lang, hij heeft veel lange woorden, of hij staat in naamwoordstijl ("de uitvoering van de werkzaamheden" in plaats van "we voeren het werk uit"). Woorden uit het vak, zoals huurtoeslag en servicekosten, tellen niet als lang woord. Bij doelniveau A2 is de grens 10 punten strenger.',
    presets: ['recommended'],
    fixable: false,
    languages: ['nl'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minScore: { type: 'number', description: 'Zinnen met een lagere Flesch-Douma-score (bij doelniveau B1) worden gemeld.' },
        minWords: { type: 'integer', minimum: 1, description: 'Kortere zinnen worden niet beoordeeld (één lang woord maakt de score dan onbetrouwbaar).' },
      },
    },
    defaultOptions: { minScore: 30, minWords: 8 },
    strictOptions: { minScore: 40 },
    messages: {
      hard: 'Deze zin is moeilijk (Flesch-Douma {score}): {reasons}. Schrijf korter, met gewone woorden en werkwoorden.',
    },
    examples: {
      valid: [
        { text: 'Op dinsdag 12 maart komt onze monteur bij u langs om uw cv-ketel te controleren.' },
        { text: 'U kunt huurtoeslag aanvragen als uw inkomen niet te hoog is.', note: 'Huurtoeslag is een woord uit het vak: het telt niet als moeilijk.' },
      ],
      invalid: [
        {
          text: 'Ter voorkoming van beschadigingen verzoeken wij u vriendelijk om voorafgaand aan de uitvoering van de onderhoudswerkzaamheden de vensterbanken te ontruimen.',
          note: 'Lange woorden en naamwoordstijl ("ter voorkoming", "uitvoering").',
        },
      ],
    },
  },
  check({ doc, config, options, report }) {
    const r = computeReadability(doc, config);
    const threshold = options.minScore + LEVEL_SHIFT[config.level];
    for (const s of r.bodySentences) {
      const st = r.stats[s.index]!;
      if (st.words < options.minWords) continue;
      // A name inside the sentence ("Installatiebedrijf Verwarmd") is not a hard word: count it like a placeholder.
      let syllables = st.syllables;
      const names = new Set(st.longWords.filter((w) => w.index > 0 && w.text[0] !== w.lower[0]));
      for (const w of names) syllables += SPECIAL_SYLLABLES - countSyllables(w.text);
      const score = fleschDouma(st.words, syllables / st.words);
      if (score >= threshold) continue;
      const reasons: string[] = [];
      if (st.words > LONG_SENTENCE_WORDS) reasons.push(`de zin heeft ${st.words} woorden`);
      const long = [...new Set(st.longWords.filter((w) => !names.has(w) && !isDomainWord(w.lower)).map((w) => w.text))];
      if (long.length) reasons.push(`lange woorden (${quoteList(long.slice(0, 4))})`);
      const nominal = nominalWords(s).map((w) => w.text);
      if (nominal.length >= 2) reasons.push(`naamwoordstijl (${quoteList(nominal.slice(0, 3))}): gebruik werkwoorden`);
      if ((r.passives[s.index] ?? []).length) reasons.push('lijdende vorm');
      if (!reasons.length) reasons.push(`veel woorden van meer lettergrepen (gemiddeld ${nl1(syllables / st.words)} per woord)`);
      report({ messageId: 'hard', data: { score: nl1(score), reasons: reasons.join(', ') }, start: s.start, end: s.end });
    }
  },
};
