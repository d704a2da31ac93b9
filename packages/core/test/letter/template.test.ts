import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/types.js';
import { expandBranches, lintRendered, lintText, renderTemplate, resolveConfig, allRules, scanPlaceholders, maskPlaceholders } from '../../src/index.js';

const letter = `---
onderwerp: Uw aanvraag voor een dakkapel
variabelen: [huurder.naam, toegestaan, datum]
---

Beste {{huurder.naam}},

U vroeg ons om een dakkapel op uw woning.
{{#if toegestaan}}
Dat mag. Een aannemer komt op {{datum}} kijken.
{{else}}
Wij geven geen toestemming voor een dakkapel.
{{/if}}

Met vriendelijke groet,

Jan de Vries  
010 123 45 67
`;

describe('expandBranches', () => {
  it('gives one variant per branch, tags and their lines removed, mapped back', () => {
    const variants = expandBranches(letter);
    expect(variants.map((v) => v.label)).toEqual(['met de eerste tak van elke voorwaarde', 'met de {{else}}-tak van {{#if toegestaan}} (regel 9)']);
    const [yes, no] = variants;
    expect(yes!.text).toContain('U vroeg ons om een dakkapel op uw woning.\nDat mag. Een aannemer komt op {{datum}} kijken.\n\nMet');
    expect(no!.text).toContain('U vroeg ons om een dakkapel op uw woning.\nWij geven geen toestemming voor een dakkapel.\n\nMet');
    expect(no!.text).not.toMatch(/\{\{[#\/]|\{\{else/);
    const at = no!.text.indexOf('toestemming');
    expect(letter.slice(no!.map.toSource(at), no!.map.toSourceEnd(at + 'toestemming'.length))).toBe('toestemming');
  });

  it('covers nested else branches with their enclosing branch', () => {
    const t = 'A {{#if a}}B {{#if b}}C{{else}}D{{/if}}{{else}}E{{/if}} F';
    const texts = expandBranches(t).map((v) => v.text);
    expect(texts).toEqual(['A B C F', 'A E F', 'A B D F']);
    expect(expandBranches('A {{#if a}}B{{/if}} C').map((v) => v.text)).toEqual(['A B C', 'A  C']);
  });

  it('is linear in the number of sections and capped', () => {
    const t = Array.from({ length: 30 }, (_, i) => `{{#if x${i}}}ja{{else}}nee{{/if}}`).join(' ');
    expect(expandBranches(t).length).toBe(12);
  });
});

describe('section tags are not words', () => {
  it('keeps words next to inline tags', () => {
    const t = 'Beste {{naam}},\n\nOp {{datum}} komt de monteur. {{#if hond}}Wilt u uw hond binnen houden?{{else}}Fijn.{{/if}}\n';
    const { placeholders } = scanPlaceholders(t);
    const masked = maskPlaceholders(t, placeholders);
    expect(masked).toContain('\u00a0Wilt u uw hond binnen houden?\u00a0');
    expect(masked).toContain('xxxxxxxxx komt');
  });
});

describe('renderTemplate', () => {
  it('fills values and takes branches from the data', () => {
    const r = renderTemplate(letter, { huurder: { naam: 'mevrouw Jansen' }, toegestaan: true, datum: '12 maart' });
    expect(r.problems).toEqual([]);
    expect(r.text).toContain('Beste mevrouw Jansen,\n\nU vroeg ons om een dakkapel op uw woning.\nDat mag. Een aannemer komt op 12 maart kijken.\n\nMet');
    const at = r.text.indexOf('12 maart');
    expect(letter.slice(r.map.toSource(at), r.map.toSourceEnd(at + 8))).toBe('{{datum}}');
  });

  it('names missing data, but only what is rendered', () => {
    const r = renderTemplate(letter, { huurder: { naam: 'mevrouw Jansen' }, toegestaan: false });
    expect(r.problems).toEqual([]);
    const missing = renderTemplate(letter, { huurder: {}, toegestaan: true });
    expect(missing.problems.map((p) => [p.reason, p.name])).toEqual([
      ['missing', 'huurder.naam'],
      ['missing', 'datum'],
    ]);
  });

  it('repeats each, mail-merge fields ignore case, custom delimiters', () => {
    const t = 'Beste «Naam»,\n\n{{#each reparaties}}\n- {{omschrijving}} op {{../datum}}\n{{else}}\nGeen reparaties.\n{{/each}}\nUw nummer: %huurnummer%\n';
    const r = renderTemplate(t, { naam: 'Piet', datum: '3 april', huurnummer: 'H-12', reparaties: [{ omschrijving: 'kraan' }, { omschrijving: 'deur' }] }, { delimiters: [['%', '%']] });
    expect(r.problems).toEqual([]);
    expect(r.text).toBe('Beste Piet,\n\n- kraan op 3 april\n- deur op 3 april\nUw nummer: H-12\n');
    expect(renderTemplate(t, { naam: 'Piet', huurnummer: 1, reparaties: [] }, { delimiters: [['%', '%']] }).text).toContain('Geen reparaties.');
  });

  it('refuses objects as text', () => {
    const r = renderTemplate('Beste {{huurder}},\n', { huurder: { naam: 'Piet' } });
    expect(r.problems[0]!.reason).toBe('not-text');
  });
});

describe('branches are linted as letters', () => {
  const strict = resolveConfig([{ file: '<test>', config: { extends: ['huurbrief:strict'] } }], allRules);

  it('a finding that exists in one branch only says which', () => {
    const t = letter.replace('Jan de Vries  \n010 123 45 67\n', '{{#if toegestaan}}\nJan de Vries  \n010 123 45 67\n{{else}}\nAfdeling Verhuur\n{{/if}}\n');
    const found = lintText(t, { config: strict }).messages.filter((m) => m.ruleId === 'named-contact');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.note?.includes('{{else}}') || m.note?.includes('laatste tak'))).toBe(true);
    // and it points into the else branch of the template
    expect(t.slice(found[0]!.offset, found[0]!.endOffset)).toContain('Afdeling Verhuur');
  });

  it('does not mistake the branches for two greetings', () => {
    const t = '# Onderhoud aan uw cv-ketel\n\n{{#if naam}}\nBeste {{naam}},\n{{else}}\nBeste mevrouw Jansen,\n{{/if}}\n\nOp dinsdag 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nJan de Vries  \n010 123 45 67\n';
    const found = lintText(t, { config: strict }).messages.filter((m) => m.category === 'structure');
    expect(found.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
  });

  it('template findings come from the template itself, once', () => {
    const t = '---\nvariabelen: [naam, hond]\n---\n\n{{#if hond}}\nBeste {{nam}},\n{{else}}\nBeste {{nam}},\n{{/if}}\n';
    const found = lintText(t, { config: strict }).messages.filter((m) => m.ruleId === 'unknown-placeholder');
    expect(found.map((m) => m.line)).toEqual([6, 8]);
  });
});

describe('lintRendered', () => {
  it('lints the filled-in letter and points into the template', () => {
    const t = '# Onderhoud aan uw cv-ketel\n\nBeste {{naam}},\n\nWij verzoeken u het bedrag binnen {{termijn}} over te maken.\n\nMet vriendelijke groet,\n\nJan de Vries  \n010 123 45 67\n';
    const r = lintRendered(t, { naam: 'mevrouw Jansen', termijn: '8 dagen na dagtekening' });
    const f = r.result.messages.find((m) => m.ruleId === 'action-and-deadline');
    expect(f).toBeDefined();
    expect(f!.line).toBe(5);
    expect(t.slice(f!.offset, f!.endOffset)).toBe('binnen {{termijn}}');
  });

  it('drops privacy findings that come from the data', () => {
    const t = '# Uw teruggave\n\nBeste {{naam}},\n\nWij storten € 40 op {{iban}} vóór 1 mei.\n\nMet vriendelijke groet,\n\nJan de Vries  \n010 123 45 67\n';
    const r = lintRendered(t, { naam: 'mevrouw Jansen', iban: 'NL20 INGB 0001 2345 67' });
    expect(r.text).toContain('NL20 INGB 0001 2345 67');
    expect(r.result.messages.filter((m) => m.category === 'privacy')).toEqual([]);
  });
});

describe('parseTemplateData', () => {
  it('points at the place of a JSON or YAML error', async () => {
    const { parseTemplateData } = await import('../../src/index.js');
    const bad = '{\n  "naam": "mevrouw Jansen",\n  "termijn": \n}\n';
    expect(parseTemplateData(bad, 'json').error!.offset).toBe(bad.indexOf('}'));
    expect(parseTemplateData('naam: [mevrouw Jansen\n', 'yaml').error!.message).toMatch(/^ongeldige YAML/);
    expect(parseTemplateData('- een\n- twee\n', 'yaml').error!.message).toMatch(/namen met waarden/);
    expect(parseTemplateData('\uFEFF{"naam": "Piet"}', 'json').data).toEqual({ naam: 'Piet' });
  });
});

describe('a refusal in the else branch needs its own alternative', () => {
  // A stand-in for the no-phrasing rule: a refusal needs "wel" somewhere in the same letter.
  const refusal: Rule = {
    meta: {
      id: 'test-refusal', category: 'no-phrasing', defaultSeverity: 'error', description: 'test', rationale: 'test', presets: [], fixable: false,
      messages: { alone: 'Afwijzing zonder alternatief.' }, examples: { valid: [], invalid: [] },
    },
    check({ doc, report }) {
      const offersSomething = doc.sentences.some((s) => s.words.some((w) => w.lower === 'wel'));
      for (const s of doc.sentences) if (/niet mogelijk/.test(s.text) && !offersSomething) report({ messageId: 'alone', start: s.start, end: s.end });
    },
  };
  const rules = [...allRules, refusal];
  const config = resolveConfig([{ file: '<test>', config: { extends: [], rules: { 'test-refusal': 'error' } } }], rules);
  const t = 'Beste {{naam}},\n\n{{#if parkeerplaats}}\nEen eigen parkeerplaats is niet mogelijk, maar u kunt wel op de wachtlijst.\n{{else}}\nEen eigen parkeerplaats is niet mogelijk.\n{{/if}}\n';

  it('is found in the else branch, although the template as a whole has an alternative', () => {
    const found = lintText(t, { config, rules }).messages.filter((m) => m.ruleId === 'test-refusal');
    expect(found.map((m) => [m.line, m.column])).toEqual([[6, 1]]);
    expect(found[0]!.note).toBe('Dit geldt voor de brief met de {{else}}-tak van {{#if parkeerplaats}} (regel 3).');
  });

  it('is not found when both branches offer something', () => {
    const ok = t.replace('niet mogelijk.\n{{/if}}', 'niet mogelijk. U kunt wel een vergunning aanvragen.\n{{/if}}');
    expect(lintText(ok, { config, rules }).messages.filter((m) => m.ruleId === 'test-refusal')).toEqual([]);
  });
});
