import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText, resolveConfig, allRules } from '../../src/index.js';
import { enPassive, enReadability, enSimplify } from '../../src/rules/readability/english.js';
import { ruleTester } from '../rule-tester.js';

const letter = readFileSync(new URL('../../../../fixtures/english/maintenance-notice.md', import.meta.url), 'utf8');

describe('English letters', () => {
  const result = lintText(letter);
  const ids = (id: string) => result.messages.filter((m) => m.ruleId === id);

  it('are recognised from the front matter', () => expect(result.language).toBe('en'));

  it('get the retext checks, mapped to our rule ids and categories', () => {
    const hard = ids('en-readability');
    expect(hard).toHaveLength(1);
    expect(hard[0]).toMatchObject({ line: 11, column: 1, category: 'readability' });
    const simplify = ids('en-simplify');
    expect(simplify.map((m) => [m.actual, m.expected, m.category])).toEqual(
      expect.arrayContaining([
        ['utilize', ['use'], 'plain-language'],
        ['submit', ['give', 'send'], 'plain-language'],
        ['prior to', ['before'], 'plain-language'],
      ]),
    );
    expect(simplify.find((m) => m.actual === 'utilize')!.message).toBe('Eenvoudiger Engels: gebruik "use" in plaats van "utilize".');
    const passive = ids('en-passive');
    expect(passive.map((m) => m.actual)).toEqual(['was chosen', 'be taken']);
    expect(passive[0]!.message).toBe('Lijdende vorm in het Engels: "was chosen". Zeg wie het doet.');
  });

  it('do not get the Dutch rules', () => {
    for (const id of ['passive-voice', 'long-words', 'abbreviations', 'nominalization', 'hard-sentence', 'letter-readability', 'plain-words']) {
      expect(ids(id), id).toEqual([]);
    }
  });

  it('have metrics with an English formula instead of the Dutch ones', () => {
    expect(result.metrics.fleschDouma).toBeNull();
    expect(result.metrics.brouwer).toBeNull();
    expect(typeof result.metrics['fleschReadingEase']).toBe('number');
    expect(result.metrics.sentences).toBe(4);
    expect(result.metrics.levelReasons.join(' ')).toContain('Flesch Reading Ease');
  });

  it('follow the config language when the front matter says nothing', () => {
    const config = resolveConfig([{ file: '<test>', config: { lang: 'en' } }], allRules);
    const r = lintText('We will send you the form. Please utilize it.', { config });
    expect(r.messages.some((m) => m.ruleId === 'en-simplify')).toBe(true);
  });
});

ruleTester(enReadability, { valid: [], invalid: [] });
ruleTester(enSimplify, {
  valid: ['---\nlang: en\n---\nPlease use the form.', { name: 'not in Dutch letters', text: 'Please utilize the form.' }],
  invalid: [
    { text: '---\nlang: en\n---\nPlease utilize the form.', errors: [{ line: 4, column: 8, expected: ['use'] }] },
    // retext-simplify's "remove" is advice to drop the word, not a word to write.
    { text: '---\nlang: en\n---\nThe aforementioned repair starts on Monday.', errors: [{ line: 4, column: 5, message: 'Eenvoudiger Engels: laat "aforementioned" weg.', expected: [] }] },
  ],
});
ruleTester(enPassive, {
  valid: ['---\nlang: en\n---\nWe will replace your boiler.'],
  invalid: [{ text: '---\nlang: en\n---\nYour boiler was broken yesterday.', errors: [{ line: 4, column: 13, actual: 'was broken' }] }],
});
