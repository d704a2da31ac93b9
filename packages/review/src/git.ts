// The few git questions review asks, each answered with one git process for all letters
// (never one process per letter: `verify` must stay fast for thousands of letters).
import { spawnSync } from 'node:child_process';
import { hashOfBytes } from './content.js';
import type { ContentKind } from './record.js';

export class GitError extends Error {
  override readonly name = 'GitError';
}

function git(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  if (result.error) throw new GitError(`git kon niet gestart worden: ${result.error.message}`);
  if (result.status !== 0) {
    throw new GitError(`git ${args[0]} mislukte: ${result.stderr.toString('utf8').trim() || `uitvoercode ${result.status}`}`);
  }
  return result.stdout;
}

/** The top of the git work tree containing `dir`, or undefined outside git (or without git installed). */
export function gitRoot(dir: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env: { ...process.env, LC_ALL: 'C' } });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.toString('utf8').trim() || undefined;
}

export function gitConfig(root: string, key: string): string | undefined {
  const result = spawnSync('git', ['config', '--get', key], { cwd: root });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.toString('utf8').trim() || undefined;
}

/** A shallow clone lacks the history that authorship is read from. */
export function isShallow(root: string): boolean {
  return git(root, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
}

export function hasCommits(root: string): boolean {
  return spawnSync('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: root }).status === 0;
}

/** `git status` of one path: 'clean' (tracked, unchanged), 'untracked', or 'modified'. */
export function pathState(root: string, rel: string): 'clean' | 'untracked' | 'modified' {
  const out = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', rel]).toString('utf8');
  if (!out) {
    const tracked = git(root, ['ls-files', '-z', '--', rel]).toString('utf8');
    return tracked ? 'clean' : 'untracked';
  }
  return out.startsWith('??') ? 'untracked' : 'modified';
}

/** Letters whose work-tree state is not clean (one `git status` for the whole tree). */
export function workTreeStates(root: string): Map<string, 'untracked' | 'modified'> {
  const out = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']).toString('utf8');
  const map = new Map<string, 'untracked' | 'modified'>();
  for (const entry of out.split('\0')) {
    if (entry.length < 4) continue;
    map.set(entry.slice(3), entry.startsWith('??') ? 'untracked' : 'modified');
  }
  return map;
}

/** Who a commit says made it, and (with signed commits) the key that signed it. */
export interface CommitIdentity {
  authorEmail: string;
  authorName: string;
  committerEmail: string;
  /** Committer time (seconds since 1970). */
  time: number;
  /** Only with `signedCommits`: git's %G?, %GS (principal) and %GK (key fingerprint). */
  signature?: { status: string; signer: string; key: string };
}

/** One commit's change to one letter. */
export interface LetterChange extends CommitIdentity {
  commit: string;
  /** The letter's path after this commit. */
  path: string;
  /** Set when this commit renamed the letter. */
  renamedFrom?: string;
  /** Blob id after the commit (all zeros when deleted). */
  blob: string;
  /**
   * False when the commit wrote no text of its own: a pure rename or mode change, or a merge
   * that took the letter unchanged from one of its parents.
   */
  authored: boolean;
}

interface RawChange {
  status: string;
  paths: string[];
  src: string;
  blob: string;
}

interface RawCommit extends CommitIdentity {
  hash: string;
  parents: string[];
  /** Changes per parent (`-m`: a merge is compared with each of its parents). */
  perParent: RawChange[][];
}

/**
 * Every commit with its raw changes (renames detected), newest first, on all parents: with
 * `--full-history -m` no side of a merge is simplified away and a merge is compared with each
 * parent. One git process.
 */
function readLog(root: string, signedCommits: string | undefined, single: string | undefined): RawCommit[] {
  const fields = ['%H', '%P', '%ae', '%an', '%ce', '%ct', ...(signedCommits ? ['%G?', '%GS', '%GK'] : [])];
  const format = '%x01' + fields.join('%x00') + '%x00';
  const args = [
    ...(signedCommits ? ['-c', `gpg.ssh.allowedSignersFile=${signedCommits}`] : []),
    'log', '--raw', '--no-abbrev', '-M', '-z', '-m', '--full-history', '--topo-order', `--format=${format}`, 'HEAD',
    // One letter (editor, approve): `git log --follow` on just that file. Many letters (verify): one log of
    // the whole tree, renames followed below in memory.
    ...(single !== undefined ? ['--follow', '--', single] : ['--', '.', ':(exclude).huurbrief']),
  ];
  const out = git(root, args).toString('utf8');
  const commits: RawCommit[] = [];
  const byHash = new Map<string, RawCommit>();
  for (const chunk of out.split('\x01')) {
    if (!chunk) continue;
    const tokens = chunk.split('\0');
    const hash = tokens[0]!;
    let c = byHash.get(hash);
    if (!c) {
      c = {
        hash,
        parents: tokens[1] ? tokens[1].split(' ') : [],
        authorEmail: tokens[2]!,
        authorName: tokens[3]!,
        committerEmail: tokens[4]!,
        time: Number(tokens[5]),
        perParent: [],
      };
      if (signedCommits) c.signature = { status: tokens[6]!, signer: tokens[7]!, key: tokens[8]! };
      byHash.set(hash, c);
      commits.push(c);
    }
    const changes: RawChange[] = [];
    for (let i = fields.length; i < tokens.length; i++) {
      const t = tokens[i]!.replace(/^\n/, '');
      if (!t.startsWith(':')) continue;
      const f = t.replace(/^:+/, '').split(' ');
      // fields: src mode, dst mode, src blob, dst blob, status (one parent at a time with -m)
      const status = f.at(-1)!;
      const paths = /^[RC]/.test(status) ? [tokens[++i]!, tokens[++i]!] : [tokens[++i]!];
      changes.push({ status, paths, src: f[2]!, blob: f[3]! });
    }
    c.perParent.push(changes);
  }
  return commits;
}

export interface LetterHistories {
  /** Changes per current letter path, newest first (topological), following renames. */
  byPath: Map<string, LetterChange[]>;
  /** Parents of every commit that changed a letter, and the ancestry needed to judge merges. */
  parents: Map<string, string[]>;
}

/**
 * The history of each letter (repo-relative paths), newest first, following renames like
 * `git log --follow` does (but for all letters from one `git log`), over every parent of merges.
 */
export function letterHistories(root: string, paths: readonly string[], options: { signedCommits?: string } = {}): LetterHistories {
  const byPath = new Map<string, LetterChange[]>();
  const parents = new Map<string, string[]>();
  if (!paths.length || !hasCommits(root)) {
    for (const p of paths) byPath.set(p, []);
    return { byPath, parents };
  }
  const commits = readLog(root, options.signedCommits, paths.length === 1 ? paths[0] : undefined);
  // Index: path -> [(commit index, change)], newest first; one entry per commit and path.
  type Touch = { at: number; status: string; from?: string; blob: string; authored: boolean };
  const touches = new Map<string, Touch[]>();
  commits.forEach((c, at) => {
    parents.set(c.hash, c.parents);
    const seen = new Map<string, Touch>();
    const changedAgainst = new Map<string, number>();
    for (const changes of c.perParent) {
      for (const ch of changes) {
        const path = ch.paths.at(-1)!;
        changedAgainst.set(path, (changedAgainst.get(path) ?? 0) + 1);
        // Wrote text: the content differs from what the parent had (a rename with equal blobs wrote nothing).
        const wrote = ch.src !== ch.blob;
        const prev = seen.get(path);
        if (prev) {
          prev.authored &&= wrote;
          continue;
        }
        const entry: Touch = { at, status: ch.status, blob: ch.blob, authored: wrote };
        if (ch.paths.length === 2 && ch.status.startsWith('R')) entry.from = ch.paths[0]!;
        seen.set(path, entry);
      }
    }
    for (const [path, entry] of seen) {
      // A merge that left the letter as one parent had it wrote nothing of its own.
      if (c.parents.length > 1 && (changedAgainst.get(path) ?? 0) < c.parents.length) entry.authored = false;
      let list = touches.get(path);
      if (!list) touches.set(path, (list = []));
      list.push(entry);
    }
  });
  for (const start of paths) {
    const out: LetterChange[] = [];
    let name = start;
    let after = -1;
    for (;;) {
      const next = touches.get(name)?.find((t) => t.at > after);
      if (!next) break;
      const c = commits[next.at]!;
      const change: LetterChange = {
        commit: c.hash,
        authorEmail: c.authorEmail,
        authorName: c.authorName,
        committerEmail: c.committerEmail,
        time: c.time,
        path: name,
        blob: next.blob,
        authored: next.authored,
      };
      if (c.signature) change.signature = c.signature;
      if (next.from !== undefined) change.renamedFrom = next.from;
      out.push(change);
      after = next.at;
      if (next.from !== undefined) name = next.from;
    }
    byPath.set(start, out);
  }
  return { byPath, parents };
}

/**
 * The SHA-256 that records carry for git blobs, from one `git cat-file --batch`: of the normalised
 * text (text letters; blobs that are no readable text are left out) or of the exact bytes (Word).
 */
export function blobHashes(root: string, blobs: readonly string[], kind: ContentKind = 'text'): Map<string, string> {
  const map = new Map<string, string>();
  for (const [id, content] of readBlobs(root, blobs)) {
    const hash = hashOfBytes(kind, content);
    if (hash !== undefined) map.set(id, hash);
  }
  return map;
}

/** Every commit reachable from `ref`, newest first (topological), with parents and committer time. */
export interface CommitGraph {
  /** Position in topological order (0 = `ref` itself). */
  index: Map<string, number>;
  parents: Map<string, string[]>;
  time: Map<string, number>;
}

export function commitGraph(root: string, ref = 'HEAD'): CommitGraph {
  const graph: CommitGraph = { index: new Map(), parents: new Map(), time: new Map() };
  if (!hasCommits(root)) return graph;
  const out = git(root, ['rev-list', '--topo-order', '--parents', '--timestamp', ref]).toString('utf8');
  let i = 0;
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [ts, hash, ...parents] = line.split(' ');
    graph.index.set(hash!, i++);
    graph.parents.set(hash!, parents);
    graph.time.set(hash!, Number(ts));
  }
  return graph;
}

/** `commit` and all its ancestors (memoised per graph by the caller when needed). */
export function ancestors(graph: CommitGraph, commit: string): Set<string> {
  const seen = new Set<string>();
  const stack = [commit];
  while (stack.length) {
    const c = stack.pop()!;
    if (seen.has(c)) continue;
    seen.add(c);
    for (const p of graph.parents.get(c) ?? []) stack.push(p);
  }
  return seen;
}

/** One change to a record file, from `git log` over `.huurbrief/reviews` (all parents). */
export interface RecordChange {
  commit: string;
  /** Repo-relative path. */
  path: string;
  status: string;
  /** Blob after the change (zeros when deleted). */
  blob: string;
}

/** Every change to `.huurbrief/reviews/` reachable from HEAD, newest first. One git process. */
export function recordChanges(root: string): RecordChange[] {
  if (!hasCommits(root)) return [];
  const out = git(root, ['log', '--raw', '--no-abbrev', '--no-renames', '-z', '-m', '--full-history', '--topo-order', '--format=%x01%H%x00', 'HEAD', '--', '.huurbrief/reviews']).toString('utf8');
  const changes: RecordChange[] = [];
  for (const chunk of out.split('\x01')) {
    if (!chunk) continue;
    const tokens = chunk.split('\0');
    const commit = tokens[0]!;
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]!.replace(/^\n/, '');
      if (!t.startsWith(':')) continue;
      const f = t.slice(1).split(' ');
      changes.push({ commit, status: f[4]!, blob: f[3]!, path: tokens[++i]! });
    }
  }
  return changes;
}

/** A tree entry: mode, blob id and size in bytes. */
export interface TreeEntry {
  mode: string;
  blob: string;
  size: number;
}

/** Files under `path` in the tree of `ref` (repo-relative paths). */
export function lsTree(root: string, ref: string, path: string): Map<string, TreeEntry> {
  const out = git(root, ['ls-tree', '-r', '-l', '-z', '--full-tree', ref, '--', path]).toString('utf8');
  const map = new Map<string, TreeEntry>();
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, , blob, size] = entry.slice(0, tab).split(/\s+/);
    map.set(entry.slice(tab + 1), { mode: mode!, blob: blob!, size: Number(size) });
  }
  return map;
}

/** Raw contents of blobs, from one `git cat-file --batch`. */
export function readBlobs(root: string, blobs: readonly string[]): Map<string, Buffer> {
  const unique = [...new Set(blobs)].filter((b) => !/^0+$/.test(b));
  const map = new Map<string, Buffer>();
  if (!unique.length) return map;
  const out = git(root, ['cat-file', '--batch'], unique.join('\n') + '\n');
  let pos = 0;
  for (const id of unique) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (header.endsWith('missing') || !Number.isFinite(size)) throw new GitError(`git-object ${id} ontbreekt`);
    map.set(id, out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return map;
}

/** The commit `ref` names, or a GitError in Dutch. */
export function resolveCommit(root: string, ref: string): string {
  const r = spawnSync('git', ['rev-parse', '--verify', '-q', `${ref}^{commit}`], { cwd: root, env: { ...process.env, LC_ALL: 'C' } });
  if (r.error) throw new GitError(`git kon niet gestart worden: ${r.error.message}`);
  const hash = r.stdout.toString('utf8').trim();
  if (r.status !== 0 || !hash) throw new GitError(`basis "${ref}" is geen commit in deze repository (haal hem op, bijvoorbeeld git fetch origin ${ref.replace(/^origin\//, '')})`);
  return hash;
}

/** The merge base of two commits (the point the change started from). */
export function mergeBase(root: string, a: string, b: string): string {
  const out = spawnSync('git', ['merge-base', a, b], { cwd: root }).stdout?.toString('utf8').trim();
  if (!out) throw new GitError(`geen gemeenschappelijke voorouder van ${a.slice(0, 10)} en ${b.slice(0, 10)}: is de basis de juiste tak?`);
  return out;
}

/** A file at `ref`, or undefined when it does not exist there. */
export function showFile(root: string, ref: string, path: string): { text: string; mode: string } | undefined {
  const entry = lsTree(root, ref, path).get(path);
  if (!entry) return undefined;
  return { text: readBlobs(root, [entry.blob]).get(entry.blob)!.toString('utf8'), mode: entry.mode };
}

/**
 * Can git be used for the folder? `none`: no repository at all (no `.git` above it, git works);
 * `unusable`: git is missing, or refuses a repository that is there (dubious ownership, damage).
 */
export function gitState(dir: string): { kind: 'ok'; root: string } | { kind: 'none' } | { kind: 'unusable'; reason: string } {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env: { ...process.env, LC_ALL: 'C' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { kind: 'unusable', reason: code === 'ENOENT' ? 'git is niet gevonden (staat git op het PATH?)' : `git kon niet gestart worden: ${r.error.message}` };
  }
  if (r.status === 0 && r.stdout.toString('utf8').trim()) return { kind: 'ok', root: r.stdout.toString('utf8').trim() };
  const stderr = r.stderr.toString('utf8').trim();
  if (/not a git repository/i.test(stderr)) return { kind: 'none' };
  return { kind: 'unusable', reason: `git weigert de repository: ${stderr.split('\n')[0] || `uitvoercode ${r.status}`}` };
}

/** Commits in a revision range (`a..b`), all parents. */
export function revList(root: string, range: string): string[] {
  return git(root, ['rev-list', range]).toString('utf8').split('\n').filter(Boolean);
}
