// Template fixtures (fixtures/templates/**): every letter with a
// `<name>.findings.json` beside it gives exactly the template, structure and
// privacy findings listed there (other categories belong to other rule sets
// and are checked by the foundation fixtures). Regenerate after a deliberate
// change with `UPDATE_EXPECTED=1 npx vitest run packages/core/test/letter/fixtures.test.ts`.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigLoader, readLetterFile } from '../../src/node.js';
import { allRules, lintRendered, lintText, parseTemplateData, resolveConfig } from '../../src/index.js';
import { letterRules } from '../../src/rules/letter/index.js';
import type { Category, LintMessage } from '../../src/types.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = join(root, 'fixtures/templates');
const OURS = new Set<Category>(['template', 'structure', 'privacy']);

function letters(d: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(d).sort()) {
    const abs = join(d, name);
    if (statSync(abs).isDirectory()) out.push(...letters(abs));
    else if (name.endsWith('.md')) out.push(abs);
  }
  return out;
}

const show = (m: LintMessage) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`;
const all = letters(dir);
const loader = new ConfigLoader();

describe('template fixtures give the findings listed beside them', () => {
  for (const file of all) {
    it(relative(root, file), () => {
      const expectedFile = file.replace(/\.md$/, '.findings.json');
      const { config } = loader.forFile(file);
      const text = readLetterFile(file).text;
      const findings = lintText(text, { config }).messages.filter((m) => OURS.has(m.category)).map(show);
      if (process.env['UPDATE_EXPECTED']) writeFileSync(expectedFile, `${JSON.stringify({ findings }, null, 2)}\n`);
      expect(existsSync(expectedFile), `${relative(root, expectedFile)} is missing`).toBe(true);
      expect(findings).toEqual((JSON.parse(readFileSync(expectedFile, 'utf8')) as { findings: string[] }).findings);
    });
  }

  it('has templates in every placeholder syntax, with declared variables and render data', () => {
    const texts = all.map((f) => readFileSync(f, 'utf8'));
    expect(texts.some((t) => /\{\{#if [^}]+\}\}[\s\S]*\{\{else\}\}[\s\S]*\{\{\/if\}\}/.test(t) && t.includes('{{#each'))).toBe(true);
    expect(texts.some((t) => t.includes('«'))).toBe(true);
    expect(texts.some((t) => /\[[a-z]+\]/.test(t) && /%[a-z]+%/.test(t))).toBe(true);
    expect(texts.filter((t) => /^variabelen:/m.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(dir, 'custom/huurbrief.config.json'))).toBe(true);
  });

  it('hits every structure and privacy rule somewhere', () => {
    const hit = new Set<string>();
    for (const file of all) {
      const f = file.replace(/\.md$/, '.findings.json');
      if (!existsSync(f)) continue;
      for (const line of (JSON.parse(readFileSync(f, 'utf8')) as { findings: string[] }).findings) hit.add(line.split(' ')[2]!);
    }
    for (const { meta } of letterRules) expect(hit.has(meta.id), meta.id).toBe(true);
  });
});

describe('render data files fill their templates', () => {
  for (const file of all) {
    const data = ['.data.json', '.data.yaml'].map((e) => file.replace(/\.md$/, e)).find(existsSync);
    if (!data) continue;
    it(relative(root, data), () => {
      const parsed = parseTemplateData(readFileSync(data, 'utf8'), data.endsWith('.json') ? 'json' : 'yaml');
      expect(parsed.error).toBeUndefined();
      const { config } = loader.forFile(file);
      const template = readLetterFile(file).text;
      const r = lintRendered(template, parsed.data, { config });
      // Data for every field, except the misspelled ones the template fixture is about: those are named.
      const misspelt = lintText(template, { config }).messages.filter((m) => m.ruleId === 'unknown-placeholder').map((m) => m.actual);
      expect(r.problems.map((p) => p.name)).toEqual(misspelt);
      expect(r.problems.every((p) => p.reason === 'missing' && p.message.includes(`"${p.name}"`))).toBe(true);
      // Front matter is not filled in; the letter body has no merge codes left.
      const body = r.text.slice(r.text.indexOf('\n---', 3) + 4);
      expect(body).not.toMatch(/\{\{|«|»|%[a-z]+%/);
    });
  }
});

describe('placeholders with nonsense names are opaque words', () => {
  it('only template and structure findings touch them, under the whole strict rule set', () => {
    const file = join(dir, 'mustache/onzin-namen.md');
    const text = readFileSync(file, 'utf8');
    const config = resolveConfig([{ file: '<test>', config: { extends: ['huurbrief:strict'], placeholders: { delimiters: [['[', ']']] } } }], allRules);
    const result = lintText(text, { config });
    const spans = [...text.matchAll(/\{\{[^}]*\}\}|«[^»]*»/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }));
    expect(spans.length).toBeGreaterThan(8);
    const touching = result.messages.filter((m) => spans.some((s) => m.offset < s.end && Math.max(m.endOffset, m.offset + 1) > s.start && m.offset >= s.start - 0 && m.offset < s.end));
    const inside = result.messages.filter((m) => spans.some((s) => m.offset >= s.start && m.offset < s.end));
    for (const m of [...touching, ...inside]) expect(['template', 'structure'], `${m.ruleId} at ${m.line}:${m.column}: ${m.message}`).toContain(m.category);
    // No finding quotes a placeholder name as a word.
    for (const m of result.messages) {
      if (m.category === 'template') continue;
      for (const name of ['xyzzy', 'qqq', 'Achternaam_Zw', 'plugh', 'frotz', 'qwx', 'zork']) {
        expect(`${m.message} ${m.actual ?? ''} ${(m.expected ?? []).join(' ')}`, `${m.ruleId}`).not.toContain(name);
      }
    }
    // The greeting "Beste {{xyzzy_qqq}} «Achternaam_Zw»," is a personal greeting.
    expect(result.messages.filter((m) => m.ruleId === 'greeting')).toEqual([]);
  });
});
