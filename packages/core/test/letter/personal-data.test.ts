import { describe, expect, it } from 'vitest';
import { ruleTester } from '../rule-tester.js';
import { maskValue, normalisePhone, passesElfproef, passesIbanCheck, personalData } from '../../src/rules/letter/personal-data.js';

describe('checks', () => {
  it('11-proef', () => {
    // 9×1 + 8×1 + 7×1 + 6×2 + 5×2 + 4×2 + 3×3 + 2×3 − 3 = 66 = 6 × 11
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });
  it('mod-97', () => {
    expect(passesIbanCheck('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(passesIbanCheck('NL91ABNA0417164301')).toBe(false);
    expect(passesIbanCheck('GB82 WEST 1234 5698 7654 32')).toBe(true);
  });
  it('masks and normalises', () => {
    expect(maskValue('111222333')).toBe('1112*****');
    expect(normalisePhone('+31 (0)6 1234 5678')).toBe('0612345678');
    expect(normalisePhone('010-123 45 67')).toBe('0101234567');
  });
});

const org = { organisatie: { iban: ['NL91ABNA0417164300'], telefoon: ['010 123 45 67'], domeinen: ['woonstad.nl'] } };

ruleTester(personalData, {
  valid: [
    'Beste {{naam}},\n\nUw BSN is {{bsn}}. Uw IBAN is «IBAN».\n',
    { name: 'own IBAN, phone and domain', text: 'Beste mevrouw Jansen,\n\nMaak het over naar NL91 ABNA 0417 1643 00. Bel 010-1234567 of mail naar info@woonstad.nl.\n', config: org },
    { name: 'nine digits failing the 11-proef', text: 'Beste mevrouw Jansen,\n\nUw huurnummer is 123456789.\n' },
    { name: 'amounts and dates are no BSN', text: 'Beste mevrouw Jansen,\n\nU betaalt € 123.456.789 minder. Dat is per 01-07-2025.\n' },
    { name: 'contact under the closing, nothing declared', text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nJan de Vries  \n06 12 34 56 78  \njan.devries@woonstad.nl\n' },
    { name: 'service numbers', text: 'Beste mevrouw Jansen,\n\nBel gratis 0800 1234567.\n' },
    { name: 'options can switch parts off', text: 'Beste mevrouw Jansen,\n\nUw BSN is 111222333.\n', options: { bsn: false } },
  ],
  invalid: [
    {
      text: 'Beste mevrouw Jansen,\n\nUw BSN is 111222333.\n',
      errors: [{ line: 3, column: 11, endColumn: 20, message: 'Hier staat een burgerservicenummer (1112*****). Zet er een invulveld voor in de plaats.' }],
    },
    { name: 'BSN written with dots', text: 'Beste mevrouw Jansen,\n\nBurgerservicenummer: 1112.22.333\n', errors: [{ message: /\(1112\*\*\*\*\*\)/ }] },
    {
      name: 'tenant IBAN',
      text: 'Beste mevrouw Jansen,\n\nWij storten het bedrag op GB82 WEST 1234 5698 7654 32.\n',
      config: org,
      errors: [{ line: 3, column: 27, message: 'Hier staat een IBAN (GB82******************) dat niet van uw organisatie is. Gebruik een invulveld, of zet het nummer in organisatie.iban als het van uw organisatie is.' }],
    },
    { name: 'date of birth', text: 'Beste mevrouw Jansen,\n\nMevrouw Jansen (geboren op 3 mei 1961) huurt de woning.\n', errors: [{ line: 3, column: 28, message: 'Hier staat een geboortedatum (* mei ****). Zet er een invulveld voor in de plaats.' }] },
    { name: 'geboortedatum label', text: 'Geboortedatum: 03-05-1961\n', errors: 1 },
    { name: 'mobile number in the body', text: 'Beste mevrouw Jansen,\n\nUw buurman is bereikbaar op 06-12345678.\n', errors: [{ message: 'Hier staat een telefoonnummer (0612******) dat niet van uw organisatie is. Gebruik een invulveld, of zet het nummer in organisatie.telefoon.' }] },
    { name: 'phone not declared as own', text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nJan de Vries  \n06 12 34 56 78\n', config: org, errors: 1 },
    { name: 'personal mail provider, even under the closing', text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nJan de Vries  \njandevries1970@gmail.com\n', errors: [{ message: /\(j\*{13}@gmail\.com\)/ }] },
    { name: 'foreign domain', text: 'Beste mevrouw Jansen,\n\nMail de buurman op p.bakker@bakkerbouw.nl.\n', config: org, errors: 1 },
  ],
});

it('never echoes the full number in any field', async () => {
  const { lintText, resolveConfig, allRules } = await import('../../src/index.js');
  const config = resolveConfig([{ file: '<test>', config: { extends: ['huurbrief:strict'] } }], allRules);
  const text = 'Beste mevrouw Jansen,\n\nUw BSN is 111222333 en uw IBAN is NL20 INGB 0001 2345 67, NL91 ABNA 0417 1643 00.\n';
  const found = lintText(text, { config }).messages.filter((m) => m.category === 'privacy');
  expect(found.length).toBeGreaterThan(0);
  for (const m of found) {
    const serialised = JSON.stringify(m);
    expect(serialised).not.toContain('111222333');
    expect(serialised).not.toContain('0417164300');
    expect(serialised).not.toContain('0417 1643 00');
  }
});
