import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { abbreviations } from '../../src/data/abbreviations.generated.js';
import { domainWords } from '../../src/data/domain-words.generated.js';
import { longWords } from '../../src/data/long-words.generated.js';
import { nominalizations } from '../../src/data/nominalizations.generated.js';
import { plainWords } from '../../src/data/plain-words.generated.js';
import { isDomainWord } from '../../src/readability/domain.js';

const forms = (e: { woord: string; vormen?: object }) => [e.woord, ...Object.keys(e.vormen ?? {})];

describe('readability word lists', () => {
  it('generated modules are up to date', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    expect(() => execFileSync('node', ['scripts/build-data.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('plain-words has at least 200 entries', () => {
    expect(plainWords.length).toBeGreaterThanOrEqual(200);
  });

  it('plain-words never lists a domain word', () => {
    for (const w of ['onderhoud', 'huurtoeslag', 'servicekosten', 'huurcommissie', 'huurovereenkomst', 'woning']) {
      expect(plainWords.flatMap(forms), w).not.toContain(w);
      expect(isDomainWord(w), w).toBe(true);
    }
  });

  it('long-words does not repeat plain-words (one finding per word)', () => {
    const plain = new Set(plainWords.flatMap(forms));
    expect(longWords.map((e) => e.woord).filter((w) => plain.has(w))).toEqual([]);
  });

  it('has abbreviations, nominalizations and domain words', () => {
    expect(abbreviations.map((a) => a.afkorting)).toEqual(expect.arrayContaining(['i.v.m.', 'm.b.t.', 't.a.v.', 'd.d.', 'c.q.', 'jl.', 'e.e.a.']));
    expect(nominalizations.map((n) => n.zin)).toEqual(expect.arrayContaining(['zorg dragen voor', 'overgaan tot', 'in het bezit zijn van', 'het doen van een aanvraag']));
    expect(domainWords.length).toBeGreaterThan(50);
  });
});
