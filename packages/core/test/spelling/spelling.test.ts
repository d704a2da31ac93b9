import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintText, resolveConfig, allRules, setSpellingProvider, unknownWords, type SpellingDictionary } from '../../src/index.js';
import { findSpellingFolder, loadSpellingDictionary, spellingFolders } from '../../src/node/spelling.js';
import { spelling } from '../../src/rules/spelling/spelling.js';
import { ruleTester } from '../rule-tester.js';

const letter = (body: string) => `Beste mevrouw Öztürk,\n\n${body}\n\nMet vriendelijke groet,\n\nKarin Haddou\nWoonconsulent\n`;

ruleTester(spelling, {
  valid: [
    { name: 'compounds, inflections and diminutives', text: 'De huurachterstanden, de huurovereenkomsten en het sleuteltje van de fietsenstalling zijn geregeld.' },
    { name: 'loan words and hyphens', text: 'Stuur ons een e-mail of een WhatsApp-bericht over uw cv-ketel, of mail ons via de website.' },
    {
      name: 'names: capitals inside a sentence, the greeting and the signature',
      text: letter('Morgen komt de monteur van Feenstra naar de Merelflat aan de Kastanjelaan in Purmerend. Haddou belt u vooraf.'),
    },
    { name: 'placeholders of every syntax', text: 'Beste {{huurder.naam}}, uw huur wordt «Bedrag» per maand vanaf [Datum aanvang] bij ACHTERNAAM.', config: { placeholders: { delimiters: [['[', ']']] } } },
    { name: 'a word glued to a placeholder', text: 'Dit is {{voornaam}}s nieuwe huurcontract.' },
    { name: 'e-mail, URL, codes, numbers and amounts', text: 'Mail naar verhuur@delinde.nl of kijk op www.delinde.nl/huur. Uw kenmerk is DL/2026/0412, uw postcode 1234 AB, de IBAN NL91ABNA0417164300 en het bedrag € 1.412,50 op 3-4-2026.' },
    { name: 'reference numbers and codes as words', text: 'Het gaat om complex K12 en woning 3B met een A4-formaat plattegrond.' },
    { name: 'abbreviations: with dots, and the ones the abbreviations rule reports', text: 'Wij komen z.s.m. langs ivm het onderhoud, t/m vrijdag.' },
    { name: 'capitals: acronyms and merge fields', text: 'De WOZ-waarde en het BRP worden door de VvE gecontroleerd.' },
    { name: 'a truncated compound', text: 'De huur- en servicekosten gaan omhoog, de stook- en woonlasten niet.' },
    { name: 'Eén at the start of a sentence', text: 'Eén keer per jaar komt de monteur.' },
    { name: 'the shipped domain list', text: 'Bij de voorinspectie kijkt de complexbeheerder samen met u naar de woning.' },
    {
      name: "the organisation's words (woorden.negeren, voorkeur and vermijden)",
      text: 'Meld het in de huurdersapp of bij het woonloket. Vraag het aan de wijkhoeder.',
      config: { woorden: { negeren: ['huurdersapp'], voorkeur: [{ woord: 'woonloket' }], vermijden: [{ woord: 'klantloket', gebruik: 'wijkhoeder' }] } },
    },
    { name: 'code and HTML are not text', text: 'Typ `huurbriefxyz` in het veld. <!-- notitie: nog naar kijkne -->' },
    { name: 'a capitalised unknown word at a sentence start that is close to no word is a name', text: 'Yilmaz belt u volgende week.' },
    { name: 'English letters use the English list', text: '---\nlang: en\n---\nThe technician will replace your boiler on Monday. Please let us know if that suits you.\n' },
    {
      name: 'a passage in English in a Dutch letter is not checked',
      text: 'Op 3 maart vervangen we de cv-ketels.\n\nEnglish summary: on March 3rd we will replace the central heating boilers in your building. Thank you!\n',
    },
    { name: 'an English letter may name Dutch things', text: '---\nlang: en\n---\nYou may be entitled to huurtoeslag. The gemeente can help you with the aanvraag.\n' },
  ],
  invalid: [
    {
      text: 'U heeft een huurrachterstand van € 412,50.',
      errors: [{ line: 1, column: 13, message: 'Onbekend woord "huurrachterstand": bedoelt u "huurachterstand"?', actual: 'huurrachterstand', expected: ['huurachterstand'] }],
      output: 'U heeft een huurachterstand van € 412,50.',
    },
    {
      name: 'a missing trema is fixed',
      text: 'Wij hebben u hierover eerder geinformeerd.',
      errors: [{ actual: 'geinformeerd', message: /^Onbekend woord "geinformeerd": bedoelt u "geïnformeerd"/ }],
      output: 'Wij hebben u hierover eerder geïnformeerd.',
    },
    {
      name: 'a missing tussen-s',
      text: 'Wij maken graag een betalingregeling met u.',
      errors: [{ actual: 'betalingregeling', message: /"betalingsregeling"/ }],
      output: 'Wij maken graag een betalingsregeling met u.',
    },
    {
      name: 'd/t: two words are equally close, so no fix',
      text: 'Dat is gisteren gebeurdt.',
      errors: [{ actual: 'gebeurdt', message: /^Onbekend woord "gebeurdt": bedoelt u ("gebeurd", "gebeurt"|"gebeurt", "gebeurd") of/ }],
      output: 'Dat is gisteren gebeurdt.',
    },
    {
      name: 'a capitalised typo at a sentence start keeps its capital',
      text: 'Huurrachterstand is vervelend. Wij helpen u graag.',
      errors: [{ line: 1, column: 1, actual: 'Huurrachterstand', expected: ['Huurachterstand'] }],
      output: 'Huurachterstand is vervelend. Wij helpen u graag.',
    },
    {
      name: 'in a quotation: reported, never fixed',
      text: 'U schreef: "mijn huurrachterstand is betaald".',
      errors: [{ actual: 'huurrachterstand' }],
      output: 'U schreef: "mijn huurrachterstand is betaald".',
    },
    {
      name: 'the subject line is checked too',
      text: 'Betreft: onderhoud van uw cv-ketle\n\nBeste mevrouw Jansen,\n\nOp 3 maart komt de monteur.\n',
      errors: [{ line: 1, actual: 'cv-ketle' }],
    },
    { name: 'a word far from any other word has no suggestion', text: 'Dit is een qxzwvb woord.', errors: [{ message: 'Onbekend woord "qxzwvb": het staat niet in de woordenlijst.', expected: [] }] },
    {
      name: 'English letter, English typo',
      text: '---\nlang: en\n---\nWe will recieve your payment on Monday.\n',
      errors: [{ line: 4, actual: 'recieve', expected: ['receive'] }],
      output: '---\nlang: en\n---\nWe will receive your payment on Monday.\n',
    },
    {
      name: 'two typos in a short Dutch sentence are not a foreign sentence',
      text: 'De reparattie is gisteren uitgevoed.',
      errors: [{ actual: 'reparattie' }, { actual: 'uitgevoed' }],
    },
    {
      name: 'every occurrence is a finding',
      text: 'De reparattie is klaar. Na de reparattie bellen wij u.',
      errors: [{ column: 4 }, { column: 31 }],
    },
  ],
});

describe('spelling: the word lists', () => {
  afterEach(() => setSpellingProvider(loadSpellingDictionary));

  it('without a registered word list the rule fails as one finding that says why (no silent skip)', () => {
    setSpellingProvider(undefined);
    const config = resolveConfig([{ file: '<test>', config: { extends: [], rules: { spelling: 'warn' } } }], allRules);
    const { messages } = lintText('Een gewone zin.', { config });
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['spelling', 'error']]);
    expect(messages[0]!.message).toMatch(/^Regel spelling faalde: geen woordenlijst voor de spellingcontrole geladen/);
  });

  it('another provider can be registered (a browser build brings its own list)', () => {
    const tiny: SpellingDictionary = { lang: 'nl', has: (w) => ['dit', 'is', 'goed'].includes(w.toLowerCase()), suggest: () => [{ word: 'goed', cost: 100 }] };
    setSpellingProvider(() => tiny);
    const config = resolveConfig([{ file: '<test>', config: { extends: [], rules: { spelling: 'warn' } } }], allRules);
    expect(lintText('Dit is goed.', { config }).messages).toEqual([]);
    expect(lintText('Dit is gode.', { config }).messages.map((m) => [m.actual, m.expected])).toEqual([['gode', ['goed']]]);
  });

  it('loads each language once per process', () => {
    expect(loadSpellingDictionary('nl')).toBe(loadSpellingDictionary('nl'));
    expect(loadSpellingDictionary('en')).not.toBe(loadSpellingDictionary('nl'));
    expect(loadSpellingDictionary('en').has('maintenance')).toBe(true);
    expect(loadSpellingDictionary('nl').has('onderhoud')).toBe(true);
  });

  it('the edit costs compiled at build time give the same suggestions as compiling them from the dictionary information', () => {
    const folder = findSpellingFolder();
    const cspell = createRequire(import.meta.url)(join(folder, 'cspell.cjs')) as {
      createSpellingDictionaryFromTrieFile(data: Uint8Array, name: string, source: string, options: object): { suggest(w: string, o: object): { word: string; cost: number }[] };
    };
    const typos = (parse(readFileSync(new URL('../../../../fixtures/spelling/typfouten.yml', import.meta.url), 'utf8')) as { fout: string }[]).map((t) => t.fout);
    for (const lang of ['nl', 'en'] as const) {
      const info = JSON.parse(readFileSync(join(folder, `${lang}.json`), 'utf8')) as { name: string; repMap: unknown; dictionaryInformation: unknown };
      const reference = cspell.createSpellingDictionaryFromTrieFile(readFileSync(join(folder, `${lang}.btrie`)), info.name, 'x', { ignoreForbiddenWords: true, repMap: info.repMap, dictionaryInformation: info.dictionaryInformation });
      const words = lang === 'nl' ? typos.slice(0, 40) : ['recieve', 'adress', 'seperate', 'accomodate', 'maintainance', 'occured'];
      for (const w of words) expect(loadSpellingDictionary(lang).suggest(w, 5), `${lang} ${w}`).toEqual(reference.suggest(w, { numSuggestions: 5, numChanges: 2, ignoreCase: false, includeTies: false }).map((x) => ({ word: x.word, cost: x.cost })));
    }
  });

  it('finds the shipped folder from the core layout, and names every place it looked when it cannot', () => {
    expect(spellingFolders().some((d) => d.replace(/\\/g, '/').endsWith('packages/core/spelling/') || d.replace(/\\/g, '/').endsWith('packages/core/spelling'))).toBe(true);
    expect(findSpellingFolder()).toMatch(/spelling[\\/]?$/);
    expect(() => findSpellingFolder(['/nergens/a', '/nergens/b'])).toThrow('de woordenlijsten voor de spellingcontrole zijn niet gevonden (gezocht in /nergens/a, /nergens/b)');
  });
});

describe('unknownWords (huurbrief spelling --unknown)', () => {
  it('lists the unknown words with their place, without names, codes or placeholders', () => {
    const text = letter('Uw huurrachterstand bij Feenstra is betaald. Zie {{kenmerk}} en DL/2026/0412. De WoonWijzerApp en de huurrachterstand.');
    const found = unknownWords(text);
    expect(found.map((w) => `${w.line}:${w.column} ${w.word}`), JSON.stringify(found)).toEqual(['3:4 huurrachterstand', '3:102 huurrachterstand']);
    expect(found[0]!.lang).toBe('nl');
  });

  it('takes the config into account', () => {
    const config = resolveConfig([{ file: '<test>', config: { woorden: { negeren: ['huurrachterstand'] } } }], allRules);
    expect(unknownWords('Uw huurrachterstand.', { config })).toEqual([]);
  });
});
