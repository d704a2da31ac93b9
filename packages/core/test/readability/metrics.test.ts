import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText, resolveConfig, allRules } from '../../src/index.js';
import { buildDocument } from '../../src/engine/document.js';
import { estimateLevel } from '../../src/readability/level.js';
import { brouwer, fleschDouma } from '../../src/readability/measures.js';
import { computeReadability } from '../../src/readability/metrics.js';
import type { Level } from '../../src/types.js';

const config = (level: Level = 'B1', syllables = 2) => ({ level, placeholders: { delimiters: [] as [string, string][], syllables } });
function readability(text: string, level: Level = 'B1', syllables = 2) {
  const { doc } = buildDocument(text, { lang: 'nl', delimiters: [] });
  return computeReadability(doc, config(level, syllables));
}

const LETTER = 'Beste Jan,\n\nDe monteur komt op dinsdag. Wij bellen u vooraf.\n\nMet vriendelijke groet,\n\nPiet Jansen\nWoonconsulent\n';

describe('formulas', () => {
  it('Flesch-Douma and Brouwer use the published constants', () => {
    // 10 words per sentence, 1.5 syllables per word, computed by hand:
    // 206.835 - 9.3 - 115.5 = 82.035; 195 - 20 - 100.05 = 74.95.
    expect(fleschDouma(10, 1.5)).toBeCloseTo(82.035, 6);
    expect(brouwer(10, 1.5)).toBeCloseTo(74.95, 6);
    // 20 words per sentence, 2 syllables per word: 206.835 - 18.6 - 154 = 34.235; 195 - 40 - 133.4 = 21.6.
    expect(fleschDouma(20, 2)).toBeCloseTo(34.235, 6);
    expect(brouwer(20, 2)).toBeCloseTo(21.6, 6);
  });
});

describe('letter metrics', () => {
  it('counts a small letter as computed by hand', () => {
    // Body: "De(1) mon-teur(2) komt(1) op(1) dins-dag(2)" = 5 words, 7 syllables;
    //       "Wij(1) bel-len(2) u(1) voor-af(2)" = 4 words, 6 syllables.
    // Greeting "Bes-te(2) Jan(1)" 2/3, closing "Met(1) vrien-de-lij-ke(4) groet(1)" 3/6.
    // The signature ("Piet Jansen", "Woonconsulent") is layout, not text: not counted.
    // Words 14, syllables 22, body sentences 2 (9 words): ASL 4.5, ASW 22/14.
    // Flesch-Douma = 206.835 - 0.93*4.5 - 77*22/14 = 202.65 - 121.0 = 81.65.
    // Brouwer = 195 - 2*4.5 - 66.7*22/14 = 186 - 104.81429 = 81.18571.
    const r = readability(LETTER);
    expect(r.metrics).toMatchObject({
      words: 14,
      syllables: 22,
      sentences: 2,
      paragraphs: 1,
      avgSentenceLength: 4.5,
      avgSyllablesPerWord: 1.57,
      longSentenceShare: 0,
      longWordShare: 0.07, // vriendelijke: 1/14
      fleschDouma: 81.7,
      brouwer: 81.2,
      passiveShare: 0,
      level: 'B1',
      levelReasons: [],
    });
    expect(r.exact.fleschDouma).toBeCloseTo(81.65, 4);
    expect(r.exact.brouwer).toBeCloseTo(81.18571, 4);
  });

  it('does not count front matter; a heading counts for words, not as a sentence', () => {
    const r = readability(`---\nonderwerp: Controle van uw ketel en nog veel meer woorden\n---\n# Controle\n\n${LETTER}`);
    // "Con-tro-le" adds 1 word and 3 syllables.
    expect(r.metrics).toMatchObject({ words: 15, syllables: 25, sentences: 2 });
  });

  it('does not make sentences of the signature block', () => {
    const r = readability('Beste Jan,\n\nDe monteur komt op dinsdag.\n\nMet vriendelijke groet,\n\nPiet Jansen\nWoonconsulent\nTelefoon 010 123 45 67\nE-mail piet@woonstad.nl\n');
    expect(r.metrics.sentences).toBe(1);
    expect(r.metrics.avgSentenceLength).toBe(5);
  });

  it('counts a placeholder as one word with the configured syllables', () => {
    const text = 'Beste {{huurder.naam}},\n\nWij komen op {{datum}} bij u langs.';
    const two = readability(text, 'B1', 2).metrics;
    const four = readability(text, 'B1', 4).metrics;
    // Bes-te(2) + placeholder; Wij komen(2) op placeholder bij u langs: 9 words.
    expect(two.words).toBe(9);
    expect(four.words).toBe(9);
    expect(four.syllables - two.syllables).toBe(4);
    expect(two.longWordShare).toBe(0);
  });

  it('does not count numbers, amounts, dates, times, e-mail, URLs and phone numbers as hard words', () => {
    const r = readability(
      'U krijgt € 1.412,50 terug op 12 maart 2024 om 10.30 uur. Mail naar klantenservice@woonstad.nl of kijk op www.woonstad.nl. Bel 010-1234567.',
    );
    expect(r.metrics.longWordShare).toBe(0);
    // Every special token is one word of two syllables:
    // U(1) krijgt(1) €1.412,50(2) terug(2) op(1) 12 maart 2024(2) om(1) 10.30 uur(2);
    // Mail(1) naar(1) e-mail(2) of(1) kijk(1) op(1) URL(2); Bel(1) telefoon(2).
    expect(r.stats.map((s) => [s.words, s.syllables])).toEqual([
      [8, 12],
      [7, 9],
      [2, 3],
    ]);
  });

  it('counts passive sentences', () => {
    const r = readability('Uw ketel wordt op dinsdag vervangen. De monteur belt u vooraf. Hij komt rond tien uur.');
    expect(r.metrics.passiveShare).toBe(0.33);
  });

  it('reports null formulas for a letter without body text', () => {
    const r = readability('# Alleen een kop\n');
    expect(r.metrics.fleschDouma).toBeNull();
    expect(r.metrics.sentences).toBe(0);
  });

  it('puts the metrics in every lint result', () => {
    const m = lintText(LETTER).metrics;
    expect(m).toMatchObject({ words: 14, sentences: 2, fleschDouma: 81.7, level: 'B1' });
  });
});

describe('level estimate', () => {
  const base = {
    avgSentenceLength: 10,
    longSentenceShare: 0,
    avgSyllablesPerWord: 1.5,
    longWordShare: 0.03,
    passiveShare: 0,
    longestParagraph: 30,
    fleschDouma: 80,
  };

  it('is the highest level any measure needs, with the measures above the target as reasons', () => {
    expect(estimateLevel(base, 'B1')).toEqual({ level: 'A2', reasons: [] });
    const e = estimateLevel({ ...base, avgSentenceLength: 18, passiveShare: 0.3 }, 'B1');
    expect(e.level).toBe('B2');
    expect(e.reasons).toEqual([
      'de zinnen zijn gemiddeld 18,0 woorden lang (B1: hoogstens 15)',
      '30% van de zinnen staat in de lijdende vorm (B1: hoogstens 25%)',
    ]);
    expect(estimateLevel({ ...base, fleschDouma: 30 }, 'B1').level).toBe('C1');
  });

  it('is stricter for target A2', () => {
    const inputs = { ...base, avgSentenceLength: 13 };
    expect(estimateLevel(inputs, 'B1').reasons).toEqual([]);
    expect(estimateLevel(inputs, 'A2').reasons).toEqual(['de zinnen zijn gemiddeld 13,0 woorden lang (A2: hoogstens 11)']);
  });
});

describe('fixtures', () => {
  const dir = new URL('../../../../fixtures/letters/', import.meta.url);
  const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
  const good = ['afwijzing-met-alternatief.md', 'onderhoud-cv-ketel.md', 'renovatie.md', 'reparatie-bevestiging.md', 'welkom.md'];
  const bad = ['afwijzing-verzoek.md', 'betalingsherinnering.md', 'huurverhoging.md', 'overlast.md'];

  for (const f of good) {
    it(`${f} reaches B1`, () => {
      const m = readability(read(f)).metrics;
      expect(['A2', 'B1'], JSON.stringify(m)).toContain(m.level);
      expect(m.levelReasons).toEqual([]);
    });
  }
  for (const f of bad) {
    it(`${f} does not reach B1, and says why`, () => {
      const m = readability(read(f)).metrics;
      expect(['B2', 'C1']).toContain(m.level);
      expect(m.levelReasons.length).toBeGreaterThan(0);
    });
  }

  it('a stricter A2 target gives reasons for a B1 letter', () => {
    const m = readability(read('../layout/twee-ondertekenaars.md'), 'A2').metrics;
    expect(m.level).toBe('B1');
    expect(m.levelReasons.length).toBeGreaterThan(0);
  });

  it('config level reaches the metrics through lintText', () => {
    const cfg = resolveConfig([{ file: '<test>', config: { level: 'A2' } }], allRules);
    expect(lintText(read('../layout/twee-ondertekenaars.md'), { config: cfg }).metrics.levelReasons).not.toEqual([]);
  });
});
