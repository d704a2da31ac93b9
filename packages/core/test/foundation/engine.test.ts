import { describe, expect, it } from 'vitest';
import { buildDocument, lintText, resolveConfig, allRules } from '../../src/index.js';

const only = (ids: Record<string, unknown>) => resolveConfig([{ file: '<test>', config: { extends: [], rules: ids } }], allRules);
const plain = only({ 'plain-words': 'warn' });

describe('positions point exactly into the Markdown source', () => {
  it('in a list item, a heading, emphasis and a link', () => {
    const text = [
      '# Indien nodig',
      '',
      '- Bel ons *indien* u vragen heeft.',
      '- Lees [de regels die reeds gelden](https://woonstad.nl/regels).',
      '',
      '> Wij komen **thans** langs.',
    ].join('\n');
    const found = lintText(text, { config: plain }).messages.map((m) => [m.actual, m.line, m.column, m.endLine, m.endColumn]);
    expect(found).toEqual([
      ['Indien', 1, 3, 1, 9],
      ['indien', 3, 12, 3, 18],
      ['reeds', 4, 23, 4, 28],
      ['thans', 6, 15, 6, 20],
    ]);
  });

  it('with CRLF line endings', () => {
    const text = '# Onderwerp\r\n\r\nBeste mevrouw Jansen,\r\n\r\nIndien u vragen heeft,\r\nbel ons. Wij zijn reeds open.\r\n';
    const m = lintText(text, { config: plain }).messages;
    expect(m.map((x) => [x.actual, x.line, x.column, x.offset])).toEqual([
      ['Indien', 5, 1, text.indexOf('Indien')],
      ['reeds', 6, 19, text.indexOf('reeds')],
    ]);
  });

  it('offsets match the source text exactly', () => {
    const text = '---\nonderwerp: Test\n---\n\nBeste {{ naam }},\n\nWij sturen u *tevens* een folder.\n';
    const [m] = lintText(text, { config: plain }).messages;
    expect(text.slice(m!.offset, m!.endOffset)).toBe('tevens');
  });
});

describe('placeholders are one opaque word', () => {
  it('is never reported inside and counts as one word', () => {
    const text = 'Beste {{ indien_reeds }},\n\nU krijgt «Indien» en {{#if tevens}}een brief{{/if}}.\n';
    const built = buildDocument(text, { lang: 'nl', delimiters: [] });
    const words = built.doc.sentences.flatMap((s) => s.words.map((w) => `${w.kind}:${w.text}`));
    expect(words).toEqual(['word:Beste', 'placeholder:{{ indien_reeds }}', 'word:U', 'word:krijgt', 'placeholder:«Indien»', 'word:en', 'word:een', 'word:brief']);
    expect(lintText(text, { config: plain }).messages).toEqual([]);
  });

  it('keeps underscores in placeholders from becoming emphasis', () => {
    const text = 'Beste {{huurder_naam}} en {{huurder_partner}},\n';
    const built = buildDocument(text, { lang: 'nl', delimiters: [] });
    expect(built.doc.placeholders.map((p) => p.name)).toEqual(['huurder_naam', 'huurder_partner']);
    expect(built.doc.sentences[0]!.words.filter((w) => w.kind === 'placeholder')).toHaveLength(2);
  });

  it('supports custom delimiters without eating Markdown links', () => {
    const text = 'Beste [naam], lees [onze folder](https://woonstad.nl) en bel %telefoon%.\n';
    const built = buildDocument(text, { lang: 'nl', delimiters: [['[', ']'], ['%', '%']] });
    expect(built.doc.placeholders.map((p) => p.raw)).toEqual(['[naam]', '%telefoon%']);
  });
});

describe('special tokens', () => {
  it('treats amounts, dates, times, phone numbers, e-mail and URLs as single words', () => {
    const text = 'U betaalt € 1.412,50 vóór 12-03-2025 om 9.30 uur. Bel 010-2345678 of mail info@woonstad.nl of kijk op www.woonstad.nl/hulp.\n';
    const built = buildDocument(text, { lang: 'nl', delimiters: [] });
    const kinds = built.doc.sentences.flatMap((s) => s.words.filter((w) => w.kind !== 'word').map((w) => `${w.kind}:${w.text}`));
    expect(kinds).toEqual(['amount:€ 1.412,50', 'date:12-03-2025', 'time:9.30 uur', 'phone:010-2345678', 'email:info@woonstad.nl', 'url:www.woonstad.nl/hulp']);
  });
});

describe('letter structure', () => {
  it('finds greeting, closing and signature blocks', () => {
    const text = '# Onderwerp\n\nBeste mevrouw Jansen,\n\nDe monteur komt dinsdag.\n\nMet vriendelijke groet,\n\nSanne de Vries\nWoonconsulent\n010-2345678\n';
    const { doc } = buildDocument(text, { lang: 'nl', delimiters: [] });
    expect(doc.blocks.map((b) => b.role)).toEqual(['heading', 'greeting', 'body', 'closing', 'signature']);
  });

  it('parses front matter as data, not text', () => {
    const text = '---\nonderwerp: Indien nodig\nvariabelen: [naam]\n---\n\nBeste {{naam}},\n';
    const { doc } = buildDocument(text, { lang: 'nl', delimiters: [] });
    expect(doc.frontMatter?.data).toEqual({ onderwerp: 'Indien nodig', variabelen: ['naam'] });
    expect(lintText(text, { config: plain }).messages).toEqual([]);
  });

  it('reports broken front matter as a finding with a place', () => {
    const text = '---\nonderwerp: [Onderhoud\ntype: brief\n---\n\nBeste mevrouw Jansen,\n';
    const messages = lintText(text).messages.filter((m) => m.ruleId === 'front-matter');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe('error');
    expect(messages[0]!.line).toBeGreaterThanOrEqual(2);
    expect(messages[0]!.message).toMatch(/ongeldige YAML/);
  });

  it('switches to English with lang: en in front matter', () => {
    const text = '---\nlang: en\n---\n\nDear Mr Smith,\n\nIndien is not an English word.\n';
    const r = lintText(text, { config: plain });
    expect(r.language).toBe('en');
  });
});

describe('a rule that throws', () => {
  it('becomes one finding instead of crashing the run', () => {
    const broken = {
      meta: { ...allRules[0]!.meta, id: 'broken-rule', examples: { valid: [], invalid: [] } },
      check() {
        throw new Error('kapot');
      },
    };
    const config = resolveConfig([{ file: '<t>', config: { extends: [] } }], [...allRules, broken]);
    config.rules['broken-rule'] = { severity: 'warning', options: {} };
    const r = lintText('Beste mevrouw Jansen,\n', { config, rules: [...allRules, broken] });
    expect(r.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([['broken-rule', 'error', 'Regel broken-rule faalde: kapot']]);
  });
});
