import type { LetterDocument, Span } from '../types.js';
import { SpanSet } from './spans.js';

// Quoted text in a letter: a tenant's own words ("U schreef: “Kunnen jullie de
// kraan maken?”"), a quoted article of the contract, a Markdown block quote.
// What is quoted is not the letter's own voice: it does not decide the form of
// address, and a fix never rewrites it.

/** Opening quote → closing quote. Straight single quotes are left out ("'s avonds", "zo'n"). */
const PAIRS: Record<string, string> = { '“': '”', '„': '”', '‘': '’', '"': '"', '‚': '’' };

const cache = new WeakMap<LetterDocument, SpanSet>();

/** Spans inside quotation marks (the marks included) and Markdown block quotes. */
export function quotedSpans(doc: LetterDocument): SpanSet {
  let set = cache.get(doc);
  if (set) return set;
  const spans: Span[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'blockquote') {
      spans.push({ start: b.start, end: b.end });
      continue;
    }
    const text = doc.text.slice(b.start, b.end);
    for (let i = 0; i < text.length; i++) {
      const close = PAIRS[text[i]!];
      if (!close) continue;
      // A straight double quote opens only before a letter and after a space or start.
      if (text[i] === '"' && !(/\p{L}|\p{N}/u.test(text[i + 1] ?? '') && (i === 0 || /[\s(:]/u.test(text[i - 1]!)))) continue;
      if (text[i] === '‘' && !/\p{L}/u.test(text[i + 1] ?? '')) continue;
      let j = text.indexOf(close, i + 1);
      // "’" is also an apostrophe ("zo’n"): the closing one stands after a letter or mark, before a space or mark.
      while (j !== -1 && close === '’' && /\p{L}/u.test(text[j + 1] ?? '')) j = text.indexOf(close, j + 1);
      if (j === -1) continue;
      spans.push({ start: b.start + i, end: b.start + j + 1 });
      i = j;
    }
  }
  set = new SpanSet(spans);
  cache.set(doc, set);
  return set;
}
