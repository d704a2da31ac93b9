import type { Span } from '../types.js';

/**
 * One piece of generated text and where it came from in the template:
 * `copy` pieces are template text copied verbatim (offsets map one to one),
 * `value` pieces are data filled in for a placeholder (every offset inside
 * maps to the placeholder as a whole).
 */
export interface Segment {
  /** Range in the generated text. */
  start: number;
  end: number;
  /** Range in the template. */
  sourceStart: number;
  sourceEnd: number;
  kind: 'copy' | 'value';
}

/** Maps offsets in generated text (a branch variant, a rendered letter) back to the template. */
export class OffsetMap {
  readonly segments: Segment[] = [];
  private length = 0;

  /** Appends template text [start, end) copied verbatim; returns it. */
  copy(source: string, start: number, end: number): string {
    if (end <= start) return '';
    this.push({ start: this.length, end: this.length + (end - start), sourceStart: start, sourceEnd: end, kind: 'copy' });
    return source.slice(start, end);
  }

  /** Appends a value filled in for the placeholder at `placeholder`; returns it. */
  value(text: string, placeholder: Span): string {
    if (text.length === 0) return '';
    this.push({ start: this.length, end: this.length + text.length, sourceStart: placeholder.start, sourceEnd: placeholder.end, kind: 'value' });
    return text;
  }

  private push(s: Segment): void {
    const last = this.segments[this.segments.length - 1];
    // Merge adjacent verbatim copies so lookups stay short.
    if (last && last.kind === 'copy' && s.kind === 'copy' && last.end === s.start && last.sourceEnd === s.sourceStart) {
      last.end = s.end;
      last.sourceEnd = s.sourceEnd;
    } else {
      this.segments.push(s);
    }
    this.length = s.end;
  }

  /** The segment holding generated offset `offset` (the last one for the very end). */
  segmentAt(offset: number): Segment | undefined {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segs[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return offset >= this.length ? segs[segs.length - 1] : undefined;
  }

  /** Template offset of a start offset in the generated text. */
  toSource(offset: number): number {
    const s = this.segmentAt(offset);
    if (!s) return 0;
    if (offset >= s.end) return s.sourceEnd;
    return s.kind === 'copy' ? s.sourceStart + (offset - s.start) : s.sourceStart;
  }

  /** Template offset of an end offset (exclusive) in the generated text. */
  toSourceEnd(offset: number): number {
    if (offset <= 0) return this.toSource(0);
    const s = this.segmentAt(offset - 1);
    if (!s) return 0;
    return s.kind === 'copy' ? s.sourceStart + (offset - s.start) : s.sourceEnd;
  }

  /** Value segments (filled-in data) that overlap the generated range [start, end). */
  valuesIn(start: number, end: number): Segment[] {
    const e = Math.max(end, start + 1);
    return this.segments.filter((s) => s.kind === 'value' && s.start < e && s.end > start);
  }

  /** Maps a generated range; `exact` is true when it is one verbatim stretch of the template. */
  toSourceSpan(start: number, end: number): Span & { exact: boolean; inValue: boolean } {
    const a = this.segmentAt(start);
    const b = end > start ? this.segmentAt(end - 1) : a;
    const s = this.toSource(start);
    const e = Math.max(s, end > start ? this.toSourceEnd(end) : s);
    return { start: s, end: e, exact: a !== undefined && a === b && a.kind === 'copy', inValue: a !== undefined && a === b && a.kind === 'value' };
  }
}
