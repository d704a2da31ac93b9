import type { Rule } from '../../types.js';

/**
 * Reported by the engine (engine/lint.ts): only after every other rule has run
 * is it known which disable comments suppressed nothing.
 */
export const unusedDisable: Rule = {
  meta: {
    id: 'unused-disable',
    category: 'structure',
    defaultSeverity: 'info',
    description: 'Een huurbrief-disable-commentaar zet alleen iets uit dat ook echt gemeld zou worden.',
    rationale:
      'Een commentaar dat niets uitzet, is blijven staan na een eerdere versie van de brief. Het verbergt later misschien een melding die u wel had willen zien. Haal het weg.',
    presets: ['recommended'],
    fixable: false,
    messages: { unused: 'Dit commentaar zet niets uit{what}; haal het weg.' },
    examples: {
      valid: [
        {
          text: '<!-- huurbrief-disable-next sentence-length -- citaat uit de huurovereenkomst -->\nBeste mevrouw Jansen,\n',
          note: 'Geen huurbrief-disable-commentaar.',
        },
      ],
      invalid: [{ text: '<!-- huurbrief-disable sentence-length -- wettelijke tekst -->\nBeste mevrouw Jansen,\n' }],
    },
  },
  check() {
    // See engine/lint.ts.
  },
};
