// Every judgement and officialese rule documents what it cannot see, with an example it does
// not report. The examples run here: when a rule learns to see one, this test fails and the
// documented limit must be replaced by one that is still true.
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { lintForEval } from '../../src/judgement/evaluate.js';

const MUST_HAVE = [
  'refusal', 'refusal-without-alternative', 'policy-shield', 'commanding', 'threatening', 'blaming', 'impersonal',
  'stock-phrases', 'shouting', 'consistent-address', 'plain-words', 'nominalization',
];

describe('documented limits of the judgement rules', () => {
  for (const id of MUST_HAVE) {
    const rule = allRules.find((r) => r.meta.id === id);
    it(`${id} names at least one limit`, () => {
      expect(rule?.meta.limits?.length ?? 0).toBeGreaterThan(0);
    });
    for (const limit of rule?.meta.limits ?? []) {
      it(`${id} indeed misses: ${limit.example}`, () => {
        expect(lintForEval(limit.example).filter((m) => m.ruleId === id).map((m) => m.message)).toEqual([]);
      });
    }
  }
});
