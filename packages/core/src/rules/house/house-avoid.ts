import type { Rule } from '../../types.js';
import { asList, caseLike, compiled, houseFix, houseMatches } from './words.js';

export const houseAvoid: Rule = {
  meta: {
    id: 'house-avoid',
    category: 'plain-language',
    defaultSeverity: 'warning',
    description: 'Woorden die uw organisatie niet gebruikt (config `woorden.vermijden`), met wat u wél schrijft.',
    rationale:
      'Elke corporatie heeft woorden die ze bewust niet gebruikt: "klant" als u huurders bedoelt, "wooneenheid" waar "woning" duidelijker is, de naam van een afdeling die niet meer bestaat. Als iedereen dezelfde woorden gebruikt, krijgt een huurder van elke medewerker dezelfde duidelijke brief. Zet de woorden in `woorden.vermijden` in uw configuratie, met bij `gebruik` wat u wél schrijft en bij `uitleg` waarom. Woorden in `woorden.negeren` geven nooit een melding.',
    presets: ['recommended'],
    fixable: true,
    messages: {
      avoid: 'Uw organisatie gebruikt "{actual}" niet.',
      use: 'Schrijf "{expected}" in plaats van "{actual}".',
      useMany: 'Schrijf {expected} in plaats van "{actual}".',
    },
    examples: {
      valid: [
        {
          text: 'Beste huurder,\n\nOp 12 maart komt de schilder bij uw woning.\n',
          config: { woorden: { vermijden: [{ woord: 'klant', gebruik: 'huurder' }] } },
        },
        {
          text: 'Bel het Klant Contact Centrum op 010 123 45 67.\n',
          config: { woorden: { vermijden: [{ woord: 'klant', gebruik: 'huurder' }], negeren: ['Klant Contact Centrum'] } },
          note: 'Een naam in `woorden.negeren` geeft nooit een melding, ook niet als er een vermeden woord in staat.',
        },
      ],
      invalid: [
        {
          text: 'Beste klant,\n\nOp 12 maart komt de schilder bij uw wooneenheid.\n',
          config: {
            woorden: {
              vermijden: [
                { woord: 'klant', gebruik: 'huurder', uitleg: 'Wij schrijven aan huurders, niet aan klanten.' },
                { woord: 'wooneenheid', gebruik: ['woning', 'huis'] },
              ],
            },
          },
          note: '"klant" wordt "huurder" (één suggestie, dus automatisch te verbeteren); bij "wooneenheid" kiest u zelf.',
        },
      ],
    },
  },
  check({ doc, config, report }) {
    const list = config.woorden.vermijden;
    if (list.length === 0) return;
    const index = compiled(list, (w) => [w.woord]);
    for (const m of houseMatches(doc, config, index)) {
      const { entry } = m.value;
      const expected = asList(entry.gebruik).map((g) => caseLike(m.actual, g));
      const fix = houseFix(doc, entry, m, expected.length === 1 ? expected[0] : undefined);
      report({
        ...(fix !== undefined ? { fix } : {}),
        messageId: expected.length === 0 ? 'avoid' : expected.length === 1 ? 'use' : 'useMany',
        data: { actual: m.actual, expected: expected.length === 1 ? expected[0]! : expected.map((e) => `"${e}"`).join(' of ') },
        start: m.start,
        end: m.end,
        actual: m.actual,
        expected,
        ...(entry.uitleg ? { note: entry.uitleg } : {}),
      });
    }
  },
};
