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

describe('no rule reports inside a control comment', () => {
  it('even right after a refusal or a demand (the "!" of "<!--")', () => {
    const text = [
      'Beste mevrouw Jansen,',
      '',
      '<!-- huurbrief-disable refusal -- wettelijk verplicht -->',
      'Uw aanvraag wordt niet in behandeling genomen.',
      '<!-- huurbrief-enable refusal -->',
      'U moet de sleutels vrijdag inleveren.',
      '<!-- huurbrief-ignore sentence-length -- citaat -->',
      'Middels dit schrijven delen wij u mede dat HET NIET MOGELIJK IS!',
      '',
      'Met vriendelijke groet,',
      '',
      'Sanne de Vries',
    ].join('\n');
    const strict = resolveConfig([{ file: '<t>', config: { extends: ['huurbrief:strict'] } }], allRules);
    const messages = lintText(text, { config: strict }).messages;
    expect(messages.length).toBeGreaterThan(0);
    const comments = [...text.matchAll(/<!--[\s\S]*?-->/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
    const inside = messages.filter((m) => m.ruleId !== 'disable-without-reason' && m.ruleId !== 'unused-disable' && comments.some(([s, e]) => m.offset >= s && m.offset < e));
    expect(inside.map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual([]);
    const fixes = messages.flatMap((m) => (m.fix ? [m.fix.range] : []));
    expect(fixes.filter(([s, e]) => comments.some(([cs, ce]) => s < ce && e > cs))).toEqual([]);
  });
});
