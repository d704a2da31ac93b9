import type { Span, WordKind } from '../types.js';
import { SpanSet } from './spans.js';

export interface SpecialSpan extends Span {
  kind: Exclude<WordKind, 'word' | 'placeholder' | 'abbreviation'>;
}

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';

// Order matters: earlier kinds win where spans overlap.
const PATTERNS: [SpecialSpan['kind'], RegExp][] = [
  ['url', /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]/giu],
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/giu],
  ['url', /\b[\p{L}\p{N}-]+\.(?:nl|com|org|net|eu|be|info)(?:\/[^\s<>()"']*[^\s<>()"'.,;:!?])?(?![\p{L}\p{N}])/giu],
  ['amount', /(?:€|EUR)\s?\d{1,3}(?:\.\d{3})*(?:,(?:\d{2}|-))?|\d{1,3}(?:\.\d{3})*(?:,\d{2})?\s?(?:euro|EUR)\b/giu],
  ['phone', /(?<![\p{N}])(?:\+31[\s-]?(?:\(0\))?|0)(?:[\s-]?\d){9}(?![\p{N}])|\b0[89]00[\s-]?\d{3,7}\b/gu],
  ['date', new RegExp(String.raw`\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s(?:${MONTHS})\.?(?:\s\d{4})?\b`, 'giu')],
  ['time', /\b\d{1,2}[:.]\d{2}(?:\s?uur)?\b|\b\d{1,2}\suur\b/giu],
  ['number', /\b\d+(?:[.,]\d+)*%?/gu],
];

/**
 * Finds numbers, amounts, dates, times, e-mail addresses, URLs and phone
 * numbers. These are single tokens for every rule: never hard words, never a
 * word-choice finding, one word for readability.
 */
export function findSpecialSpans(text: string, from = 0): SpecialSpan[] {
  const found: SpecialSpan[] = [];
  for (const [kind, re] of PATTERNS) {
    const earlier = new SpanSet(found);
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) {
        re.lastIndex++;
        continue;
      }
      if (!earlier.overlaps(start, end)) found.push({ start, end, kind });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
