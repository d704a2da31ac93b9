// Every entry of data/judgement-phrases.yml carries examples, like
// LanguageTool's <example> elements: each "fout" sentence must be reported by
// the entry's rule (and matched by the entry itself), each "goed" sentence not.
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/engine/document.js';
import { analyse } from '../../src/judgement/clauses.js';
import { lintForEval } from '../../src/judgement/evaluate.js';
import { PHRASE_ENTRIES, patternsFor } from '../../src/judgement/phrases.js';
import { matchSentence } from '../../src/judgement/patterns.js';

function entryIdsIn(text: string, rule: string): string[] {
  const { doc } = buildDocument(text, { lang: 'nl', delimiters: [] });
  return doc.sentences.flatMap((s) => matchSentence(patternsFor(rule), doc, analyse(doc, s)).map((h) => h.value.id));
}

describe('judgement phrase data', () => {
  it('has at least one positive and one negative example per entry', () => {
    for (const e of PHRASE_ENTRIES) {
      expect(e.goed.length, e.id).toBeGreaterThan(0);
      expect(e.fout.length, e.id).toBeGreaterThan(0);
      expect(e.voorstel.length, e.id).toBeGreaterThan(0);
    }
  });
  for (const e of PHRASE_ENTRIES) {
    describe(`${e.regel}/${e.id}`, () => {
      for (const text of e.fout) {
        it(`reports: ${text}`, () => {
          expect(entryIdsIn(text, e.regel)).toContain(e.id);
          expect(lintForEval(text).map((m) => m.ruleId)).toContain(e.regel);
        });
      }
      for (const text of e.goed) {
        it(`accepts: ${text}`, () => {
          expect(lintForEval(text).filter((m) => m.ruleId === e.regel).map((m) => m.actual)).toEqual([]);
        });
      }
    });
  }
});
