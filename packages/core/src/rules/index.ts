import type { Rule } from '../types.js';
import { coreRules } from './core/index.js';
import { houseRules } from './house/index.js';
import { judgementRules } from './judgement/index.js';
import { letterRules } from './letter/index.js';
import { readabilityRules } from './readability/index.js';
import { spellingRules } from './spelling/index.js';

/** Every rule huurbrief has, in a stable order. */
export const allRules: readonly Rule[] = [
  ...coreRules,
  ...readabilityRules,
  ...judgementRules,
  ...letterRules,
  ...houseRules,
  ...spellingRules,
];

const byId = new Map(allRules.map((r) => [r.meta.id, r]));
if (byId.size !== allRules.length) {
  const seen = new Set<string>();
  for (const r of allRules) {
    if (seen.has(r.meta.id)) throw new Error(`duplicate rule id ${r.meta.id}`);
    seen.add(r.meta.id);
  }
}

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
