// Work several rules share, done lazily by whichever rule asks first: the
// clause analysis and the one-pass phrase matching of the judgement rules
// (judgement/patterns.ts). With timings (`--timing`), lintDocument does it up
// front and times it on a line of its own, so that the first rule to ask is
// not charged for every rule's share. Without timings nothing changes: the
// work is done on demand, and only when a rule asks.
import type { LetterDocument, Rule } from '../types.js';

export interface SharedWork {
  /** The line in the timing table: in parentheses, it is not a rule. */
  label: `(${string})`;
  /** Whether the enabled rules will ask for it. */
  needed(rules: readonly Rule[]): boolean;
  prepare(doc: LetterDocument): void;
}

const registry: SharedWork[] = [];

export function registerSharedWork(work: SharedWork): void {
  registry.push(work);
}

/** Does the shared work the enabled rules need now, timing each in `timings`. */
export function prepareSharedWork(doc: LetterDocument, rules: readonly Rule[], timings: Map<string, number>): void {
  for (const w of registry) {
    if (!w.needed(rules)) continue;
    const t0 = performance.now();
    w.prepare(doc);
    timings.set(w.label, (timings.get(w.label) ?? 0) + performance.now() - t0);
  }
}
