import type { Rule } from '../../types.js';
import { phraseHits, phraseReport } from './shared.js';

export const stockPhrases: Rule = {
  meta: {
    id: 'stock-phrases',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Geen standaardformules ("Middels dit schrijven", "Hoogachtend", "Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd").',
    rationale:
      'Standaardformules zeggen de huurder niets en maken een brief stijf en afstandelijk. Begin met de boodschap, en eindig met een echte uitnodiging: een naam en een telefoonnummer. Waar één gewone vervanging bestaat ("Hoogachtend" → "Met vriendelijke groet"), kan huurbrief die automatisch invullen.',
    presets: ['recommended'],
    fixable: true,
    messages: {
      stock: 'Dit is een standaardformule ("{actual}"). Zeg het gewoon.',
    },
    examples: {
      valid: [{ text: 'Met deze brief vertellen we u over de werkzaamheden. Heeft u nog vragen? Bel mij gerust op 020 123 45 67.' }],
      invalid: [
        { text: 'Middels dit schrijven informeren wij u over de werkzaamheden.', note: 'Wordt: "Met deze brief informeren wij u ..."' },
        { text: 'Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.' },
      ],
    },
    limits: [
      {
        text: 'Formules die schrijvers verschillend beoordelen ("geen aanleiding", "in de gelegenheid stellen") meldt de regel bewust niet.',
        example: 'Wij stellen u in de gelegenheid om binnen veertien dagen uw zienswijze kenbaar te maken.',
      },
    ],
  },
  check({ doc, report }) {
    for (const { hit, sentence } of phraseHits(doc, 'stock-phrases')) report(phraseReport(doc, hit, 'stock', true, sentence));
  },
};
