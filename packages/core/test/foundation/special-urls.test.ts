import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findUrls } from '../../src/engine/special.js';

// URLs are looked for only where "http" or "www." occurs; the matches must be those of the global
// scan with the full pattern that special.ts used before.
const GLOBAL = /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]/giu;
const reference = (text: string, from = 0): [number, number][] => {
  GLOBAL.lastIndex = from;
  const out: [number, number][] = [];
  for (let m = GLOBAL.exec(text); m; m = GLOBAL.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
};

describe('URL spans anchored at "http" and "www."', () => {
  it('finds what the global scan finds in generated text', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const parts = ['http', 'https', 'HTTP', 'httpſ', 'HttpS', '://', ':/', 'www', 'WWW', '.', 'www.', 'wwww.', 'a', 'é', 'ſ', ' ', '\n', '(', ')', '"', "'", '<', '>', ',', '!', '?', ';', ':', '/', 'x.nl', '_', '1', 'ß', 'K', 'h', 't', 'p', 'w'];
    let found = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + rnd(14) }, () => parts[rnd(parts.length)]).join('');
      const from = rnd(3) === 0 ? rnd(text.length + 1) : 0;
      const expected = reference(text, from);
      found += expected.length;
      expect(findUrls(text, from), JSON.stringify([text, from])).toEqual(expected);
    }
    expect(found).toBeGreaterThan(1_000);
  });

  it('finds what the global scan finds in the fixture letters', () => {
    const dir = new URL('../../../../fixtures/letters/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      expect(findUrls(text)).toEqual(reference(text));
    }
  });
});
