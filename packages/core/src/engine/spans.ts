import type { Span } from '../types.js';

/** Sorted, non-overlapping spans with a fast "is this offset inside one" test. */
export class SpanSet {
  readonly spans: Span[];

  constructor(spans: Iterable<Span>) {
    const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
    const merged: Span[] = [];
    for (const s of sorted) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else merged.push({ start: s.start, end: s.end });
    }
    this.spans = merged;
  }

  /** The span containing `offset`, if any. */
  find(offset: number): Span | undefined {
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.spans[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  has(offset: number): boolean {
    return this.find(offset) !== undefined;
  }

  /** True when [start, end) overlaps any span. */
  overlaps(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.spans[mid]!;
      if (end <= s.start) hi = mid - 1;
      else if (start >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
