import { buildTemplateTree, type TemplateTree } from '../../template/tree.js';
import type { Block, LetterDocument, Sentence, Word } from '../../types.js';

const trees = new WeakMap<LetterDocument, TemplateTree>();
/** The section tree of a letter, built once per document and shared by the rules. */
export function templateTree(doc: LetterDocument): TemplateTree {
  let t = trees.get(doc);
  if (!t) {
    t = buildTemplateTree(doc.text, doc.placeholders, doc.frontMatter?.end ?? 0);
    trees.set(doc, t);
  }
  return t;
}

/** Kinds that stand for "some value" in a pattern: written as `#`. */
const VALUE_KINDS = new Set<Word['kind']>(['placeholder', 'number', 'amount', 'date', 'time', 'email', 'url', 'phone', 'code']);

export interface WordKey {
  /** Lower-cased words joined by single spaces; values (placeholders, dates, numbers, ...) as `#`. */
  key: string;
  /** Offset in `key` where each word starts. */
  at: number[];
}

const keys = new WeakMap<Sentence, WordKey>();
/** A sentence as a flat string for phrase patterns (see `matchKey`). */
export function sentenceKey(s: Sentence): WordKey {
  let k = keys.get(s);
  if (!k) {
    const at: number[] = [];
    let key = '';
    for (const w of s.words) {
      if (key) key += ' ';
      at.push(key.length);
      key += VALUE_KINDS.has(w.kind) ? '#' : w.lower.replace(/[.,:;!?]+$/u, '');
    }
    k = { key, at };
    keys.set(s, k);
  }
  return k;
}

export interface KeyMatch {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
}

/** Matches a pattern against a sentence key and returns the words it covers. */
export function matchKey(s: Sentence, re: RegExp): KeyMatch | null {
  const { key, at } = sentenceKey(s);
  const m = re.exec(key);
  if (!m || m[0].length === 0) return null;
  const from = m.index;
  const to = m.index + m[0].trimEnd().length;
  let first = 0;
  while (first + 1 < at.length && at[first + 1]! <= from) first++;
  let last = first;
  while (last + 1 < at.length && at[last + 1]! < to) last++;
  const a = s.words[first]!;
  const b = s.words[last]!;
  return { first, last, start: a.start, end: b.end, text: s.block ? textOf(s, a.start, b.end) : '' };
}

function textOf(s: Sentence, start: number, end: number): string {
  return s.text.slice(start - s.start, end - s.start);
}

/** Blocks of the letter body: no headings, greeting, closing or signature. */
export function bodyBlocks(doc: LetterDocument): Block[] {
  return doc.blocks.filter((b) => b.role === 'body');
}

export function wordCount(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) for (const s of b.sentences) n += s.words.length;
  return n;
}

/** Escapes a string for use in a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower-cased, punctuation-free phrase for comparing short texts like subjects. */
export function normalisePhrase(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s{}«»#-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Placeholders that hold a date (`{{datum}}`, `«Uiterlijke_datum»`, `[deadline]`). */
export const DATE_PLACEHOLDER = /datum|date|deadline|uiterlijk|termijn|dag\b|moment|tijdstip/i;
