import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { hyphenateSync, hyphenationLoaded } from '../../src/readability/hyphen-nl.generated.js';

// The vendored Dutch hyphenation (scripts/build-data.mjs) keeps its patterns as a JSON string and
// builds its table on the first call (start-up cost). It must hyphenate exactly as `hyphen/nl`.
const require = createRequire(import.meta.url);
const original = require('hyphen/nl') as { hyphenateSync: (text: string, options?: object) => string };

const lettersDir = new URL('../../../../fixtures/letters/', import.meta.url);
const words = [
  ...new Set(
    readdirSync(lettersDir)
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => readFileSync(new URL(f, lettersDir), 'utf8').toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []),
  ),
  ...readFileSync(new URL('./syllables.nl.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t')[0]!.toLowerCase()),
  'huurachterstand',
  'waterstaatsingenieur',
  'ministersportefeuilles',
  'beëindiging',
  'cv-ketel',
];

describe('Dutch hyphenation table', () => {
  it('is not built until the first word is hyphenated', () => {
    expect(hyphenationLoaded()).toBe(false);
    hyphenateSync('huurverhoging', { hyphenChar: '\u2010', minWordLength: 4 });
    expect(hyphenationLoaded()).toBe(true);
  });

  it('hyphenates every word of the fixture letters as hyphen/nl does', () => {
    expect(words.length).toBeGreaterThan(400);
    for (const options of [{ hyphenChar: '\u2010', minWordLength: 4 }, undefined]) {
      const ours = words.map((w) => hyphenateSync(w, options));
      const theirs = words.map((w) => original.hyphenateSync(w, options));
      expect(ours).toEqual(theirs);
    }
  });
});
