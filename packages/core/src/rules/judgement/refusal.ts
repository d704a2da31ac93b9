import { findRefusals } from '../../judgement/refusals.js';
import type { Rule } from '../../types.js';
import { phraseReport } from './shared.js';

export const refusal: Rule = {
  meta: {
    id: 'refusal',
    category: 'no-phrasing',
    defaultSeverity: 'warning',
    description: 'Een zin die nee zegt, zegt in dezelfde of de volgende zin ook wat wel kan.',
    rationale:
      'Corporaties spraken af "nergens meer nee op zeggen, maar kijken waar wel de mogelijkheden zitten". Soms moet u nee zeggen. Zeg dat dan één keer, actief, en zeg direct erna wat wel kan: "Een dakkapel kunnen we niet toestaan. Wel mag u een dakraam laten plaatsen." Een nee met "maar ... wel" is goed. Goed nieuws met een ontkenning ("U hoeft niets te betalen", "Geen zorgen") telt niet als nee, en een huisregel met uitleg ook niet.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      refusal: 'Hier staat een nee ("{actual}"), maar niet wat wel kan. Zeg in deze of de volgende zin wat de huurder wel kan doen.',
    },
    examples: {
      valid: [
        { text: 'Een dakkapel is helaas niet mogelijk, maar u kunt wel een dakraam laten plaatsen.', note: 'Nee, met direct erna wat wel kan.' },
        { text: 'U hoeft niets te betalen. Geen zorgen: we komen niet binnen zonder afspraak.', note: 'Goed nieuws is geen nee.' },
        { text: 'Roken in de lift is niet toegestaan, omdat de rook lang in het trappenhuis blijft hangen.', note: 'Een huisregel met uitleg.' },
      ],
      invalid: [
        { text: 'Helaas kunnen wij uw verzoek om een dakkapel niet honoreren.', note: 'Wordt: "Een dakkapel kunnen we niet toestaan. Wel mag u een dakraam laten plaatsen."' },
        { text: 'Wij wijzen uw aanvraag voor een parkeerplaats af.' },
      ],
    },
    limits: [
      {
        text: 'Een nee zonder ontkenning of afwijswoord: beschikbaarheid, volgorde of een voorwaarde die nee betekent.',
        example: 'Er is op dit moment geen parkeerplek vrij.',
      },
      {
        text: 'Een nee verstopt in een procedure met "pas ... nadat".',
        example: 'Volgens de procedure kunnen wij uw klacht pas behandelen nadat u eerst een reparatieverzoek heeft gedaan.',
      },
    ],
  },
  check({ doc, report }) {
    for (const r of findRefusals(doc)) {
      if (r.answered) continue;
      report(phraseReport(doc, r.hit, 'refusal'));
    }
  },
};
