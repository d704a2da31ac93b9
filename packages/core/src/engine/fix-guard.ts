import type { Fix, LetterDocument, Sentence } from '../types.js';

// The checks every fix passes, whatever rule offers it (one decision for
// `--fix`, `--fix-dry-run` and the editor). A fix that fails one is dropped;
// the finding stays, with its suggestion in the message. Precision first: a
// broken sentence in a letter to 4,000 tenants is worse than no fix.

/** The sentence that holds [start, end), or undefined when the range crosses sentences. */
export function sentenceAt(doc: LetterDocument, start: number, end: number): Sentence | undefined {
  const list = doc.sentences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (s.end < start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return end <= s.end ? s : undefined;
  }
  return undefined;
}

interface Token {
  text: string;
  start: number;
  end: number;
}
const tokensOf = (text: string, offset: number): Token[] => [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length }));

/** Which tokens of `a` are kept unchanged in `b` (longest common subsequence of whitespace tokens). */
function kept(a: readonly Token[], b: readonly Token[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i]!.text === b[j]!.text ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out = new Array<boolean>(n).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.text === b[j]!.text) {
      out[i] = true;
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

const QUOTES = /["“”„«»]/;
/** True when `offset` lies inside a quotation opened earlier in the block ("...", “...”, „...”, ‘...’). */
export function insideQuotation(text: string, blockStart: number, offset: number): boolean {
  let double = false;
  let curly = false;
  let single = false;
  for (let i = blockStart; i < offset; i++) {
    const c = text[i]!;
    if (c === '"') double = !double;
    else if (c === '“' || c === '„') curly = true;
    else if (c === '”') curly = false;
    else if (c === '‘' && (i === blockStart || /[\s([]/.test(text[i - 1]!))) single = true;
    else if (c === '’' && single && !/\p{L}/u.test(text[i + 1] ?? '')) single = false;
  }
  return double || curly || single;
}

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '');
const isCaps = (s: string) => {
  const l = letters(s);
  return l.length >= 2 && l === l.toUpperCase() && l !== l.toLowerCase();
};
const hasCapital = (s: string) => /\p{Lu}/u.test(s);
const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);

/**
 * True when a fix may be applied: it stays inside one sentence, leaves every
 * placeholder, URL, code, HTML or control comment, number, amount and date in
 * its range byte for byte, is not in a quotation, changes no word in capitals
 * (a merge field like ACHTERNAAM, an acronym) and no name (a capital inside
 * the sentence, unless only its spelling is fixed), keeps a sentence-initial
 * capital, and does not double a word next to it ("ook ook", "herinnering en
 * herinnering").
 */
export function guardFix(doc: LetterDocument, fix: Fix): boolean {
  const [start, end] = fix.range;
  const text = doc.text;
  if (start < 0 || end < start || end > text.length) return false;
  const sentence = sentenceAt(doc, start, Math.max(start, end));
  if (!sentence) return false;
  const original = text.slice(start, end);
  if (original === fix.text) return true;
  if (insideQuotation(text, sentence.block.start, start) || QUOTES.test(original) || QUOTES.test(fix.text)) return false;

  const before = tokensOf(original, start);
  const after = tokensOf(fix.text, 0);
  const same = kept(before, after);
  const changed = before.filter((_, i) => !same[i]);
  // Opaque spans (placeholders, code, HTML and control comments, URLs, e-mail, front matter) and numbers: only ever copied.
  const protectedSpans = [...doc.opaque.filter((o) => o.start < end && o.end > start), ...sentence.words.filter((w) => w.kind !== 'word' && w.kind !== 'abbreviation' && w.start < end && w.end > start)];
  for (const p of protectedSpans) {
    if (p.start < start || p.end > end) return false;
    if (changed.some((t) => t.start < p.end && t.end > p.start)) return false;
  }
  const caseOnly = original.toLowerCase() === fix.text.toLowerCase();
  const first = sentence.words[0];
  for (const t of changed) {
    // A word in capitals is never rewritten or lower-cased.
    if (isCaps(t.text)) return false;
    // A capital inside the sentence is a name (or a product name whose spelling is the fix).
    if (hasCapital(t.text) && !(first && t.start === first.start) && !caseOnly) return false;
    if (hasCapital(letters(t.text).slice(1)) && !caseOnly) return false;
  }
  // A sentence-initial capital moves with the sentence start.
  if (first && first.start === start && hasCapital(original[0]!) && /\p{Ll}/u.test(fix.text[0] ?? '')) return false;
  if (first && first.start === start && /\p{Ll}/u.test(original[0] ?? '') && hasCapital(fix.text[0] ?? '') && !hasCapital(letters(fix.text).slice(1))) {
    // A lower-case start (a list item, a continuation) stays lower-case.
    return false;
  }

  // No doubled words next to the fix, and no replacement that repeats a word close by.
  const added = words(fix.text);
  if (added.length) {
    const idx = sentence.words.findIndex((w) => w.end > start);
    const lastIdx = sentence.words.findIndex((w) => w.start >= end);
    const prev = idx > 0 ? sentence.words[idx - 1] : undefined;
    const next = lastIdx >= 0 ? sentence.words[lastIdx] : undefined;
    if (prev && prev.end <= start && prev.lower === added[0]) return false;
    if (next && next.lower === added[added.length - 1]) return false;
    const near = [
      ...sentence.words.slice(Math.max(0, idx - 3), idx),
      ...(lastIdx >= 0 ? sentence.words.slice(lastIdx, lastIdx + 3) : []),
    ].map((w) => w.lower);
    const own = new Set(words(original));
    if (added.some((a) => a.length >= 3 && !own.has(a) && near.includes(a))) return false;
  }
  return true;
}
