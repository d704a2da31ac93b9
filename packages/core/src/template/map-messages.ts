import { LineIndex } from '../engine/location.js';
import type { LintMessage } from '../types.js';
import type { OffsetMap } from './offset-map.js';

/**
 * Moves a finding made on generated text (a branch variant, a filled-in
 * letter) to the template: offsets, line/column, fix and related place.
 * A fix survives only when its range is one verbatim stretch of the template.
 * `inValue` tells the caller the finding lies entirely in filled-in data.
 */
export function mapMessage(m: LintMessage, map: OffsetMap, source: LineIndex, generated: LineIndex): LintMessage & { inValue: boolean } {
  const span = map.toSourceSpan(m.offset, m.endOffset);
  const start = source.pointAt(span.start);
  const end = source.pointAt(span.end);
  const out: LintMessage & { inValue: boolean } = {
    ...m,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: span.start,
    endOffset: span.end,
    inValue: span.inValue,
  };
  delete out.fix;
  if (m.fix) {
    const [a, b] = m.fix.range;
    const r = map.toSourceSpan(a, b);
    const verbatim = a === b ? map.segmentAt(a)?.kind === 'copy' : r.exact && r.end - r.start === b - a;
    if (verbatim) out.fix = { range: [r.start, r.end], text: m.fix.text };
  }
  if (m.cause) {
    const o = map.toSource(generated.offsetAt(m.cause.line, m.cause.column));
    const p = source.pointAt(o);
    out.cause = { ...m.cause, line: p.line, column: p.column };
  }
  return out;
}

export function messageKey(m: LintMessage): string {
  return `${m.ruleId}\u0000${m.offset}\u0000${m.endOffset}\u0000${m.message}`;
}

export { LineIndex };
