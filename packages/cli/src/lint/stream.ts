import type { Severity } from '@huurbrief/core';
import { json } from '../formatters/json.js';
import { addToTotals, stylishFile, stylishSummary, type StylishTotals } from '../formatters/stylish.js';
import type { FileReport } from '../formatters/types.js';

/** What decides whether a run can stream its output. */
export interface StreamFlags {
  format: string;
  quiet?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  outputFile?: string;
  stdin?: boolean;
}

export interface OutputStream {
  /** Give to runLint as `onReport`: writes the letter's output now, keeps only its severities. */
  onReport: (report: FileReport) => void;
  /** Writes the end of the output (json's `]`, stylish's summary). */
  end: (problems: number) => void;
  /**
   * Give to runLint as `drain`: a promise while the output waits to be written (the last write
   * filled the stream's buffer), resolved once it is written; else undefined.
   */
  drain: () => Promise<void> | undefined;
}

/** Where streamed output goes: process.stdout, or a test's stand-in. */
export type OutputTarget = Pick<NodeJS.WritableStream, 'write' | 'once' | 'off'> & { writableNeedDrain?: boolean; destroyed?: boolean; isTTY?: boolean };

/**
 * Streams stylish or json output letter by letter, so a run over 10,000
 * letters does not hold every finding until the end (peak memory ≤ 300 MB).
 * The bytes are exactly what the formatter writes for the whole run; runLint
 * delivers letters in the same sorted order. Not for --fix (it needs the
 * findings), --output-file, stdin or the other formats (they need everything).
 */
export function outputStream(flags: StreamFlags, color: boolean, out: OutputTarget = process.stdout): OutputStream | undefined {
  // Not at a terminal: there the progress line shares the screen (and nobody reads 10,000 letters there).
  if (flags.fix || flags.fixDryRun || flags.outputFile !== undefined || flags.stdin || out.isTTY) return undefined;
  const write = (s: string) => void out.write(s);
  // A pipe is written asynchronously: while the (synchronous) lint loop runs, what the reader has not
  // taken yet piles up in memory. 10,000 letters to a pipe held up to 100 MB of json that way.
  const drain = (): Promise<void> | undefined => {
    if (!out.writableNeedDrain || out.destroyed) return undefined;
    return new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done);
        out.off('close', done);
        resolve();
      };
      out.once('drain', done);
      // A reader that went away (EPIPE is handled by the bin): do not wait for ever.
      out.once('close', done);
    });
  };
  const keep = (r: FileReport): FileReport => (flags.quiet ? { ...r, messages: r.messages.filter((m) => m.severity === 'error') } : r);
  if (flags.format === 'json') {
    let first = true;
    return {
      onReport: (report) => {
        // json([r]) is "[\n" + the indented entry + "\n]\n".
        const entry = json([keep(report)], { color: false, cwd: '' }).slice(2, -3);
        write(first ? `[\n${entry}` : `,\n${entry}`);
        first = false;
        shrink(report);
      },
      end: () => write(first ? '[]\n' : '\n]\n'),
      drain,
    };
  }
  if (flags.format === 'stylish') {
    const totals: StylishTotals = { error: 0, warning: 0, info: 0, fixable: 0, files: 0 };
    return {
      onReport: (report) => {
        const r = keep(report);
        // --quiet: a letter without errors is not shown at all (as ESLint does).
        if (!flags.quiet || r.messages.length > 0) {
          write(stylishFile(r, color));
          addToTotals(totals, r);
        }
        shrink(report);
      },
      // Only problems and no letter: the problems say it all. --quiet without errors: silence.
      end: (problems) => {
        if (flags.quiet && totals.error === 0) return;
        if (totals.files > 0 || problems === 0) write(stylishSummary(totals, color));
      },
      drain,
    };
  }
  return undefined;
}

type Message = FileReport['messages'][number];
const SKELETON: Record<Severity, Message> = {
  error: Object.freeze({ severity: 'error' }) as Message,
  warning: Object.freeze({ severity: 'warning' }) as Message,
  info: Object.freeze({ severity: 'info' }) as Message,
};

/** After streaming, a report keeps only what the exit code needs: its severities (shared objects). */
function shrink(report: FileReport): void {
  report.messages = report.messages.map((m) => SKELETON[m.severity]);
  delete report.baseline;
}
