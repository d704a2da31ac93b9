// The baseline's matching (pure) and its file format, on real letters from fixtures/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  baselineCounts,
  entryTotal,
  lintText,
  matchBaseline,
  pruneEntry,
  serializeBaseline,
  updateEntry,
  type LintMessage,
  type ResolvedConfig,
} from '../../src/index.js';
import { BaselineError, BaselineLoader, ConfigLoader, newBaselineFile, parseBaseline } from '../../src/node.js';

const letters = new URL('../../../../fixtures/letters/', import.meta.url).pathname;
const read = (name: string) => readFileSync(join(letters, name), 'utf8');
const config: ResolvedConfig = new ConfigLoader().forFile(join(letters, 'huurverhoging.md')).config;
const lint = (text: string) => lintText(text, { config, filePath: join(letters, 'brief.md') }).messages;
/** What a finding is, without its place (the letter's measures in letter-readability's message change with the text). */
const what = (m: LintMessage) => `${m.ruleId}|${m.severity}|${m.actual ?? ''}`;

/** Inserts paragraphs after the first paragraph of the body (the one after "Geachte ...,"). */
function insertAfterFirstParagraph(text: string, paragraphs: string[]): string {
  const lines = text.split('\n');
  const greeting = lines.findIndex((l) => /^(Geachte|Beste)\b/.test(l));
  expect(greeting).toBeGreaterThan(0);
  const first = lines.findIndex((l, i) => i > greeting + 1 && l.trim() !== '');
  lines.splice(first + 1, 0, '', ...paragraphs.flatMap((p, i) => (i ? ['', p] : [p])));
  return lines.join('\n');
}

describe('matchBaseline', () => {
  const text = read('huurverhoging.md');
  const messages = lint(text);
  const entry = baselineCounts(messages);

  it('counts errors and warnings per rule, never info findings', () => {
    const counted = messages.filter((m) => m.severity !== 'info');
    expect(entryTotal(entry)).toBe(counted.length);
    expect(messages.some((m) => m.severity === 'info')).toBe(true);
    for (const m of messages.filter((x) => x.severity === 'info')) {
      if (!counted.some((c) => c.ruleId === m.ruleId)) expect(entry[m.ruleId]).toBeUndefined();
    }
  });

  it('accepts every counted finding of the letter it was made from; info findings stay reported', () => {
    const r = matchBaseline(messages, entry);
    expect(r.accepted.length).toBe(entryTotal(entry));
    expect(r.reported.every((m) => m.severity === 'info')).toBe(true);
    expect(r.unused).toEqual({});
  });

  it('accepts the same findings after paragraphs are inserted above them (no line numbers involved)', () => {
    const before = matchBaseline(messages, entry);
    // Two short, plain paragraphs: no findings of their own.
    const moved = insertAfterFirstParagraph(text, ['Uw huur gaat per 1 juli omhoog.', 'Wij leggen hieronder uit waarom.']);
    const after = lint(moved);
    expect(after[after.length - 1]!.line).toBeGreaterThan(messages[messages.length - 1]!.line);
    const r = matchBaseline(after, entry);
    expect(r.accepted.map(what)).toEqual(before.accepted.map(what));
    expect(r.reported.filter((m) => m.severity !== 'info')).toEqual([]);
    expect(r.unused).toEqual({});
  });

  it('reports a finding beyond the count, and only that one', () => {
    const more = insertAfterFirstParagraph(text, ['Wij vragen u tevens om de meterstanden door te geven.']);
    const after = lint(more);
    const r = matchBaseline(after, entry);
    const reported = r.reported.filter((m) => m.severity !== 'info');
    expect(reported.map((m) => m.ruleId)).toEqual(['plain-words']);
    expect(r.accepted.filter((m) => m.ruleId === 'plain-words').length).toBe(entry['plain-words']);
  });

  it('says how much of the count is unused when a letter gets better', () => {
    const better = text.replace('Tevens ', 'Ook ').replace('Indien u', 'Als u');
    expect(better).not.toBe(text);
    const r = matchBaseline(lint(better), entry);
    expect(r.unused).toEqual({ 'plain-words': 2 });
    expect(r.reported.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('a rule that is off for the letter is not "unused"', () => {
    const without = lint(text).filter((m) => m.ruleId !== 'plain-words');
    expect(matchBaseline(without, entry).unused).toEqual({ 'plain-words': entry['plain-words'] });
    expect(matchBaseline(without, entry, (id) => id !== 'plain-words').unused).toEqual({});
  });

  it('without an entry everything is reported', () => {
    const r = matchBaseline(messages, undefined);
    expect(r.reported).toEqual(messages);
    expect(r.accepted).toEqual([]);
  });
});

describe('updateEntry and pruneEntry', () => {
  it('update writes the current counts; with rules only those; rules that are off keep theirs', () => {
    const old = { 'plain-words': 5, 'stock-phrases': 2, greeting: 1 };
    const current = { 'plain-words': 7, 'sentence-length': 1 };
    expect(updateEntry(old, current)).toEqual({ 'plain-words': 7, 'sentence-length': 1 });
    expect(updateEntry(old, current, { rules: ['plain-words'] })).toEqual({ greeting: 1, 'plain-words': 7, 'stock-phrases': 2 });
    expect(updateEntry(old, current, { isEnabled: (id) => id !== 'greeting' })).toEqual({ greeting: 1, 'plain-words': 7, 'sentence-length': 1 });
    expect(updateEntry(old, {})).toBeUndefined();
  });

  it('prune only lowers counts and drops what reaches zero', () => {
    expect(pruneEntry({ 'plain-words': 5, greeting: 1 }, { 'plain-words': 2, greeting: 1 })).toEqual({ 'plain-words': 3 });
    expect(pruneEntry({ 'plain-words': 5 }, {})).toEqual({ 'plain-words': 5 });
    expect(pruneEntry({ greeting: 1 }, { greeting: 1 })).toBeUndefined();
  });
});

describe('the file', () => {
  it('is written with sorted keys and a final newline, and reads back the same', () => {
    const a = serializeBaseline({ letters: { 'b/z.md': { threatening: 1, 'plain-words': 2 }, 'a.md': { greeting: 1 }, 'leeg.md': {} } });
    const b = serializeBaseline({ letters: { 'a.md': { greeting: 1 }, 'b/z.md': { 'plain-words': 2, threatening: 1 } } });
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(a).letters)).toEqual(['a.md', 'b/z.md']);
    expect(Object.keys(JSON.parse(a).letters['b/z.md'])).toEqual(['plain-words', 'threatening']);
    expect(serializeBaseline(parseBaseline(a, 'baseline.json'))).toBe(a);
  });

  const bad = (text: string) => {
    try {
      parseBaseline(text, '.huurbrief/baseline.json');
    } catch (error) {
      expect(error).toBeInstanceOf(BaselineError);
      return (error as BaselineError).message;
    }
    throw new Error('no error');
  };

  it('names the file, the place and the reason for bad input', () => {
    expect(bad('{ "version": 1, "letters": { "a.md": { "greeting": 1, } } }')).toMatch(/^\.huurbrief\/baseline\.json: regel 1, kolom \d+: geen geldige JSON/);
    expect(bad('{\n  "version": 1,\n  "letters": {\n    "a.md": {\n      "greting": 1\n    }\n  }\n}\n')).toBe(
      '.huurbrief/baseline.json: regel 5, letters › a.md › greting: onbekende regel "greting" (bedoelt u "greeting"?)',
    );
    expect(bad('{ "version": 1, "letters": { "a.md": { "greeting": 0 } } }')).toMatch(/a\.md › greeting: het aantal moet een geheel getal van 1 of meer zijn, niet 0$/);
    expect(bad('{ "version": 1, "letters": { "a.md": { "greeting": "1" } } }')).toMatch(/niet "1"$/);
    expect(bad('{ "version": 1, "letters": { "../a.md": {} } }')).toMatch(/letters › \.\.\/a\.md: ongeldig pad/);
    expect(bad('{ "version": 2, "letters": {} }')).toMatch(/: version: verwacht 1, gevonden 2/);
    expect(bad('{ "letters": {} }')).toMatch(/: version: verwacht 1, gevonden null/);
    expect(bad('{ "version": 1, "letters": [] }')).toMatch(/: letters: verwacht een object/);
    expect(bad('{ "version": 1, "letters": {}, "extra": 1 }')).toMatch(/: extra: onbekende sleutel "extra"/);
    expect(bad('[]')).toMatch(/verwacht een object met "version" en "letters"/);
  });
});

describe('finding the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huurbrief-baseline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the nearest .huurbrief/baseline.json above the letter; keys are relative to the folder holding .huurbrief/', () => {
    mkdirSync(join(dir, 'repo', '.huurbrief'), { recursive: true });
    mkdirSync(join(dir, 'repo', 'brieven', 'incasso'), { recursive: true });
    writeFileSync(join(dir, 'repo', '.huurbrief', 'baseline.json'), serializeBaseline({ letters: { 'brieven/incasso/herinnering.md': { greeting: 1 } } }));
    const loader = new BaselineLoader();
    const found = loader.forLetter(join(dir, 'repo', 'brieven', 'incasso', 'herinnering.md'));
    expect(found?.file).toBe(join(dir, 'repo', '.huurbrief', 'baseline.json'));
    expect(found?.key).toBe('brieven/incasso/herinnering.md');
    expect(found?.baseline.letters['brieven/incasso/herinnering.md']).toEqual({ greeting: 1 });
    expect(loader.forLetter(join(dir, 'elders.md'))).toBeUndefined();
  });

  it('a new baseline goes to the folder with .huurbrief/ or .git above the letter', () => {
    mkdirSync(join(dir, 'git', '.git'), { recursive: true });
    mkdirSync(join(dir, 'git', 'brieven'), { recursive: true });
    expect(newBaselineFile(join(dir, 'git', 'brieven', 'a.md'), join(dir, 'git', 'brieven'))).toBe(join(dir, 'git', '.huurbrief', 'baseline.json'));
    mkdirSync(join(dir, 'los', 'brieven'), { recursive: true });
    expect(newBaselineFile(join(dir, 'los', 'brieven', 'a.md'), join(dir, 'los'))).toBe(join(dir, 'los', '.huurbrief', 'baseline.json'));
  });
});
