import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countSyllables } from '../../src/readability/syllables.js';

// Hand-checked list: word <TAB> spoken syllables separated by "·".
const rows = readFileSync(new URL('./syllables.nl.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [word, split] = l.split('\t');
    return { word: word!, expected: split!.split('·').length, split: split! };
  });

describe('Dutch syllables', () => {
  it('has a hand-checked list of at least 300 words', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.word)).size).toBe(rows.length);
  });

  it('counts at least 97% of the list exactly', () => {
    const failures = rows.filter((r) => countSyllables(r.word) !== r.expected);
    const accuracy = 1 - failures.length / rows.length;
    console.log(
      `syllables: ${rows.length - failures.length}/${rows.length} exact (${(accuracy * 100).toFixed(1)}%)` +
        (failures.length ? `; failures: ${failures.map((f) => `${f.word} (${f.split}) → ${countSyllables(f.word)}`).join(', ')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('finds the one-letter edge syllables the hyphenation patterns leave whole', () => {
    expect(['ezel', 'idee', 'mede', 'over', 'open', 'olie'].map(countSyllables)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('starts a new syllable at a diaeresis', () => {
    expect(countSyllables('geïnformeerd')).toBe(4);
    expect(countSyllables('België')).toBe(3);
    expect(countSyllables('ruïne')).toBe(3);
    expect(countSyllables('beëindigen')).toBe(4);
  });

  it('spells out letter abbreviations and ignores clitics', () => {
    expect(countSyllables('cv-ketel')).toBe(4);
    expect(countSyllables('btw')).toBe(3);
    expect(countSyllables("auto's")).toBe(2);
  });

  it('is case-insensitive and cached', () => {
    expect(countSyllables('Huurovereenkomst')).toBe(countSyllables('huurovereenkomst'));
    expect(countSyllables('huurovereenkomst')).toBe(5);
  });
});
