import type { Rule } from '../../types.js';
import { asList, caseLike, compiled, houseFix, houseMatches } from './words.js';

export const housePrefer: Rule = {
  meta: {
    id: 'house-prefer',
    category: 'plain-language',
    defaultSeverity: 'warning',
    description: 'Voorkeurswoorden van uw organisatie (config `woorden.voorkeur`): het woord in plaats van de vormen bij `gebruik`, en productnamen precies zo gespeld.',
    rationale:
      'Een huurder die in de ene brief "huismeester" leest en in de volgende "complexbeheerder", vraagt zich af of dat twee mensen zijn. Eén woord voor één ding maakt brieven voorspelbaar. Zet het voorkeurswoord bij `woord` en de vormen die u vervangt bij `gebruik`. Een woord met hoofdletters, zoals de productnaam "WoonWijzer", moet precies zo geschreven worden; een woord zonder hoofdletters mag aan het begin van een zin een hoofdletter krijgen.',
    presets: ['recommended'],
    fixable: true,
    messages: {
      prefer: 'Schrijf "{expected}" in plaats van "{actual}" (huisstijl).',
    },
    examples: {
      valid: [
        {
          text: 'Uw huismeester, Ahmed Yilmaz, is er op werkdagen.\n\nHuismeester Ahmed helpt u graag.\n',
          config: { woorden: { voorkeur: [{ woord: 'huismeester', gebruik: ['conciërge', 'complexbeheerder'] }] } },
          note: 'Aan het begin van een zin mag het voorkeurswoord een hoofdletter hebben.',
        },
      ],
      invalid: [
        {
          text: 'De conciërge komt op dinsdag. Een reparatie meldt u in de woonwijzer.\n',
          config: { woorden: { voorkeur: [{ woord: 'huismeester', gebruik: ['conciërge', 'complexbeheerder'] }, { woord: 'WoonWijzer' }] } },
          note: '"conciërge" wordt "huismeester"; de productnaam heet "WoonWijzer".',
        },
      ],
    },
  },
  check({ doc, config, report }) {
    const list = config.woorden.voorkeur;
    if (list.length === 0) return;
    const index = compiled(list, (w) => [w.woord, ...asList(w.gebruik)]);
    for (const m of houseMatches(doc, config, index)) {
      const { entry, form } = m.value;
      const preferred = entry.woord;
      if (form === preferred.toLowerCase()) {
        // The preferred word itself: only its spelling can be wrong, and only
        // when it has capitals of its own (a product name).
        if (m.actual === preferred || !/\p{Lu}/u.test(preferred)) continue;
      }
      const expected = caseLike(m.actual, preferred);
      if (expected === m.actual) continue;
      const fix = houseFix(doc, entry, m, expected);
      report({
        ...(fix !== undefined ? { fix } : {}),
        messageId: 'prefer',
        data: { actual: m.actual, expected },
        start: m.start,
        end: m.end,
        actual: m.actual,
        expected: [expected],
        ...(entry.uitleg ? { note: entry.uitleg } : {}),
      });
    }
  },
};
