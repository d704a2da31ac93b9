// The phrase data (packages/core/data/judgement-phrases.yml) compiled once at
// module load into one pattern set per rule.
import { judgementPhrases } from '../data/judgement-phrases.generated.js';
import { compilePattern, compilePatternSet, type PatternEntry, type PatternSet } from './patterns.js';

export const PHRASE_ENTRIES: readonly PatternEntry[] = judgementPhrases as readonly PatternEntry[];

const sets = new Map<string, PatternSet<PatternEntry>>();
for (const e of PHRASE_ENTRIES) {
  const where = `judgement-phrases.yml: ${e.id}`;
  const list = sets.get(e.regel) ?? compilePatternSet<PatternEntry>([]);
  list.all.push(compilePattern(e, e, where));
  sets.set(e.regel, list);
}
for (const [id, set] of sets) sets.set(id, compilePatternSet(set.all));

/** The compiled patterns of one rule (empty when the data has none). */
export function patternsFor(ruleId: string): PatternSet<PatternEntry> {
  return sets.get(ruleId) ?? compilePatternSet([]);
}
