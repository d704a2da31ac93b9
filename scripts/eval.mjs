#!/usr/bin/env node
// Measures the no-phrasing and tone rules on the labelled development set in
// fixtures/judgement: per category recall and false-positive rate, for the
// sentences (zinnen.yml), the held-out sentences (toetszinnen.yml), the blind
// sets (blind.yml, blind2.yml, blind3.yml: written before reading the patterns, never tuned
// on sentence by sentence) and the whole letters (brieven/). Run after `pnpm build`: `pnpm eval` (`--details`
// lists every miss and false positive). Exit code 1 when a category of the
// development set is below recall 0.90 or above a false-positive rate of 0.05.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'packages/core/dist/judgement');
if (!existsSync(join(dist, 'evaluate.js'))) {
  console.error('eval: packages/core/dist is missing; run `pnpm build` first.');
  process.exit(2);
}
const { evaluate, formatEvaluation, ALL_EVAL_CATEGORIES } = await import(pathToFileURL(join(dist, 'evaluate.js')).href);
const { readSentences, readLetters, THRESHOLDS } = await import(pathToFileURL(join(dist, 'devset.js')).href);

const details = process.argv.includes('--details');
const dir = join(root, 'fixtures/judgement');
const sets = [
  ['Ontwikkelset: zinnen', readSentences(join(dir, 'zinnen.yml')), true],
  ['Toetsset: zinnen', readSentences(join(dir, 'toetszinnen.yml')), true],
  ['Blinde set 1: zinnen', readSentences(join(dir, 'blind.yml')), true],
  // The newest blind set is the honest estimate for unseen text: reported against
  // the target, not gated (tuning on it until it passes would spoil it).
  ...(existsSync(join(dir, 'blind2.yml')) ? [['Blinde set 2: zinnen', readSentences(join(dir, 'blind2.yml')), false]] : []),
  // The third blind set (written 2026-11-27 before the third generalisation round
  // was tested on it, measured once afterwards): reported, never tuned on.
  ...(existsSync(join(dir, 'blind3.yml')) ? [['Blinde set 3: zinnen', readSentences(join(dir, 'blind3.yml')), false]] : []),
  ['Ontwikkelset: brieven', readLetters(dir), true],
  // Blind sets 4-6 (2026-12-03): three writers who saw neither the rules nor earlier sets, labelled
  // also for officialese (plain-words, nominalization); measured once before any change for issue 15.
  // Blind sets 7-9 (2026-12-03, issue 15): three more writers, same guide; committed before the first
  // measurement, which was taken once after the generalisation rounds on dev1-6 and blind 4-6.
  // Blind sets 10-12 (2026-12-03, issue 15): three more writers, same guide; committed before their
  // first measurement, taken once after the generalisation round on dev1-7 and blind 7-9.
  // Blind sets 13-15: the same, measured once after the next round (on dev1-8 and blind 4-12).
  ...readdirSync(dir)
    .filter((f) => /^blind\d+\.yml$/.test(f) && parseInt(f.slice(5), 10) >= 4)
    .sort((a, b) => parseInt(a.slice(5), 10) - parseInt(b.slice(5), 10))
    .map((f) => [`Blinde set ${parseInt(f.slice(5), 10)}: zinnen`, readSentences(join(dir, f)), false, ALL_EVAL_CATEGORIES]),
  // Development corpus for issue 15 (2026-12-03): writers who saw neither the rules, the word lists
  // nor any earlier set, only the labelling guide. Tuned on after their first measurement.
  ...readdirSync(dir)
    .filter((f) => /^dev\d+\.yml$/.test(f))
    .sort((a, b) => parseInt(a.slice(3), 10) - parseInt(b.slice(3), 10))
    .map((f) => [`Ontwikkelset ${f.slice(3, -4)}: zinnen`, readSentences(join(dir, f)), false, ALL_EVAL_CATEGORIES]),
];
let failed = false;
for (const [title, items, gate, categories] of sets) {
  const e = evaluate(items, undefined, categories);
  console.log(formatEvaluation(title, e, details));
  console.log('');
  if (!gate) {
    for (const c of e.categories) {
      if (c.recall < THRESHOLDS.recall || c.falsePositiveRate > THRESHOLDS.falsePositiveRate) {
        console.log(`${title}: ${c.category} below the target for unseen text (recall ${c.recall.toFixed(3)}, false positives ${c.falsePositiveRate.toFixed(3)}); not a gate`);
      }
    }
    continue;
  }
  for (const c of e.categories) {
    if (c.recall < THRESHOLDS.recall || c.falsePositiveRate > THRESHOLDS.falsePositiveRate) {
      console.error(`${title}: ${c.category} below threshold (recall ${c.recall.toFixed(3)}, false positives ${c.falsePositiveRate.toFixed(3)})`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
