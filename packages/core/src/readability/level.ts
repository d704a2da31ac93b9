// An explainable estimate of the CEFR reading level (A2, B1, B2, C1) of a letter.
//
// No formula defines B1 for texts. Tools that estimate it (Klinkende Taal,
// Texamen, Leesniveautool) use sentence length, word length, passive
// sentences and paragraph length, each with a maximum per level; Jansen &
// Boersma found sentence and word length explain most of the comprehension
// differences. We do the same, openly: each measure has a maximum per level,
// a measure's level is the lowest level whose maximum it meets, and the
// letter's level is the highest of those. `levelReasons` names every measure
// above the target level, with its value and the target's maximum.
import type { Level } from '../types.js';

export const LEVELS: readonly Level[] = ['A2', 'B1', 'B2', 'C1'];

export interface LevelInputs {
  avgSentenceLength: number;
  longSentenceShare: number;
  avgSyllablesPerWord: number;
  longWordShare: number;
  passiveShare: number;
  longestParagraph: number;
  fleschDouma: number;
}

interface Measure {
  key: keyof LevelInputs;
  /** Limits for A2, B1 and B2 (above B2: C1). */
  limits: [number, number, number];
  /** true: the value must be at least the limit (Flesch-Douma); false: at most. */
  atLeast?: boolean;
  describe(value: number, limit: number, level: Level, formula: string): string;
}

const nl1 = (n: number) => n.toFixed(1).replace('.', ',');
const nl2 = (n: number) => n.toFixed(2).replace('.', ',');
const pct = (n: number) => `${Math.round(n * 100)}%`;

/** Maxima per level. Tuned on realistic tenant letters (see test/readability/level.test.ts). */
export const MEASURES: readonly Measure[] = [
  {
    key: 'avgSentenceLength',
    limits: [11, 15, 20],
    describe: (v, l, t) => `de zinnen zijn gemiddeld ${nl1(v)} woorden lang (${t}: hoogstens ${l})`,
  },
  {
    key: 'longSentenceShare',
    limits: [0.05, 0.2, 0.35],
    describe: (v, l, t) => `${pct(v)} van de zinnen heeft meer dan 20 woorden (${t}: hoogstens ${pct(l)})`,
  },
  {
    key: 'avgSyllablesPerWord',
    limits: [1.62, 1.75, 1.9],
    describe: (v, l, t) => `de woorden hebben gemiddeld ${nl2(v)} lettergrepen (${t}: hoogstens ${nl2(l)})`,
  },
  {
    key: 'longWordShare',
    limits: [0.06, 0.1, 0.15],
    describe: (v, l, t) => `${pct(v)} van de woorden heeft 4 of meer lettergrepen (${t}: hoogstens ${pct(l)})`,
  },
  {
    key: 'passiveShare',
    limits: [0.1, 0.25, 0.4],
    describe: (v, l, t) => `${pct(v)} van de zinnen staat in de lijdende vorm (${t}: hoogstens ${pct(l)})`,
  },
  {
    key: 'longestParagraph',
    limits: [50, 80, 120],
    describe: (v, l, t) => `de langste alinea heeft ${v} woorden (${t}: hoogstens ${l})`,
  },
  {
    key: 'fleschDouma',
    limits: [70, 60, 45],
    atLeast: true,
    describe: (v, l, t, f) => `de ${f}-score is ${nl1(v)} (${t}: minstens ${l})`,
  },
];

function measureLevel(m: Measure, v: number): number {
  for (let i = 0; i < 3; i++) {
    const limit = m.limits[i]!;
    if (m.atLeast ? v >= limit : v <= limit + 1e-9) return i;
  }
  return 3;
}

export interface LevelEstimate {
  level: Level;
  /** Dutch: which measures push the letter above the target level. */
  reasons: string[];
}

/** `formula`: the name shown for the `fleschDouma` input (English letters use Flesch Reading Ease). */
export function estimateLevel(inputs: LevelInputs, target: Level, formula = 'Flesch-Douma'): LevelEstimate {
  const targetIndex = LEVELS.indexOf(target);
  let highest = 0;
  const reasons: string[] = [];
  for (const m of MEASURES) {
    const v = inputs[m.key];
    const i = measureLevel(m, v);
    highest = Math.max(highest, i);
    if (i > targetIndex && targetIndex < 3) reasons.push(m.describe(v, m.limits[targetIndex]!, target, formula));
  }
  return { level: LEVELS[highest]!, reasons };
}
