import { LEVELS } from '../../readability/level.js';
import { fleschBand } from '../../readability/measures.js';
import { computeReadability } from '../../readability/metrics.js';
import type { Rule } from '../../types.js';

interface Options {
  minFleschDouma: number;
  minSentences: number;
}

const nl1 = (n: number) => n.toFixed(1).replace('.', ',');

export const letterReadability: Rule<Options> = {
  meta: {
    id: 'letter-readability',
    category: 'readability',
    defaultSeverity: 'warning',
    description: 'De brief als geheel is leesbaar op het gekozen taalniveau (standaard B1).',
    rationale:
      'De meeste huurders lezen het best op taalniveau B1, veel huurders die Nederlands als tweede taal leren op A2. Deze regel schat het niveau van de hele brief uit de gemiddelde zinslengte, het aandeel lange zinnen, de lengte van de woorden, de lijdende vorm, de langste alinea en de Flesch-Douma-score, en noemt precies welke maten boven het doel uitkomen. Zo weet u wat u moet aanpassen. Het doelniveau stelt u in met `level` in de configuratie ("A2", "B1", "B2" of "C1").',
    presets: ['recommended'],
    fixable: false,
    languages: ['nl'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minFleschDouma: { type: 'number', minimum: 0, maximum: 120, description: 'Lagere Flesch-Douma-score dan dit: melding.' },
        minSentences: { type: 'integer', minimum: 1, description: 'Brieven met minder zinnen worden niet beoordeeld (te weinig tekst voor een schatting).' },
      },
    },
    defaultOptions: { minFleschDouma: 60, minSentences: 3 },
    strictOptions: { minFleschDouma: 65 },
    messages: {
      hard: 'Deze brief is moeilijker dan taalniveau {target} (geschat: {level}, Flesch-Douma {score}, {band}). Wat de brief moeilijk maakt: {reasons}.',
    },
    examples: {
      valid: [
        {
          text: 'Beste mevrouw Jansen,\n\nOp dinsdag 12 maart komt onze monteur bij u langs. Hij controleert uw cv-ketel. Dat duurt ongeveer een half uur.\n\nKunt u niet op 12 maart? Bel ons dan. We maken graag een nieuwe afspraak.\n\nMet vriendelijke groet,\n\nSandra de Wit',
        },
      ],
      invalid: [
        {
          text: 'Geachte heer/mevrouw,\n\nMiddels dit schrijven delen wij u mede dat in het kader van het planmatig onderhoud onderhoudswerkzaamheden aan de kozijnen zullen worden uitgevoerd door een door de verhuurder ingeschakelde aannemer. Teneinde de voortgang van de werkzaamheden te waarborgen, verzoeken wij u zorg te dragen voor het vrijmaken van de vensterbanken. Indien u verhinderd bent, dient u dit schriftelijk kenbaar te maken aan de afdeling Vastgoedonderhoud.\n\nHoogachtend,\n\nAfdeling Vastgoedonderhoud',
          note: 'Lange zinnen, lange woorden en de lijdende vorm: niveau C1.',
        },
      ],
    },
  },
  check({ doc, config, options, report }) {
    const { metrics } = computeReadability(doc, config);
    const first = doc.sentences[0];
    if (!first || metrics.sentences < options.minSentences || metrics.fleschDouma === null) return;
    const reasons = [...metrics.levelReasons];
    const aboveTarget = LEVELS.indexOf(metrics.level) > LEVELS.indexOf(config.level);
    const lowScore = metrics.fleschDouma < options.minFleschDouma;
    if (!aboveTarget && !lowScore) return;
    if (lowScore && !reasons.some((r) => r.includes('Flesch-Douma'))) {
      reasons.push(`de Flesch-Douma-score is ${nl1(metrics.fleschDouma)} (minstens ${options.minFleschDouma} ingesteld)`);
    }
    report({
      messageId: 'hard',
      data: {
        target: config.level,
        level: metrics.level,
        score: nl1(metrics.fleschDouma),
        band: fleschBand(metrics.fleschDouma),
        reasons: reasons.join('; '),
      },
      start: first.start,
      end: first.end,
      note: `Gemeten: ${metrics.sentences} zinnen van gemiddeld ${nl1(metrics.avgSentenceLength)} woorden, ${metrics.avgSyllablesPerWord.toFixed(2).replace('.', ',')} lettergrepen per woord, ${Math.round(metrics.passiveShare * 100)}% lijdende vorm. Pak eerst de langste zinnen aan (zie sentence-length en hard-sentence).`,
    });
  },
};
