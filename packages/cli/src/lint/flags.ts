import { InvalidArgumentError, Option } from 'commander';
import type { LintRunOptions } from './run.js';
import { parseConcurrency, type Concurrency } from './workers.js';

/** The performance flags of `huurbrief lint`. */
export interface PerformanceFlags {
  cache?: boolean;
  cacheLocation?: string;
  concurrency?: Concurrency;
  /** `--timing` alone: true (10 rules); `--timing 25` or `--timing all`. */
  timing?: boolean | number;
}

export function performanceOptions(): Option[] {
  return [
    new Option('--cache', 'onthoud uitkomsten en controleer alleen gewijzigde brieven opnieuw (bestand .huurbriefcache)'),
    new Option('--cache-location <pad>', 'pad van het cachebestand (standaard .huurbriefcache in de huidige map)'),
    new Option('--concurrency <aantal>', 'controleer met meerdere threads: auto, off of een aantal (auto: vanaf 50 brieven)').argParser((value: string) => {
      const parsed = parseConcurrency(value);
      if (parsed === undefined) throw new InvalidArgumentError('kies auto, off of een positief geheel getal');
      return parsed;
    }),
    new Option('--timing [aantal]', 'toon de traagste regels op stderr (standaard 10; "all" voor alle)').argParser((value: string) => {
      if (value === 'all') return Number.POSITIVE_INFINITY;
      if (/^\d+$/.test(value) && Number(value) > 0) return Number(value);
      throw new InvalidArgumentError('geef een positief geheel getal of "all"');
    }),
  ];
}

/** The runLint options for the flags. */
export function performanceRunOptions(flags: PerformanceFlags): Partial<LintRunOptions> {
  const out: Partial<LintRunOptions> = {};
  if (flags.cache || flags.cacheLocation) out.cache = true;
  if (flags.cacheLocation) out.cacheLocation = flags.cacheLocation;
  if (flags.concurrency !== undefined) out.concurrency = flags.concurrency;
  if (flags.timing) out.timing = true;
  return out;
}

/**
 * ESLint-style TIMING table of the slowest rules (Dutch headings). Work that rules
 * share (ids in parentheses, see core's engine/shared-work.ts) is always shown,
 * on its own line after the rules.
 */
export function timingTable(timings: ReadonlyMap<string, number>, limit = 10): string {
  const all = [...timings].sort((a, b) => b[1] - a[1]);
  const total = all.reduce((sum, [, ms]) => sum + ms, 0);
  const rows = all.filter(([id]) => !id.startsWith('('));
  const shown = rows.slice(0, limit);
  const fmt = (ms: number) => ms.toFixed(1);
  const pct = (ms: number) => `${total > 0 ? ((ms * 100) / total).toFixed(1) : '0.0'}%`;
  const body: [string, string, string][] = shown.map(([id, ms]) => [id, fmt(ms), pct(ms)]);
  if (rows.length > shown.length) {
    const rest = rows.slice(shown.length).reduce((sum, [, ms]) => sum + ms, 0);
    body.push([`(${rows.length - shown.length} andere regels)`, fmt(rest), pct(rest)]);
  }
  for (const [id, ms] of all) if (id.startsWith('(')) body.push([id, fmt(ms), pct(ms)]);
  body.push(['totaal', fmt(total), '100.0%']);
  const head: [string, string, string] = ['Regel', 'Tijd (ms)', 'Relatief'];
  const w = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...body.map((r) => r[i]!.length)));
  const line = (r: [string, string, string]) => `${r[0].padEnd(w[0]!)} | ${r[1].padStart(w[1]!)} | ${r[2].padStart(w[2]!)}`;
  return `${[line(head), `${':'.padEnd(w[0]! + 1, '-')}|${'-'.repeat(w[1]! + 1)}:|${'-'.repeat(w[2]!)}:`, ...body.map(line)].join('\n')}\n`;
}

/** Prints the timing table and run warnings on stderr. */
export function reportPerformance(run: { timings?: Map<string, number>; warnings?: string[] }, flags: PerformanceFlags): void {
  for (const w of run.warnings ?? []) process.stderr.write(`huurbrief: waarschuwing: ${w}\n`);
  if (flags.timing && run.timings) process.stderr.write(timingTable(run.timings, typeof flags.timing === 'number' ? flags.timing : 10));
}
