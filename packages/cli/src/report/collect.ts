// `huurbrief report`: reads the history (history.ts), lints the versions that count with core
// (config found as `lint` finds it), reads the sign-offs (@huurbrief/review's verify) and hands
// everything to the pure figures module.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { ResolvedConfig } from '@huurbrief/core';
import { ConfigLoader, decodeLetter, InputError, type LoadedConfig } from '@huurbrief/core/node';
import { AllowedSignersError, contentHash, GitError, RecordError, ReviewSetupError, verify, type ReviewReport } from '@huurbrief/review';
import { UsageError } from '../errors.js';
import { computeFigures, mostImproved, versionsNeeded } from './figures.js';
import { readBlobs, repositoryRoot, walkHistory, type WalkedHistory } from './history.js';
import type { ApprovalInput, FiguresInput, LetterTrack, Person, ReportFigures, ReviewInput, VersionFacts, VersionProblem } from './types.js';
import { factsOf, sentencesOf } from './version.js';

export interface CollectOptions {
  paths: string[];
  cwd: string;
  /** Inclusive bounds, ms. */
  since: number;
  until: number;
  configFile?: string;
  noConfig?: boolean;
  /** Letters shown with their sentence diff (default 10). */
  top?: number;
  now?: Date;
}

export interface CollectTimings {
  gitMs: number;
  lintMs: number;
  reviewMs: number;
  totalMs: number;
  commits: number;
  versionsLinted: number;
}

const TEXT_LETTER = /\.(?:md|markdown|txt)$/i;
const SKIP_SEGMENTS = /(?:^|\/)(?:node_modules|\.git|\.huurbrief)\//;

/** The nearest `.huurbriefignore` at or above `from` (as lint finds it). */
function findIgnoreFile(from: string): string | undefined {
  for (let dir = resolve(from); ; ) {
    const file = join(dir, '.huurbriefignore');
    if (existsSync(file)) return file;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Which repo paths are letters: the test lint applies to files in a folder, applied to paths in history. */
function letterScope(root: string, cwd: string, ignorePatterns: readonly string[], explicit: ReadonlySet<string>): { isLetter: (path: string) => boolean; word: Set<string> } {
  const file = findIgnoreFile(cwd);
  const fromFile = ignore();
  if (file) fromFile.add(readFileSync(file, 'utf8'));
  const fromConfig = ignore().add([...ignorePatterns]);
  const test = (ig: ReturnType<typeof ignore>, base: string, repoPath: string) => {
    const rel = relative(base, join(root, repoPath));
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
    return ig.ignores(rel.split(sep).join('/'));
  };
  const word = new Set<string>();
  const isLetter = (path: string) => {
    if (explicit.has(path)) return true;
    if (SKIP_SEGMENTS.test(path) || /(?:^|\/)~\$/.test(path)) return false;
    if ((file !== undefined && test(fromFile, dirname(file), path)) || test(fromConfig, cwd, path)) return false;
    if (/\.docx$/i.test(path)) word.add(path);
    return TEXT_LETTER.test(path);
  };
  return { isLetter, word };
}

/** Git pathspecs (repo-relative) for the arguments; explicit files are letters whatever their extension. */
function pathspecs(root: string, cwd: string, paths: readonly string[]): { specs: string[]; explicit: Set<string> } {
  const specs: string[] = [];
  const explicit = new Set<string>();
  for (const arg of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, arg);
    let rel = relative(root, abs).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`${arg} ligt buiten de git-repository ${root}`);
    if (rel === '') rel = '.';
    if (/[*?[{]/.test(arg)) specs.push(`:(glob)${rel}`);
    else {
      specs.push(rel);
      // A file named explicitly is a letter whatever its extension (as in lint).
      if (existsSync(abs) && statSync(abs).isFile() && !/\.docx$/i.test(rel)) explicit.add(rel);
    }
  }
  return { specs, explicit };
}

/** The review state of the current letters, or why there is none (no allowed_signers, bad review data). */
async function reviewInput(options: CollectOptions, walk: WalkedHistory, tracks: LetterTrack[], root: string): Promise<ReviewInput | { unavailable: string }> {
  let report: ReviewReport;
  try {
    report = await verify(options.paths, { cwd: options.cwd, ...(options.now ? { now: options.now } : {}) });
  } catch (error) {
    if ([ReviewSetupError, AllowedSignersError, GitError, RecordError, InputError].some((c) => error instanceof c)) return { unavailable: (error as Error).message };
    throw error;
  }
  const trackOf = new Map(tracks.map((t) => [t.path, t]));
  const hashes = new Map<string, string>();
  const contentTime = (path: string, sha256: string): number | undefined => {
    const names = trackOf.get(path)?.names ?? [path];
    const blobs = names.flatMap((n) => [...(walk.blobsByPath.get(n) ?? [])]);
    const missing = blobs.filter((b) => !hashes.has(b));
    if (missing.length) for (const [b, bytes] of readBlobs(root, missing)) hashes.set(b, contentHash(bytes.toString('utf8')));
    const times = blobs.filter((b) => hashes.get(b) === sha256).map((b) => walk.blobFirstSeen.get(b)!);
    return times.length ? Math.min(...times) : undefined;
  };
  const approvals: ApprovalInput[] = [];
  for (const l of report.letters) {
    const requests = l.history.filter((h) => h.kind === 'request' && h.trusted);
    for (const h of l.history) {
      if (h.kind !== 'approve' || !h.trusted) continue;
      const time = Date.parse(h.time);
      const approval: ApprovalInput = { path: l.path, principal: h.principal, time };
      const request = requests
        .filter((r) => r.sha256 === h.sha256 && r.principal.toLowerCase() !== h.principal.toLowerCase() && Date.parse(r.time) <= time)
        .at(-1);
      if (request) approval.requestTime = Date.parse(request.time);
      else {
        const c = contentTime(l.path, h.sha256);
        if (c !== undefined) approval.contentTime = c;
        const r = walk.recordAdded.get(h.file);
        if (r !== undefined) approval.recordTime = r;
      }
      approvals.push(approval);
    }
  }
  return {
    letters: report.letters.map((l) => ({ path: l.path, state: l.state, approvers: l.approvals.map((a) => a.principal) })),
    approvals,
    problems: report.problems.map((p) => ({ file: p.file, reason: p.reason })),
  };
}

/** Collects everything the report shows. Throws UsageError / ReportGitError / ConfigError (exit 2). */
export async function collectReport(options: CollectOptions): Promise<{ figures: ReportFigures; timings: CollectTimings }> {
  const t0 = performance.now();
  const root = repositoryRoot(options.cwd);
  const loader = new ConfigLoader({
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.noConfig ? { noConfig: true } : {}),
  });
  const { specs, explicit } = pathspecs(root, options.cwd, options.paths);
  const scope = letterScope(root, options.cwd, loader.forFile(resolve(options.cwd, 'x.md')).config.ignorePatterns, explicit);
  const walk = walkHistory(root, specs, scope.isLetter);
  if (!walk.tracks.length) {
    throw new UsageError(`geen brieven gevonden in de git-geschiedenis van ${options.paths.length ? options.paths.join(' ') : 'deze map'} (.md, .markdown, .txt)`);
  }

  // Version keys: the same text under the same config and format is linted once.
  const configIds = new Map<LoadedConfig, number>();
  const versionInfo = new Map<string, { blob: string; path: string; config: ResolvedConfig }>();
  const tracks: LetterTrack[] = walk.tracks.map((t) => ({
    path: t.path,
    names: t.names,
    events: t.events.map((e) => {
      if (e.blob === null) return { time: e.time, commit: e.commit, path: e.path, version: null };
      const loaded = loader.forFile(join(root, e.path));
      let id = configIds.get(loaded);
      if (id === undefined) configIds.set(loaded, (id = configIds.size));
      const key = `${e.blob}:${id}:${/\.te?xt$/i.test(e.path) ? 'text' : 'markdown'}`;
      if (!versionInfo.has(key)) versionInfo.set(key, { blob: e.blob, path: e.path, config: loaded.config });
      return { time: e.time, commit: e.commit, path: e.path, version: key };
    }),
  }));
  const needed = versionsNeeded(tracks, options.since, options.until);
  const blobs = readBlobs(root, [...needed].map((k) => versionInfo.get(k)!.blob));
  const t1 = performance.now();

  const texts = new Map<string, string>();
  const facts = new Map<string, VersionFacts | VersionProblem>();
  for (const key of needed) {
    const info = versionInfo.get(key)!;
    try {
      const { text } = decodeLetter(info.path, blobs.get(info.blob)!);
      if (!text.trim()) throw new InputError(info.path, 'bestand is leeg');
      texts.set(key, text);
      facts.set(key, factsOf(text, info.path, info.config));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      facts.set(key, { error: error.reason });
    }
  }
  const top = options.top ?? 10;
  const sentences = new Map<string, string[]>();
  for (const { beforeKey, afterKey } of mostImproved({ letters: tracks, facts, since: options.since, until: options.until, top })) {
    for (const key of [beforeKey, afterKey]) {
      if (!sentences.has(key)) sentences.set(key, sentencesOf(texts.get(key)!, versionInfo.get(key)!.path, versionInfo.get(key)!.config));
    }
  }
  const t2 = performance.now();

  const review = await reviewInput(options, walk, tracks, root);
  const t3 = performance.now();

  const writers = new Map<string, Person[]>();
  for (const t of tracks) {
    const byEmail = new Map<string, Person>();
    for (const name of t.names) {
      for (const a of walk.authors.get(name) ?? []) {
        if (a.time < options.since || a.time > options.until) continue;
        byEmail.set(a.email.toLowerCase(), { name: walk.names.get(a.email.toLowerCase()) ?? a.name, email: a.email });
      }
    }
    writers.set(t.path, [...byEmail.values()].sort((x, y) => x.name.localeCompare(y.name)));
  }

  const notes = [
    'Per maand telt de versie van elke brief aan het eind van die maand (UTC) op de hoofdlijn van git (eerste ouders: een merge telt op het moment dat hij binnenkomt); tussentijdse versies tellen niet mee.',
    'Alle versies zijn gecontroleerd met de configuratie van nu, zoals huurbrief lint die vindt: een verschil tussen maanden komt dus van de brieven, niet van andere regels.',
    'Alleen vastgelegde versies (git) tellen; wijzigingen die nog niet zijn vastgelegd niet.',
  ];
  if (scope.word.size) notes.push(`${scope.word.size} Word-brie${scope.word.size === 1 ? 'f' : 'ven'} (.docx) in de geschiedenis tellen niet mee: het rapport leest alleen tekstbrieven (.md, .markdown, .txt).`);

  const input: FiguresInput = {
    since: options.since,
    until: options.until,
    generatedAt: (options.now ?? new Date()).toISOString(),
    letters: tracks,
    facts,
    sentences,
    review,
    writers,
    names: walk.names,
    top,
    notes,
  };
  const figures = computeFigures(input);
  const t4 = performance.now();
  return {
    figures,
    timings: { gitMs: t1 - t0, lintMs: t2 - t1, reviewMs: t3 - t2, totalMs: t4 - t0, commits: walk.commits, versionsLinted: facts.size },
  };
}

