import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 settings of the server process (issue 20: RSS after 1,000 edits ≤ 150 MB),
 * set at start by the bin (before it loads its bundle: V8 checks a code cache
 * against the flags it was made with, and a cache made before the flags
 * changed was rejected and rewritten on every start) and again by `server.ts`
 * (the extension's bundled server, the unbundled one; idempotent), never when
 * the session runs inside another process (tests, the extension host).
 *
 * What was measured (docs/performance.md, "Language server memory"): the live
 * heap of the server stays at about 25 MB over thousands of edits (no cache
 * grows), but RSS reached 210–230 MB. A lint of a three-page letter allocates
 * about 9 MB, mostly its syntax tree, which lives for the whole lint. V8
 * learned that the tree's objects survive their first scavenge and allocated
 * them directly in old space ("allocation-site pretenuring"): about 3 MB of
 * old space per lint that only a full collection frees, and with V8's default
 * growth (up to 4× the live heap between full collections) old space grew to
 * about 100 MB before each one.
 *
 * - `--no-allocation-site-pretenuring`: a letter's tree dies with its lint;
 *   promoted per lint drops from 3.4 to 0.9 MB (in-process sampling).
 * - A scavenge right after each lint (`collectAfterLint`, once its outcome
 *   replaced the previous one): the lint's garbage is then all dead, so
 *   nothing of it reaches old space through a scavenge in the middle of the
 *   next lint, and the previous outcome is not promoted either.
 * - `--heap-growing-percent=50`: old space may grow to 1.5× the live heap
 *   between full collections instead of up to 4×; with the two above, full
 *   collections stay rare.
 *
 * These flags are read by V8 while it runs (at each collection), so setting
 * them after start-up takes effect; the semi-space size is not (V8 fixes it
 * when the heap is set up), which is why editors that start the server with
 * node flags (the VS Code extension) may add `--max-semi-space-size`.
 * `HUURBRIEF_HEAP=default` leaves V8 as it is (to compare).
 */
export const HEAP_FLAGS = ['--no-allocation-site-pretenuring', '--heap-growing-percent=50'] as const;

let minorGc: (() => void) | undefined;

/** Applies HEAP_FLAGS and enables the scavenge after each lint; once, at server start. */
export function tuneHeap(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['HUURBRIEF_HEAP'] === 'default' || minorGc) return Boolean(minorGc);
  try {
    for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
    // `gc` exists only in contexts created after --expose-gc: take it from a fresh one (the server's own global stays as it is).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
    if (typeof gc !== 'function') return false;
    minorGc = () => gc({ type: 'minor' });
    return true;
  } catch {
    // A Node without these flags: V8's defaults, nothing else changes.
    return false;
  }
}

/**
 * After a lint, once its outcome replaced the previous one: a scavenge (2–3 ms for a three-page
 * letter), while all of the lint's garbage and the replaced outcome are dead, so none of it is
 * promoted by a scavenge in the middle of the next lint. (Deferring it with setImmediate until
 * the diagnostics were sent measured 10 MB more RSS and no lower latency.)
 */
export function collectAfterLint(): void {
  minorGc?.();
}
