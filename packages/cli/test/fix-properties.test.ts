// Properties of `--fix` over every fixture letter (fixtures/**) and letters from
// the bench corpus generator (bench/corpus.mjs), each with the config that
// applies to it: after the fix, placeholders, numbers (amounts, dates, phone
// numbers, URLs, e-mail addresses), names and control comments are byte for
// byte the same; no byte outside a fixed span changed and every fixed span
// starts and ends at a word boundary; a second fix changes nothing; and
// re-linting shows no finding that the letter did not have before.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument, fixText, lintText, type LintMessage, type ResolvedConfig } from '@huurbrief/core';
import { ConfigLoader } from '@huurbrief/core/node';
// @ts-expect-error -- plain ESM script without types
import { buildCorpus } from '../../../bench/corpus.mjs';
import { repoRoot } from './helpers.js';

function letters(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...letters(abs));
    else if (/\.(md|markdown|txt)$/.test(name)) out.push(abs);
  }
  return out;
}

/** What must survive a fix unchanged, in order. */
function invariants(text: string, config: ResolvedConfig) {
  const { doc } = buildDocument(text, { lang: config.lang, delimiters: config.placeholders.delimiters });
  const words = doc.sentences.flatMap((s) => s.words);
  return {
    placeholders: doc.placeholders.map((p) => p.raw),
    tokens: words.filter((w) => w.kind !== 'word' && w.kind !== 'abbreviation' && w.kind !== 'placeholder').map((w) => w.text),
    // A capital inside a sentence: a name (a fix may change the first word of a sentence, never a name).
    names: doc.sentences.flatMap((s) => s.words.filter((w) => w.kind === 'word' && w.index > 0 && /^\p{Lu}/u.test(w.text)).map((w) => w.text)),
    controls: doc.controls.map((c) => text.slice(c.start, c.end)),
  };
}

const key = (m: LintMessage) => `${m.ruleId}|${m.severity}`;
const shortActual = (m: LintMessage) => (m.actual !== undefined && (m.actual.match(/\s+/g) ?? []).length <= 3 ? m.actual.toLowerCase() : '');
const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function checkLetter(name: string, text: string, config: ResolvedConfig) {
  const lint = (t: string) => lintText(t, { config });
  const fixed = fixText(text, lint);
  const out = fixed.output;

  // Every pass, replayed: splicing the applied fixes into the text gives the next text, so nothing
  // outside a fixed span changed; each span starts and ends at a word boundary.
  let current = text;
  /** Fixed spans in the coordinates of `current`. */
  let spans: [number, number][] = [];
  for (let pass = 1; pass <= fixed.passes; pass++) {
    const edits = fixed.applied.filter((m) => m.pass === pass).sort((a, b) => a.fix!.range[0] - b.fix!.range[0]);
    let next = '';
    let last = 0;
    let delta = 0;
    const moved: [number, number][] = [];
    const shift = (o: number) => o + edits.filter((m) => m.fix!.range[1] <= o).reduce((d, m) => d + m.fix!.text.length - (m.fix!.range[1] - m.fix!.range[0]), 0);
    for (const [s, e] of spans) moved.push([shift(s), shift(e)]);
    for (const m of edits) {
      const [s, e] = m.fix!.range;
      expect(s, `${name}: overlapping fixes in one pass`).toBeGreaterThanOrEqual(last);
      expect(m.replaced, name).toBe(current.slice(s, e));
      const t = m.fix!.text;
      // Word boundaries: a fix never cuts a word in two.
      if (t && wordChar(t[0])) expect(wordChar(current[s - 1]), `${name}: fix at ${s} starts inside a word`).toBe(false);
      if (t && wordChar(t[t.length - 1])) expect(wordChar(current[e]), `${name}: fix at ${e} ends inside a word`).toBe(false);
      next += current.slice(last, s) + t;
      moved.push([s + delta, s + delta + t.length]);
      delta += t.length - (e - s);
      last = e;
    }
    current = next + current.slice(last);
    spans = moved;
  }
  expect(current, `${name}: the applied fixes do not explain the output`).toBe(out);

  // Placeholders, numbers, names and control comments: byte for byte the same.
  expect(invariants(out, config), name).toEqual(invariants(text, config));

  // A second fix changes nothing.
  expect(fixText(out, lint).output, `${name}: a second --fix changed the letter`).toBe(out);

  // No new finding: away from the fixed spans, every finding was there before (same rule, severity and
  // words); at a fixed span, no rule reports more than it did before.
  const before = lint(text).messages;
  const after = fixed.result.messages;
  expect(after).toEqual(lint(out).messages);
  const pool = new Map<string, number>();
  for (const m of before) pool.set(`${key(m)}|${shortActual(m)}`, (pool.get(`${key(m)}|${shortActual(m)}`) ?? 0) + 1);
  const perRule = new Map<string, number>();
  for (const m of before) perRule.set(key(m), (perRule.get(key(m)) ?? 0) + 1);
  for (const m of after) {
    const atFix = spans.some(([s, e]) => s <= m.endOffset && m.offset <= e);
    const k = atFix ? key(m) : `${key(m)}|${shortActual(m)}`;
    const map = atFix ? perRule : pool;
    const n = map.get(k) ?? 0;
    expect(n, `${name}: new finding after --fix: ${m.ruleId} ${m.line}:${m.column} ${m.message}`).toBeGreaterThan(0);
    map.set(k, n - 1);
  }
  return fixed.applied.length;
}

const loader = new ConfigLoader();

describe('--fix properties', () => {
  const fixtures = letters(join(repoRoot, 'fixtures'));

  it('every fixture letter', () => {
    let applied = 0;
    for (const file of fixtures) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      applied += checkLetter(relative(repoRoot, file), text, loader.forFile(file).config);
    }
    expect(fixtures.length).toBeGreaterThan(40);
    // The fixtures do have fixable findings: the properties are not vacuous.
    expect(applied).toBeGreaterThan(10);
  });

  it('letters from the bench corpus generator', () => {
    const out = mkdtempSync(join(tmpdir(), 'huurbrief-fix-corpus-'));
    const { files } = buildCorpus({ count: 60, out }) as { files: string[] };
    let applied = 0;
    for (const file of files) applied += checkLetter(relative(out, file), readFileSync(file, 'utf8'), loader.forFile(file).config);
    expect(applied).toBeGreaterThan(20);
    // 60 letters through the fix loop: seconds on an idle machine, but this is a property test, not a
    // timing test, and it must not fail when the machine is busy.
  }, 180_000);
});
