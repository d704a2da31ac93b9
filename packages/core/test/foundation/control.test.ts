import { describe, expect, it } from 'vitest';
import { allRules, lintText, resolveConfig } from '../../src/index.js';

const config = resolveConfig([{ file: '<t>', config: { extends: [], rules: { 'plain-words': 'warn', 'inline-config': 'warn', 'disable-without-reason': 'info', 'unused-disable': 'info' } } }], allRules);
const lint = (text: string) => lintText(text, { config }).messages.map((m) => `${m.line}:${m.column} ${m.ruleId}${m.actual ? ` ${m.actual}` : ''}`);

describe('inline control comments', () => {
  it('disables until enabled again, with a reason', () => {
    const text = [
      'Indien u vragen heeft, bel ons.',
      '',
      '<!-- huurbrief-disable plain-words -- letterlijk uit de huurovereenkomst -->',
      '',
      'Indien de huurder dit wenst, geschiedt de betaling middels incasso.',
      '',
      '<!-- huurbrief-enable plain-words -->',
      '',
      'Wij komen thans langs.',
    ].join('\n');
    expect(lint(text)).toEqual(['1:1 plain-words Indien', '9:11 plain-words thans']);
  });

  it('ignores only the next block', () => {
    const text = '<!-- huurbrief-ignore plain-words -- vaste juridische tekst -->\nIndien u niet betaalt, volgt een aanmaning.\n\nIndien u vragen heeft, bel ons.\n';
    expect(lint(text)).toEqual(['4:1 plain-words Indien']);
  });

  it('disables every rule when no id is given', () => {
    const text = '<!-- huurbrief-disable -- citaat uit de wet -->\n\nIndien u huurt, geschiedt dit middels een contract.\n';
    expect(lint(text)).toEqual([]);
  });

  it('reports an unknown rule id, a missing reason and an unused disable', () => {
    const text = '<!-- huurbrief-disable plain-wods -->\n\nAls u vragen heeft, bel ons.\n';
    expect(lint(text)).toEqual(['1:1 disable-without-reason', '1:24 inline-config plain-wods']);
    expect(lint('<!-- huurbrief-disable plain-words -- oude tekst -->\n\nAls u vragen heeft, bel ons.\n')).toEqual(['1:1 unused-disable']);
    const [unknown] = lintText(text, { config }).messages.filter((m) => m.ruleId === 'inline-config');
    expect(unknown!.message).toBe('Onbekende regel "plain-wods" in huurbrief-commentaar (bedoelt u "plain-words"?).');
  });

  it('does not report a disable that suppressed a finding', () => {
    const text = '<!-- huurbrief-ignore plain-words -- vaste tekst uit de huurovereenkomst -->\nIndien u verhuist, meld het ons.\n';
    expect(lint(text)).toEqual([]);
  });
});
