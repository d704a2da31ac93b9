import type { Span, WordKind } from '../types.js';
import { SpanSet } from './spans.js';

export interface SpecialSpan extends Span {
  kind: Exclude<WordKind, 'word' | 'placeholder' | 'abbreviation'>;
}

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';

// Order matters: earlier kinds win where spans overlap.
// Performance: a global scan with `\p{…}` classes and the `u` flag tries every
// offset slowly, so e-mail addresses and bare domains are anchored at their
// "@" or ".nl"/".com"/… (same matches, ~20× faster), and the date and time
// patterns (ASCII only) drop the `u` flag (which only changes \b for "ſ" and
// the Kelvin sign).
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/iuy;
const EMAIL_PART = /^[\p{L}\p{N}._%+-]$/u;
const DOMAIN = /\b[\p{L}\p{N}-]+\.(?:nl|com|org|net|eu|be|info)(?:\/[^\s<>()"']*[^\s<>()"'.,;:!?])?(?![\p{L}\p{N}])/iuy;
const DOMAIN_PART = /^[\p{L}\p{N}-]$/u;
const TLD = /\.(?:nl|com|org|net|eu|be|info)(?![\p{L}\p{N}])/giu;

/**
 * A Dutch phone number as letters write them: "0299 452 452", "06-12345678",
 * "010 - 123 45 67", "(010) 123 45 67", "+31 (0)20 123 4567", "0031 6 ...",
 * service numbers ("0800-1234", "0900 123 45 67") and Belgian numbers of Flemish
 * letters ("052 21 43 65", "+32 52 21 43 65"). The digits after the
 * prefix are counted exactly, so a following number is never swallowed.
 */
const SEP = String.raw`(?:\s?[-–]\s?|[ .\u00a0])?`;
export const PHONE = new RegExp(
  String.raw`(?<![\p{N}+])(?:(?:\+31|0031)[\s-]?(?:\(0\)\s?)?(?:${SEP}\d){9}|\(0\d{2}\)\s?(?:${SEP}\d){7}|\(0\d{3}\)\s?(?:${SEP}\d){6}|0[89]0[069]${SEP}\d(?:${SEP}\d){2,6}|0(?:${SEP}\d){9}|(?:\+32|0032)[\s-]?(?:\(0\)\s?)?(?:${SEP}\d){8}|0\d{2}[ ./]\d{2}[ ./]\d{2}[ ./]\d{2}|0\d[ ./]\d{3}[ ./]\d{2}[ ./]\d{2})(?![\p{N}])`,
  'gu',
);

type Finder = (text: string, from: number, found: (start: number, end: number) => void) => void;

/** Every match of a global regex from `from`, as `re.exec` would find them. */
const scan =
  (re: RegExp): Finder =>
  (text, from, found) => {
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found(m.index, m.index + m[0].length);
    }
  };

/** Start of the run of `part` characters ending at `end` (not before `min`), surrogate pairs as one character. */
function runStart(text: string, end: number, min: number, part: RegExp): number {
  let p = end;
  while (p > min) {
    const low = text.charCodeAt(p - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && p - 2 >= min ? text.slice(p - 2, p) : '';
    if (pair && part.test(pair)) p -= 2;
    else if (part.test(text[p - 1]!)) p--;
    else break;
  }
  return p;
}

/** The leftmost match of sticky `re` that starts in [from, before) and after `last`. */
function stickyFrom(re: RegExp, text: string, from: number, before: number): [number, number] | null {
  for (let p = from; p < before; p++) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (m) return [p, p + m[0].length];
    // The local part is the same from every later start: one failure is final.
    if (re === EMAIL) return null;
  }
  return null;
}

/** E-mail addresses, anchored at each "@". */
const emails: Finder = (text, from, found) => {
  let last = from;
  for (let at = text.indexOf('@', from); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at <= last) continue;
    const m = stickyFrom(EMAIL, text, runStart(text, at, last, EMAIL_PART), at);
    if (m) {
      found(m[0], m[1]);
      last = m[1];
    }
  }
};

/** Bare domains ("woonstad.nl/storing"), anchored at each ".nl", ".com", … */
const domains: Finder = (text, from, found) => {
  let last = from;
  TLD.lastIndex = from;
  for (let t = TLD.exec(text); t; t = TLD.exec(text)) {
    if (t.index < last) continue;
    const m = stickyFrom(DOMAIN, text, runStart(text, t.index, last, DOMAIN_PART), t.index);
    if (m) {
      found(m[0], m[1]);
      last = m[1];
      TLD.lastIndex = Math.max(TLD.lastIndex, last);
    }
  }
};

/**
 * URLs: every match begins with "http" or "www." (case folding with the `u` flag maps no other
 * character to h, t, p or w), so the pattern is tried only where an ASCII search finds one of them,
 * instead of at every offset (the same matches, in the same order, as a global scan).
 */
const URL_AT = /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]/iuy;
const URL_START = /http|www\./gi;
const urls: Finder = (text, from, found) => {
  URL_START.lastIndex = from;
  for (let c = URL_START.exec(text); c; c = URL_START.exec(text)) {
    URL_AT.lastIndex = c.index;
    const m = URL_AT.exec(text);
    if (m) {
      found(c.index, c.index + m[0].length);
      URL_START.lastIndex = c.index + m[0].length;
    } else {
      URL_START.lastIndex = c.index + 1;
    }
  }
};

/** The URLs that begin with "http" or "www." from `from` on, as [start, end] (for tests). */
export function findUrls(text: string, from = 0): [number, number][] {
  const out: [number, number][] = [];
  urls(text, from, (start, end) => out.push([start, end]));
  return out;
}

const PATTERNS: [SpecialSpan['kind'], Finder][] = [
  ['url', urls],
  ['email', emails],
  ['url', domains],
  ['amount', scan(/(?:€|EUR)\s?\d{1,3}(?:\.\d{3})*(?:,(?:\d{2}|-))?|\d{1,3}(?:\.\d{3})*(?:,\d{2})?\s?(?:euro|EUR)\b/giu)],
  // IBANs before phone numbers: "NL18 INGB 0001 2345 67" holds a run of digits that looks like one.
  ['code', scan(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b|(?<![\p{L}\p{N}])\d{4} ?[A-Z]{2}(?![\p{L}\p{N}])/gu)],
  ['phone', scan(PHONE)],
  ['date', scan(new RegExp(String.raw`\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s(?:${MONTHS})\.?(?:\s\d{4})?\b`, 'gi'))],
  ['time', scan(/\b\d{1,2}[:.]\d{2}(?:\s?uur)?\b|\b\d{1,2}\suur\b/gi)],
  ['number', scan(/\b\d+(?:[.,]\d+)*%?/gu)],
];

/**
 * Finds numbers, amounts, dates, times, e-mail addresses, URLs and phone
 * numbers. These are single tokens for every rule: never hard words, never a
 * word-choice finding, one word for readability.
 */
export function findSpecialSpans(text: string, from = 0): SpecialSpan[] {
  const found: SpecialSpan[] = [];
  for (const [kind, find] of PATTERNS) {
    const earlier = new SpanSet(found);
    find(text, from, (start, end) => {
      if (!earlier.overlaps(start, end)) found.push({ start, end, kind });
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
