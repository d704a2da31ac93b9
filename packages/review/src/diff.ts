// A small line diff (LCS) for `review diff`: letters are a few hundred lines at most, so the
// quadratic table is fine; beyond a size cap the whole text is shown as replaced.

export interface DiffHunk {
  /** 1-based start lines and counts, as in a unified diff header. */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: { op: ' ' | '-' | '+'; text: string }[];
}

const MAX_CELLS = 4_000_000;

function lineOps(a: string[], b: string[]): { op: ' ' | '-' | '+'; text: string }[] {
  // Trim a common prefix and suffix first: most edits are small.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  const mid: { op: ' ' | '-' | '+'; text: string }[] = [];
  if ((x.length + 1) * (y.length + 1) > MAX_CELLS) {
    for (const t of x) mid.push({ op: '-', text: t });
    for (const t of y) mid.push({ op: '+', text: t });
  } else {
    const w = y.length + 1;
    const table = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        table[i * w + j] = x[i] === y[j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) {
        mid.push({ op: ' ', text: x[i]! });
        i++;
        j++;
      } else if (i < x.length && (j === y.length || table[(i + 1) * w + j]! >= table[i * w + j + 1]!)) {
        mid.push({ op: '-', text: x[i++]! });
      } else {
        mid.push({ op: '+', text: y[j++]! });
      }
    }
  }
  return [
    ...a.slice(0, pre).map((text) => ({ op: ' ' as const, text })),
    ...mid,
    ...a.slice(a.length - suf).map((text) => ({ op: ' ' as const, text })),
  ];
}

/** Unified-diff hunks between two texts (line endings already normalised). */
export function diffLines(oldText: string, newText: string, context = 3): DiffHunk[] {
  const split = (t: string) => (t === '' ? [] : t.replace(/\n$/, '').split('\n'));
  const ops = lineOps(split(oldText), split(newText));
  const hunks: DiffHunk[] = [];
  let oldNo = 1;
  let newNo = 1;
  let current: DiffHunk | undefined;
  let lastChange = -Infinity;
  const pos: { oldNo: number; newNo: number }[] = [];
  for (const o of ops) {
    pos.push({ oldNo, newNo });
    if (o.op !== '+') oldNo++;
    if (o.op !== '-') newNo++;
  }
  for (let k = 0; k < ops.length; k++) {
    if (ops[k]!.op === ' ') continue;
    const from = Math.max(0, k - context);
    if (!current || from > lastChange + context) {
      current = { oldStart: pos[from]!.oldNo, oldLines: 0, newStart: pos[from]!.newNo, newLines: 0, lines: [] };
      hunks.push(current);
      for (let c = from; c < k; c++) current.lines.push(ops[c]!);
    } else {
      for (let c = lastChange + 1; c < k; c++) current.lines.push(ops[c]!);
    }
    current.lines.push(ops[k]!);
    lastChange = k;
    // Trailing context is added when the next change starts a new hunk or at the end.
    const next = ops.findIndex((o, idx) => idx > k && o.op !== ' ');
    if (next === -1 || next > k + 2 * context) {
      for (let c = k + 1; c <= Math.min(ops.length - 1, k + context); c++) current.lines.push(ops[c]!);
    }
  }
  for (const h of hunks) {
    h.oldLines = h.lines.filter((l) => l.op !== '+').length;
    h.newLines = h.lines.filter((l) => l.op !== '-').length;
  }
  return hunks;
}
