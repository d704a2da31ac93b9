import type { Rule } from '../../types.js';

interface Options {
  warning: number;
  error: number;
}

export const sentenceLength: Rule<Options> = {
  meta: {
    id: 'sentence-length',
    category: 'readability',
    // The configured severity is the ceiling: above `warning` words a warning, above `error` words an error.
    defaultSeverity: 'error',
    description: 'Zinnen zijn niet langer dan 20 woorden (waarschuwing) of 30 woorden (fout).',
    rationale:
      'Lange zinnen zijn de belangrijkste oorzaak van moeilijke teksten. Op taalniveau B1 zijn zinnen gemiddeld zo’n 15 woorden lang, en weinig zinnen langer dan 20. Een huurder die Nederlands als tweede taal leest of weinig tijd heeft, haakt bij een lange zin af. Splits de zin: één gedachte per zin. Een invulveld telt als één woord.',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        warning: { type: 'integer', minimum: 1, description: 'Meer woorden dan dit: waarschuwing.' },
        error: { type: 'integer', minimum: 1, description: 'Meer woorden dan dit: fout.' },
      },
    },
    defaultOptions: { warning: 20, error: 30 },
    strictOptions: { warning: 15, error: 25 },
    messages: {
      long: 'Deze zin heeft {count} woorden (meer dan {max}). Splits hem in kortere zinnen.',
    },
    examples: {
      valid: [{ text: 'Op dinsdag 12 maart komt de monteur uw cv-ketel controleren. Dat duurt ongeveer een uur.' }],
      invalid: [
        {
          text: 'Wij delen u mede dat op dinsdag 12 maart tussen 08.00 en 12.00 uur de jaarlijkse controle van uw cv-ketel plaatsvindt door een monteur van ons vaste installatiebedrijf, waarbij wij u verzoeken thuis te zijn.',
          note: 'Eén zin van ruim 30 woorden met twee boodschappen.',
        },
      ],
    },
  },
  check({ doc, options, report }) {
    for (const s of doc.sentences) {
      // A name, role and phone number under the closing are not a long sentence.
      if (s.block.role === 'signature' || s.block.role === 'closing') continue;
      const count = s.words.length;
      if (count <= options.warning) continue;
      const isError = count > options.error;
      report({
        messageId: 'long',
        data: { count, max: isError ? options.error : options.warning },
        start: s.start,
        end: s.end,
        ...(isError ? {} : { severity: 'warning' as const }),
      });
    }
  },
};
