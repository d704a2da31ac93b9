// Reading the labelled development set (fixtures/judgement). Node-only helper
// for scripts/eval.mjs and the eval test; the rules never import it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { LabelledItem } from './evaluate.js';

function fail(file: string, where: string, reason: string): never {
  throw new Error(`${file}: ${where}: ${reason}`);
}

function list(file: string): Record<string, unknown>[] {
  const data: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data)) fail(file, 'top', 'expected a list of entries');
  return data as Record<string, unknown>[];
}

function labels(file: string, i: number, v: unknown): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(file, `entry ${i + 1}`, '"regels" should be a list of rule ids');
  return v as string[];
}

/** Sentences (`zinnen.yml`, `toetszinnen.yml`): `{zin, regels}`. */
export function readSentences(file: string): LabelledItem[] {
  return list(file).map((e, i) => {
    if (typeof e['zin'] !== 'string') fail(file, `entry ${i + 1}`, 'missing "zin"');
    return { name: `${file.split('/').pop()}#${i + 1}`, text: e['zin'] as string, rules: labels(file, i, e['regels']) };
  });
}

/** Whole letters (`brieven.yml` + `brieven/*.md`): `{bestand, regels}`. */
export function readLetters(dir: string): LabelledItem[] {
  const file = join(dir, 'brieven.yml');
  return list(file).map((e, i) => {
    if (typeof e['bestand'] !== 'string') fail(file, `entry ${i + 1}`, 'missing "bestand"');
    const name = e['bestand'] as string;
    return { name, text: readFileSync(join(dir, 'brieven', name), 'utf8'), rules: labels(file, i, e['regels']) };
  });
}

export const THRESHOLDS = { recall: 0.9, falsePositiveRate: 0.05 };
