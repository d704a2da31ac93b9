import type { Rule } from '../../types.js';
import { phraseHits, phraseReport } from './shared.js';

export const blaming: Rule = {
  meta: {
    id: 'blaming',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Beschrijf wat er gebeurd is, zonder verwijt ("u heeft nagelaten", "ondanks herhaalde verzoeken", "onacceptabel").',
    rationale:
      'Een verwijt zet de huurder in de verdediging. Vaak is er iets aan de hand: ziekte, schulden, een brief die niet aankwam. Beschrijf feitelijk wat er is (niet) gebeurd en vraag wat er speelt: "Wij hebben uw betaling van maart nog niet ontvangen. Is er iets aan de hand? Bel ons gerust."',
    presets: ['recommended'],
    fixable: false,
    messages: {
      blame: 'Dit klinkt als een verwijt ("{actual}"). Beschrijf feitelijk wat er is gebeurd, en vraag wat er speelt.',
    },
    examples: {
      valid: [{ text: 'Wij hebben uw betaling van maart nog niet ontvangen. Is er iets aan de hand? Bel ons gerust.' }],
      invalid: [
        { text: 'Ondanks herhaalde verzoeken heeft u nagelaten de huur te betalen.', note: 'Wordt: "Wij hebben uw betaling van maart nog niet ontvangen."' },
        { text: 'Dit gedrag is onacceptabel.' },
      ],
    },
    limits: [
      {
        text: 'Spot en vergelijkingen met beelden.',
        example: 'Uw tuin lijkt inmiddels meer op een vuilnisbelt dan op een tuin.',
      },
      {
        text: 'Een verwijt in een compliment.',
        example: 'Het zou fijn zijn als wij u ook eens bij een schoonmaakactie zagen.',
      },
      {
        text: 'Een feit dat als verwijt bedoeld is, zonder verwijtend woord.',
        example: 'Ook na ons gesprek van 12 januari is de overlast niet minder geworden.',
      },
    ],
  },
  check({ doc, report }) {
    for (const { hit } of phraseHits(doc, 'blaming')) report(phraseReport(doc, hit, 'blame'));
  },
};
