// No readability rule reports text inside placeholders, code, URLs or e-mail addresses.
import { describe, expect, it } from 'vitest';
import { allRules, lintText, resolveConfig } from '../../src/index.js';
import { readabilityRules } from '../../src/rules/readability/index.js';

const ids = readabilityRules.map((r) => r.meta.id);

function lintAll(text: string) {
  // Every readability rule on, at its strictest.
  const rules = Object.fromEntries(readabilityRules.map((r) => [r.meta.id, 'error']));
  const config = resolveConfig([{ file: '<test>', config: { extends: ['huurbrief:strict'], rules } }], allRules);
  return lintText(text, { config }).messages.filter((m) => ids.includes(m.ruleId));
}

// Each hard word below appears only inside something opaque.
const cases: [string, string, string][] = [
  ['placeholder', 'Beste {{indien_middels_onderhoudswerkzaamheden}}, wij komen langs.', '{{indien_middels_onderhoudswerkzaamheden}}'],
  ['merge field', 'Beste «Indien Middels i.v.m. Onderhoudswerkzaamheden», wij komen langs.', '«Indien Middels i.v.m. Onderhoudswerkzaamheden»'],
  ['inline code', 'Typ `indien middels i.v.m. onderhoudswerkzaamheden` in het veld.', '`indien middels i.v.m. onderhoudswerkzaamheden`'],
  ['code block', 'Kijk hieronder.\n\n```\nindien middels i.v.m. onderhoudswerkzaamheden wordt vervangen\n```\n', '```\nindien middels i.v.m. onderhoudswerkzaamheden wordt vervangen\n```'],
  ['URL', 'Kijk op https://www.woonstad.nl/indien/middels/onderhoudswerkzaamheden-i.v.m.-dienen voor meer.', 'https://www.woonstad.nl/indien/middels/onderhoudswerkzaamheden-i.v.m.-dienen'],
  ['link URL', 'Kijk op [onze site](https://woonstad.nl/indien-middels-onderhoudswerkzaamheden) voor meer.', 'https://woonstad.nl/indien-middels-onderhoudswerkzaamheden'],
  ['e-mail', 'Mail naar indien.middels.onderhoudswerkzaamheden@woonstad.nl als u vragen heeft.', 'indien.middels.onderhoudswerkzaamheden@woonstad.nl'],
];

describe('readability rules and opaque text', () => {
  for (const [what, text, opaque] of cases) {
    it(`report nothing inside a ${what}`, () => {
      const start = text.indexOf(opaque);
      const end = start + opaque.length;
      const inside = lintAll(text).filter((m) => m.offset < end && m.endOffset > start && !(m.offset <= start && m.endOffset >= end));
      expect(inside.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
    });
  }

  it('still report the same words outside opaque text', () => {
    const found = new Set(lintAll('Indien u vragen heeft i.v.m. de onderhoudswerkzaamheden, wordt u gebeld.').map((m) => m.ruleId));
    expect([...found]).toEqual(expect.arrayContaining(['abbreviations', 'long-words', 'passive-voice', 'plain-words']));
  });
});
