import type { Point } from '../types.js';

/**
 * Offsets to 1-based line/column points. Line breaks are `\r\n`, `\n` or `\r`,
 * so positions are right for CRLF files too. Columns count UTF-16 code units,
 * like LSP and ESLint.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  pointAt(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1, offset: o };
  }

  /** Offset of a 1-based line/column point (clamped to the text). */
  offsetAt(line: number, column: number): number {
    const start = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
    return Math.min(this.text.length, start + Math.max(0, column - 1));
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
