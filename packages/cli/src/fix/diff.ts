// A small unified diff for `--fix-dry-run`. Written here rather than pulling
// in a diff package: fixes change a few words, so after trimming the common
// head and tail the changed middle is tiny; an LCS over it gives a minimal
// diff. Lines keep their `\r`, so the patch applies to CRLF files with
// `git apply`.

const CONTEXT = 3;

function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.split(/(?<=\n)/);
}

type Op = { kind: ' ' | '-' | '+'; line: string };

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // Too large for a table: show the middle as replaced (still a correct patch).
  if (n * m > 4_000_000) return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) ops.push({ kind: '-', line: a[i++]! });
    else ops.push({ kind: '+', line: b[j++]! });
  }
  while (i < n) ops.push({ kind: '-', line: a[i++]! });
  while (j < m) ops.push({ kind: '+', line: b[j++]! });
  return ops;
}

function diffOps(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [
    ...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...lcsOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ];
}

export interface DiffColors {
  red: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
  bold: (s: string) => string;
}

const plain: DiffColors = { red: (s) => s, green: (s) => s, cyan: (s) => s, bold: (s) => s };

/** A unified diff (`--- a/path`, `+++ b/path`, hunks with 3 lines of context); '' when equal. */
export function unifiedDiff(path: string, before: string, after: string, colors: DiffColors = plain): string {
  if (before === after) return '';
  const ops = diffOps(splitLines(before), splitLines(after));
  // Group changes into hunks with CONTEXT lines around them.
  const changed = ops.map((o, i) => (o.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(ops.length, i + CONTEXT + 1);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else hunks.push([from, to]);
  }
  let out = colors.bold(`--- a/${path}\n+++ b/${path}\n`);
  // Line numbers before each op.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let n = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(n);
    if (op.kind !== '+') o++;
    if (op.kind !== '-') n++;
  }
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to);
    const oldLen = slice.filter((x) => x.kind !== '+').length;
    const newLen = slice.filter((x) => x.kind !== '-').length;
    const oldStart = oldLen === 0 ? oldAt[from]! - 1 : oldAt[from]!;
    const newStart = newLen === 0 ? newAt[from]! - 1 : newAt[from]!;
    out += colors.cyan(`@@ -${oldStart},${oldLen} +${newStart},${newLen} @@`) + '\n';
    for (const op of slice) {
      const body = op.line.endsWith('\n') ? op.line.slice(0, -1) : op.line;
      const line = `${op.kind}${body}`;
      out += `${op.kind === '-' ? colors.red(line) : op.kind === '+' ? colors.green(line) : line}\n`;
      if (!op.line.endsWith('\n')) out += '\\ No newline at end of file\n';
    }
  }
  return out;
}
