// The quality gate: per category recall >= 0.90 and false-positive rate <= 0.05
// on the labelled development set (sentences, held-out sentences, letters).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLetters, readSentences, THRESHOLDS } from '../../src/judgement/devset.js';
import { evaluate, formatEvaluation } from '../../src/judgement/evaluate.js';

const dir = fileURLToPath(new URL('../../../../fixtures/judgement/', import.meta.url));

const sets = {
  zinnen: readSentences(`${dir}zinnen.yml`),
  toetszinnen: readSentences(`${dir}toetszinnen.yml`),
  blind: readSentences(`${dir}blind.yml`),
  brieven: readLetters(dir),
};

describe('judgement development set', () => {
  it('is large enough: >= 300 sentences and >= 20 whole letters, with hard negatives', () => {
    expect(sets.zinnen.length).toBeGreaterThanOrEqual(300);
    expect(sets.brieven.length).toBeGreaterThanOrEqual(20);
    expect(sets.zinnen.filter((s) => s.rules.length === 0).length).toBeGreaterThanOrEqual(100);
  });

  for (const [name, items] of Object.entries(sets)) {
    it(`${name}: every category reaches recall ${THRESHOLDS.recall} with at most ${THRESHOLDS.falsePositiveRate} false positives`, () => {
      const e = evaluate(items);
      const report = formatEvaluation(name, e, true);
      for (const c of e.categories) {
        expect(c.recall, report).toBeGreaterThanOrEqual(THRESHOLDS.recall);
        expect(c.falsePositiveRate, report).toBeLessThanOrEqual(THRESHOLDS.falsePositiveRate);
      }
    });
  }

  // The second blind set was measured once, untuned (docs/judgement.md). Its
  // false-positive rate is held to the gate; its recall (0.773 no-phrasing,
  // 0.760 tone at that measurement) may not fall, but is below the 0.90 target.
  it('blind2: false positives within the gate, recall not below the recorded measurement', () => {
    const e = evaluate(readSentences(`${dir}blind2.yml`));
    const report = formatEvaluation('blind2', e, true);
    const floor: Record<string, number> = { 'no-phrasing': 0.77, tone: 0.76 };
    for (const c of e.categories) {
      expect(c.falsePositiveRate, report).toBeLessThanOrEqual(THRESHOLDS.falsePositiveRate);
      expect(c.recall, report).toBeGreaterThanOrEqual(floor[c.category] ?? THRESHOLDS.recall);
    }
  });

  // The third blind set (211 sentences, 40% hard negatives) was written before the
  // third generalisation round was run on it and measured once afterwards
  // (docs/judgement.md): no-phrasing 0.984 recall / 0.014 false positives, tone
  // 0.938 / 0.000. Never tuned on; false positives held to the gate, recall to
  // the measurement.
  it('blind3: false positives within the gate, recall not below the recorded measurement', () => {
    const e = evaluate(readSentences(`${dir}blind3.yml`));
    const report = formatEvaluation('blind3', e, true);
    const floor: Record<string, number> = { 'no-phrasing': 0.98, tone: 0.93 };
    expect(e.items).toBeGreaterThanOrEqual(150);
    for (const c of e.categories) {
      expect(c.falsePositiveRate, report).toBeLessThanOrEqual(THRESHOLDS.falsePositiveRate);
      expect(c.recall, report).toBeGreaterThanOrEqual(floor[c.category] ?? THRESHOLDS.recall);
    }
  });

  it('fails the gate for a rule set that misses everything (the measure can fail)', () => {
    const e = evaluate(sets.zinnen.slice(0, 40), () => []);
    expect(e.categories.find((c) => c.category === 'no-phrasing')!.recall).toBeLessThan(THRESHOLDS.recall);
  });

  it('rejects labels with an unknown rule id, naming the item', () => {
    expect(() => evaluate([{ name: 'x.yml#1', text: 'Nee.', rules: ['refusall'] }])).toThrow(/x\.yml#1: unknown rule "refusall"/);
  });
});
