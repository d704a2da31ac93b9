import { blockWords } from '../../readability/metrics.js';
import type { Rule } from '../../types.js';

interface Options {
  maxSentences: number;
  maxWords: number;
}

export const paragraphLength: Rule<Options> = {
  meta: {
    id: 'paragraph-length',
    category: 'readability',
    defaultSeverity: 'warning',
    description: 'Alinea’s hebben niet meer dan 5 zinnen of 80 woorden.',
    rationale:
      'Een lange alinea ziet eruit als een muur van tekst. Veel huurders lezen een brief niet van begin tot eind, maar kijken eerst waar het over gaat. Korte alinea’s met één onderwerp per alinea, en een tussenkop boven elk onderwerp, maken dat makkelijk. Lijsten en tabellen tellen per punt.',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxSentences: { type: 'integer', minimum: 1, description: 'Meer zinnen dan dit: melding.' },
        maxWords: { type: 'integer', minimum: 1, description: 'Meer woorden dan dit: melding.' },
      },
    },
    defaultOptions: { maxSentences: 5, maxWords: 80 },
    strictOptions: { maxSentences: 4, maxWords: 60 },
    messages: {
      sentences: 'Deze alinea heeft {sentences} zinnen (meer dan {max}). Maak er twee alinea’s van, met één onderwerp per alinea.',
      words: 'Deze alinea heeft {words} woorden (meer dan {max}). Maak er twee alinea’s van, met één onderwerp per alinea.',
    },
    examples: {
      valid: [
        {
          text: 'Op dinsdag 12 maart komt de monteur. Hij controleert uw cv-ketel. Dat duurt ongeveer een half uur.\n\nKunt u niet? Bel ons dan.',
        },
      ],
      invalid: [
        {
          text: 'Op dinsdag 12 maart komt de monteur. Hij controleert uw cv-ketel. Dat duurt ongeveer een half uur. Wilt u thuis zijn? Zorg dat hij goed bij de ketel kan. Kunt u niet? Bel ons dan.',
          note: 'Zes zinnen over twee onderwerpen: de afspraak en wat de huurder moet doen.',
        },
      ],
    },
  },
  check({ doc, options, report }) {
    for (const b of doc.blocks) {
      if (b.role !== 'body' || b.type === 'heading') continue;
      const first = b.sentences[0];
      if (!first) continue;
      const sentences = b.sentences.length;
      const words = blockWords(b);
      if (sentences > options.maxSentences) {
        report({ messageId: 'sentences', data: { sentences, max: options.maxSentences }, start: first.start, end: first.end });
      } else if (words > options.maxWords) {
        report({ messageId: 'words', data: { words, max: options.maxWords }, start: first.start, end: first.end });
      }
    }
  },
};
