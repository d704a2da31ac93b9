// Reads the letters' history from git for the reflection report: a fixed, small number of git
// processes whatever the number of letters or commits (one log of the main line, one log of all
// commits for authors, one log of the review records, one `cat-file --batch` for the texts).
import { spawnSync } from 'node:child_process';

export class ReportGitError extends Error {
  override readonly name = 'ReportGitError';
}

function git(root: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd: root,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new ReportGitError(code === 'ENOENT' ? 'git is niet gevonden (staat git op het PATH?)' : `git kon niet gestart worden: ${result.error.message}`);
  }
  if (result.status !== 0) throw new ReportGitError(`git ${args[0]} mislukte: ${result.stderr.toString('utf8').trim() || `uitvoercode ${result.status}`}`);
  return result.stdout;
}

/** The top of the work tree holding `dir`; a ReportGitError in Dutch outside git or without commits. */
export function repositoryRoot(dir: string): string {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env: { ...process.env, LC_ALL: 'C' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new ReportGitError(code === 'ENOENT' ? 'git is niet gevonden (staat git op het PATH?)' : `git kon niet gestart worden: ${r.error.message}`);
  }
  const root = r.stdout.toString('utf8').trim();
  if (r.status !== 0 || !root) {
    const stderr = r.stderr.toString('utf8').trim();
    throw new ReportGitError(
      /not a git repository/i.test(stderr)
        ? `geen git-repository bij ${dir}: het rapport leest de geschiedenis van de brieven uit git`
        : `git weigert de repository: ${stderr.split('\n')[0] || `uitvoercode ${r.status}`}`,
    );
  }
  if (spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: root }).status !== 0) {
    throw new ReportGitError(`de repository ${root} heeft nog geen commits: er is geen geschiedenis om over te rapporteren`);
  }
  if (git(root, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true') {
    throw new ReportGitError('ondiepe clone: de geschiedenis is onvolledig; haal hem op met git fetch --unshallow (in CI: fetch-depth: 0)');
  }
  return root;
}

/** One version of a letter on the main line (`blob` null: deleted). */
export interface HistoryEvent {
  /** ms; the commit time, never earlier than that of the commit before it on the main line. */
  time: number;
  commit: string;
  path: string;
  blob: string | null;
}

export interface HistoryTrack {
  path: string;
  names: string[];
  events: HistoryEvent[];
}

export interface Authorship {
  name: string;
  email: string;
  /** Commit time, ms. */
  time: number;
}

export interface WalkedHistory {
  tracks: HistoryTrack[];
  /** Commits on the main line that changed a letter. */
  commits: number;
  /** Display name per e-mail address (lower case), the newest seen. */
  names: Map<string, string>;
  /** Authors of commits (not merges, any branch) per path, with the commit time. */
  authors: Map<string, Authorship[]>;
  /** Earliest commit time (any branch) at which each blob appeared under a letter path. */
  blobFirstSeen: Map<string, number>;
  /** Every blob each letter path held (any branch). */
  blobsByPath: Map<string, Set<string>>;
  /** Files under `.huurbrief/reviews/` and the time of the commit that added them. */
  recordAdded: Map<string, number>;
}

interface RawEntry {
  status: string;
  paths: string[];
  blob: string;
}

/** Parses `git log --raw -z --format=%x01<fields separated by %x00>%x00`. */
function parseRawLog(out: string, fieldCount: number): { fields: string[]; entries: RawEntry[] }[] {
  const commits: { fields: string[]; entries: RawEntry[] }[] = [];
  for (const chunk of out.split('\x01')) {
    if (!chunk) continue;
    const tokens = chunk.split('\0');
    const fields = tokens.slice(0, fieldCount);
    const entries: RawEntry[] = [];
    for (let i = fieldCount; i < tokens.length; i++) {
      const t = tokens[i]!.replace(/^\n/, '');
      if (!t.startsWith(':')) continue;
      const f = t.slice(1).split(' ');
      const status = f[4]!;
      const paths = /^[RC]/.test(status) ? [tokens[++i]!, tokens[++i]!] : [tokens[++i]!];
      entries.push({ status, paths, blob: f[3]! });
    }
    commits.push({ fields, entries });
  }
  return commits;
}

const ZERO = /^0+$/;

/**
 * The history of every letter under `pathspecs` (repo-relative git pathspecs) on HEAD's main line
 * (first parents: a merge counts when it lands, with everything it brings), oldest first, renames
 * followed. `isLetter` decides which paths are letters.
 */
export function walkHistory(root: string, pathspecs: readonly string[], isLetter: (path: string) => boolean): WalkedHistory {
  const specs = [...(pathspecs.length ? pathspecs : ['.']), ':(exclude).huurbrief'];
  const names = new Map<string, string>();
  const main = parseRawLog(
    git(root, [
      'log', '--first-parent', '--diff-merges=first-parent', '--reverse', '--raw', '--no-abbrev', '-M', '-z',
      '--format=%x01%H%x00%ct%x00%an%x00%ae%x00', 'HEAD', '--', ...specs,
    ]).toString('utf8'),
    4,
  );
  const tracks: HistoryTrack[] = [];
  const live = new Map<string, HistoryTrack>();
  /** The last track known under a name, also once deleted (a letter that comes back is the same letter). */
  const byName = new Map<string, HistoryTrack>();
  let last = 0;
  let commits = 0;
  for (const { fields, entries } of main) {
    const [commit, ct, an, ae] = fields as [string, string, string, string];
    if (ae) names.set(ae.toLowerCase(), an);
    const time = (last = Math.max(last, Number(ct) * 1000));
    let touched = false;
    const add = (path: string, blob: string) => {
      let t = live.get(path) ?? byName.get(path);
      if (!t) tracks.push((t = { path, names: [path], events: [] }));
      live.set(path, t);
      byName.set(path, t);
      t.events.push({ time, commit, path, blob });
      touched = true;
    };
    const remove = (path: string) => {
      const t = live.get(path);
      if (!t) return;
      live.delete(path);
      t.events.push({ time, commit, path, blob: null });
      touched = true;
    };
    for (const e of entries) {
      if (e.status.startsWith('R') && e.paths.length === 2) {
        const [from, to] = e.paths as [string, string];
        const t = live.get(from);
        if (t && isLetter(to)) {
          live.delete(from);
          live.set(to, t);
          byName.set(to, t);
          t.path = to;
          if (!t.names.includes(to)) t.names.push(to);
          t.events.push({ time, commit, path: to, blob: e.blob });
          touched = true;
        } else {
          if (t) remove(from);
          if (isLetter(to)) add(to, e.blob);
        }
        continue;
      }
      const path = e.paths.at(-1)!;
      if (e.status === 'D' || ZERO.test(e.blob)) remove(path);
      else if (isLetter(path)) add(path, e.blob);
    }
    if (touched) commits++;
  }

  // Every commit (not merges) on any branch reachable from HEAD: who wrote what, and when a text first appeared.
  const authors = new Map<string, Authorship[]>();
  const blobFirstSeen = new Map<string, number>();
  const blobsByPath = new Map<string, Set<string>>();
  const all = parseRawLog(
    git(root, ['log', '--no-merges', '--raw', '--no-abbrev', '--no-renames', '-z', '--format=%x01%ct%x00%an%x00%ae%x00', 'HEAD', '--', ...specs]).toString('utf8'),
    3,
  );
  for (const { fields, entries } of all) {
    const [ct, an, ae] = fields as [string, string, string];
    const time = Number(ct) * 1000;
    if (ae && !names.has(ae.toLowerCase())) names.set(ae.toLowerCase(), an);
    for (const e of entries) {
      const path = e.paths.at(-1)!;
      if (!isLetter(path) || ZERO.test(e.blob)) continue;
      let list = authors.get(path);
      if (!list) authors.set(path, (list = []));
      list.push({ name: an, email: ae, time });
      (blobsByPath.get(path) ?? blobsByPath.set(path, new Set()).get(path)!).add(e.blob);
      const seen = blobFirstSeen.get(e.blob);
      if (seen === undefined || time < seen) blobFirstSeen.set(e.blob, time);
    }
  }

  // The commit that added each review record (newest first: the last one seen is the oldest addition).
  const recordAdded = new Map<string, number>();
  const records = git(root, ['log', '--diff-filter=A', '--no-renames', '-z', '--name-only', '--format=%x01%ct%x00%an%x00%ae%x00', 'HEAD', '--', '.huurbrief/reviews']).toString('utf8');
  for (const chunk of records.split('\x01')) {
    if (!chunk) continue;
    const [ct, an, ae, ...files] = chunk.split('\0');
    // Reviewers often commit only their records: their names come from here.
    if (ae && an && !names.has(ae.toLowerCase())) names.set(ae.toLowerCase(), an);
    for (const f of files) {
      const file = f.replace(/^\n/, '');
      if (file) recordAdded.set(file, Number(ct) * 1000);
    }
  }
  return { tracks, commits, names, authors, blobFirstSeen, blobsByPath, recordAdded };
}

/** Contents of blobs, from one `git cat-file --batch`. */
export function readBlobs(root: string, blobs: Iterable<string>): Map<string, Buffer> {
  const unique = [...new Set(blobs)].filter((b) => !ZERO.test(b));
  const map = new Map<string, Buffer>();
  if (!unique.length) return map;
  const out = git(root, ['cat-file', '--batch'], unique.join('\n') + '\n');
  let pos = 0;
  for (const id of unique) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (header.endsWith('missing') || !Number.isFinite(size)) throw new ReportGitError(`git-object ${id} ontbreekt`);
    map.set(id, out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return map;
}
