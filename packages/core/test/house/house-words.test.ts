import { describe, expect, it } from 'vitest';
import { applyFixes, lintText, resolveConfig, allRules } from '../../src/index.js';
import { houseAvoid } from '../../src/rules/house/house-avoid.js';
import { housePrefer } from '../../src/rules/house/house-prefer.js';
import { ruleTester } from '../rule-tester.js';

const vermijden = [
  { woord: 'klant', gebruik: 'huurder', uitleg: 'Wij schrijven aan huurders, niet aan klanten.' },
  { woord: 'wooneenheid', gebruik: ['woning', 'huis'] },
  { woord: 'bewonerscommissie' },
  { woord: 'in behandeling nemen', gebruik: 'bekijken' },
];

ruleTester(houseAvoid, {
  valid: [
    { name: 'no house list: silent', text: 'Beste klant,\n\nWij nemen uw verzoek in behandeling.\n' },
    { text: 'Beste huurder,\n\nOp 12 maart komt de schilder bij uw woning.\n', config: { woorden: { vermijden } } },
    {
      name: 'a word inside a placeholder is never reported',
      text: 'Beste {{klant}},\n\nOp 12 maart komt de schilder.\n',
      config: { woorden: { vermijden } },
    },
    {
      name: 'negeren protects a name that contains an avoided word',
      text: 'Bel het Klant Contact Centrum op werkdagen.\n',
      config: { woorden: { vermijden, negeren: ['Klant Contact Centrum'] } },
    },
    {
      name: 'negeren wins over vermijden for the same word',
      text: 'De bewonerscommissie vergadert op 3 april.\n',
      config: { woorden: { vermijden, negeren: ['bewonerscommissie'] } },
    },
  ],
  invalid: [
    {
      text: 'Beste klant,\n\nWij zullen uw verzoek in behandeling nemen.\n',
      config: { woorden: { vermijden } },
      errors: [
        { line: 1, column: 7, message: 'Schrijf "huurder" in plaats van "klant".', expected: ['huurder'], actual: 'klant' },
        { line: 3, column: 23, message: 'Schrijf "bekijken" in plaats van "in behandeling nemen".' },
      ],
    },
    {
      name: 'capitals are kept, several suggestions are not fixed',
      text: 'Klant en wooneenheid.\n\nDe Bewonerscommissie praat mee.\n',
      config: { woorden: { vermijden } },
      errors: [
        { line: 1, column: 1, expected: ['Huurder'] },
        { line: 1, column: 10, message: 'Schrijf "woning" of "huis" in plaats van "wooneenheid".', expected: ['woning', 'huis'] },
        { line: 3, column: 4, message: 'Uw organisatie gebruikt "Bewonerscommissie" niet.', expected: [] },
      ],
      output: 'Huurder en wooneenheid.\n\nDe Bewonerscommissie praat mee.\n',
    },
  ],
});

const voorkeur = [
  { woord: 'huismeester', gebruik: ['conciërge', 'complexbeheerder'], uitleg: 'Bij ons heet dat de huismeester.' },
  { woord: 'WoonWijzer' },
];

ruleTester(housePrefer, {
  valid: [
    { text: 'Uw huismeester komt dinsdag. Meld het in de WoonWijzer.\n', config: { woorden: { voorkeur } } },
    { name: 'a lower-case preferred word may start a sentence', text: 'Huismeester Ahmed komt dinsdag.\n', config: { woorden: { voorkeur } } },
    {
      name: 'negeren is honoured',
      text: 'De Conciërge van het stadhuis is gesloten.\n',
      config: { woorden: { voorkeur, negeren: ['conciërge'] } },
    },
  ],
  invalid: [
    {
      text: 'De conciërge komt dinsdag. Complexbeheerder Ahmed belt u. Meld het in de woonwijzer.\n',
      config: { woorden: { voorkeur } },
      errors: [
        { line: 1, column: 4, message: 'Schrijf "huismeester" in plaats van "conciërge" (huisstijl).', actual: 'conciërge' },
        { line: 1, column: 28, expected: ['Huismeester'] },
        { line: 1, column: 74, expected: ['WoonWijzer'] },
      ],
      output: 'De huismeester komt dinsdag. Huismeester Ahmed belt u. Meld het in de WoonWijzer.\n',
    },
  ],
});

describe('house style through the whole engine', () => {
  const config = resolveConfig(
    [{ file: 'huurbrief.config.json', config: { woorden: { vermijden: [{ woord: 'verzoek', gebruik: 'vraag' }], negeren: ['verzoek'] } } }],
    allRules,
  );

  it('a word in negeren is reported by no word rule (plain-words and house-avoid alike)', () => {
    const messages = lintText('Wij hebben uw verzoek ontvangen.\n', { config }).messages;
    expect(messages.filter((m) => m.actual?.toLowerCase() === 'verzoek')).toEqual([]);
  });

  it('fixes only the house word and nothing around it', () => {
    const c = resolveConfig([{ file: 'x', config: { woorden: { vermijden: [{ woord: 'klant', gebruik: 'huurder' }] } } }], allRules);
    const text = 'Beste klant,\n\nUw klantnummer is 12345.\n';
    const messages = lintText(text, { config: c }).messages.filter((m) => m.ruleId === 'house-avoid');
    expect(messages).toHaveLength(1);
    expect(applyFixes(text, messages).output).toBe('Beste huurder,\n\nUw klantnummer is 12345.\n');
  });
});

describe('house words say where their fix applies, like the built-in lists', () => {
  const lint = (text: string, entry: Record<string, unknown>) => {
    const config = resolveConfig([{ file: 'test', config: { extends: [], rules: { 'house-avoid': 'warn' }, woorden: { vermijden: [entry] } } }], allRules);
    const found = lintText(text, { config }).messages;
    return { found, fixed: applyFixes(text, found).output };
  };

  it('geenHerstel: a suggestion, never a fix', () => {
    const { found, fixed } = lint('Wij spreken de klant aan.', { woord: 'klant', gebruik: 'huurder', geenHerstel: 'Soms bedoelen we echt een klant.' });
    expect(found.map((m) => m.expected)).toEqual([['huurder']]);
    expect(fixed).toBe('Wij spreken de klant aan.');
  });

  it('herstel: a fix only where the contexts hold', () => {
    const entry = { woord: 'bewonersavond', gebruik: 'buurtavond', herstel: ['niet-zinsbegin'] };
    expect(lint('Op 3 mei is de bewonersavond.', entry).fixed).toBe('Op 3 mei is de buurtavond.');
    expect(lint('Bewonersavond is op 3 mei.', entry).fixed).toBe('Bewonersavond is op 3 mei.');
  });

  it('an unknown context is a config error, with the contexts that exist', () => {
    expect(() => resolveConfig([{ file: 'test', config: { woorden: { vermijden: [{ woord: 'klant', gebruik: 'huurder', herstel: ['overall'] }] } } }], allRules)).toThrow(/overal/);
  });
});
