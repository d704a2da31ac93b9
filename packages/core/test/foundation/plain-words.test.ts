import { describe, expect, it } from 'vitest';
import { lintForEval } from '../../src/judgement/evaluate.js';
import { plainWords } from '../../src/rules/readability/plain-words.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(plainWords, {
  valid: [
    'Als u vragen heeft, bel ons gerust.',
    'Wij hebben uw verzoek om een dakkapel ontvangen.',
    'Het onderhoud aan uw woning begint op 4 maart. De servicekosten en de huurtoeslag blijven gelijk.',
    'Wij dienen als aanspreekpunt voor de bewonerscommissie.',
    'Wij wensen u een fijne zomer.',
    { text: 'Indien u vragen heeft, bel ons.', config: { woorden: { negeren: ['indien'] } }, name: 'woorden.negeren' },
    'Beste {{indien}}, de monteur komt dinsdag.',
    // "dan wel" as "then ... (indeed)", not as officialese "or".
    'Wilt u liever geen isolatie? Laat het ons dan wel vóór 1 augustus weten.',
    'Je kunt je opnieuw inschrijven; je wachttijd begint dan wel weer bij nul.',
  ],
  invalid: [
    {
      name: 'middels without the stock phrase it yields to',
      text: 'Middels een brief van de gemeente hoort u meer.',
      errors: [{ column: 1, actual: 'Middels' }],
    },
    {
      name: 'middels when stock-phrases is off (as in this tester): plain-words reports it after all',
      text: 'Middels dit schrijven informeren wij u over de werkzaamheden.',
      errors: [{ column: 1, actual: 'Middels' }],
    },
    {
      name: 'dan wel after a comma is the officialese "or", also after a verb',
      text: 'Wilt u zorgen dat u thuis bent, dan wel de sleutel bij de buren afgeven?',
      errors: [{ column: 33, actual: 'dan wel' }],
    },
    {
      name: 'dan wel between two alternatives',
      text: 'U kunt schriftelijk dan wel telefonisch reageren.',
      errors: [{ column: 21, actual: 'dan wel', expected: ['of'] }],
    },
    {
      text: 'Indien u vragen heeft, kunt u ons bellen.',
      errors: [{ line: 1, column: 1, endColumn: 7, message: 'Schrijf "Als" in plaats van "Indien".', actual: 'Indien', expected: ['Als'] }],
      output: 'Als u vragen heeft, kunt u ons bellen.',
    },
    {
      name: 'dienen ... te: the fix drops "te" and joins the separable verb',
      text: 'U dient de meterstand door te geven.',
      errors: [{ line: 1, column: 3, actual: 'dient', expected: ['moet'] }],
      output: 'U moet de meterstand doorgeven.',
    },
    {
      text: 'Huurders dienen de huur vóór de eerste van de maand te betalen.',
      errors: [{ column: 10, expected: ['moeten'] }],
      output: 'Huurders moeten de huur vóór de eerste van de maand betalen.',
    },
    {
      name: '"te allen tijde" is not the infinitive\'s "te"',
      text: 'U dient zich te allen tijde te houden aan de huisregels.',
      errors: [{ column: 3, expected: ['moet'] }, { column: 14, actual: 'te allen tijde', expected: ['altijd'] }],
      output: 'U moet zich te allen tijde houden aan de huisregels.', // one pass: the overlapping fix follows in the next
    },
    {
      text: 'Wenst u te verhuizen? Bel ons.',
      errors: [{ column: 1, expected: ['Wilt'] }],
      output: 'Wilt u verhuizen? Bel ons.',
    },
    {
      name: 'multi-word phrase; a phrase in capitals keeps its suggestion but is never fixed',
      text: 'TEN BEHOEVE VAN de renovatie sluiten wij het water af. Wij komen thans langs.',
      errors: [
        { column: 1, actual: 'TEN BEHOEVE VAN', expected: ['VOOR'] },
        { column: 66, actual: 'thans', expected: ['nu'] },
      ],
      output: 'TEN BEHOEVE VAN de renovatie sluiten wij het water af. Wij komen nu langs.',
    },
    {
      name: 'the reported bug: "verzocht ... te voldoen" keeps its "te"',
      text: 'U wordt verzocht de huur binnen acht dagen te voldoen.',
      errors: [{ actual: 'verzocht', expected: ['gevraagd'] }],
      output: 'U wordt gevraagd de huur binnen acht dagen te voldoen.',
    },
    {
      name: '"echter" in the middle: a suggestion, no fix ("maar" needs another word order)',
      text: 'De kosten zijn echter hoger dan verwacht.',
      errors: [{ actual: 'echter', expected: ['maar'] }],
      output: 'De kosten zijn echter hoger dan verwacht.',
    },
    {
      name: '"Echter," at the start becomes "Maar" without the comma',
      text: 'Echter, de kosten zijn hoger dan verwacht.',
      errors: [{ actual: 'Echter', expected: ['Maar'] }],
      output: 'Maar de kosten zijn hoger dan verwacht.',
    },
    {
      name: '"aanvullend" as a sentence adverb: no fix; before a noun: fixed',
      text: 'Aanvullend namen wij contact op met de verhuurder. Wij doen een aanvullend onderzoek.',
      errors: [{ actual: 'Aanvullend', expected: ['Extra'] }, { actual: 'aanvullend', expected: ['extra'] }],
      output: 'Aanvullend namen wij contact op met de verhuurder. Wij doen een extra onderzoek.',
    },
    {
      name: 'several suggestions: reported, not fixed',
      text: 'Wij sturen de folder middels de post.',
      errors: [{ message: 'Schrijf liever "met" of "door" in plaats van "middels".', expected: ['met', 'door'] }],
      output: 'Wij sturen de folder middels de post.',
    },
  ],
});

describe('plain-words yields to a rule that reports the same words better (wijktVoor)', () => {
  const rules = (text: string) => lintForEval(text).map((m) => `${m.ruleId}:${m.actual}`);
  it('one finding for a stock phrase or a threat, from that rule', () => {
    expect(rules('Middels dit schrijven informeren wij u over de werkzaamheden.')).toEqual(['stock-phrases:Middels dit schrijven']);
    const threat = rules('Betaalt u niet vóór 1 mei, dan zullen wij juridische stappen ondernemen.');
    expect(threat.some((r) => r.startsWith('threatening:'))).toBe(true);
    expect(threat.filter((r) => r.startsWith('plain-words'))).toEqual([]);
  });
  it('yields in the whole sentence of the formula: "Bijgaand treft u ... aan"', () => {
    expect(rules('Bijgaand treft u het overzicht van de servicekosten aan.').filter((r) => r.startsWith('plain-words'))).toEqual([]);
    expect(rules('Bijgaand overzicht laat zien wat u betaalt.')).toContain('plain-words:Bijgaand');
  });
  it('still reports the word where no other rule does', () => {
    expect(rules('Middels een brief van de gemeente hoort u meer.')).toEqual(['plain-words:Middels']);
  });
  it('follows what the other rule really reports, with its own filters', () => {
    // The policy shield reports "Op grond van ons beleid" only where the sentence says no; there
    // plain-words leaves the words to it, and elsewhere it reports them itself.
    const no = rules('Op grond van ons beleid kunnen wij u geen tweede berging geven.');
    expect(no.some((r) => r.startsWith('policy-shield'))).toBe(true);
    expect(no.filter((r) => r.startsWith('plain-words'))).toEqual([]);
    const neutral = rules('Op grond van de nieuwe wet gaat uw huur omlaag.');
    expect(neutral.filter((r) => r.startsWith('policy-shield'))).toEqual([]);
    expect(neutral).toContain('plain-words:Op grond van');
  });
  it('a word is not reported next to the words of `nietMet`', () => {
    expect(rules('Wij betreuren het dat u zich genoodzaakt voelde een klacht in te dienen.').filter((r) => r.startsWith('plain-words'))).toEqual([]);
    expect(rules('Wij zijn genoodzaakt de afspraak te verzetten, want de monteur is ziek.')).toContain('plain-words:genoodzaakt');
  });
});
