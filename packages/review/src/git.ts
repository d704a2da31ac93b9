// The few git questions review asks, each answered with one git process for all letters
// (never one process per letter: `verify` must stay fast for thousands of letters).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { normaliseContent } from './record.js';

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

/** One commit's change to one letter. */
export interface LetterChange {
  commit: string;
  authorEmail: string;
  authorName: string;
  /** The letter's path after this commit. */
  path: string;
  /** Set when this commit renamed the letter. */
  renamedFrom?: string;
  /** Blob id after the commit (all zeros when deleted). */
  blob: string;
  /** Only with `signedCommits`: git's %G? and %GS for the commit. */
  signature?: { status: string; signer: string };
}

interface RawCommit {
  hash: string;
  email: string;
  name: string;
  signature?: { status: string; signer: string };
  changes: { status: string; paths: string[]; blob: string }[];
}

/** Every commit with its raw changes (renames detected), newest first. One git process. */
function readLog(root: string, signedCommits: string | undefined, single: string | undefined): RawCommit[] {
  const format = signedCommits ? '%x01%H%x00%ae%x00%an%x00%G?%x00%GS%x00' : '%x01%H%x00%ae%x00%an%x00';
  const args = [
    ...(signedCommits ? ['-c', `gpg.ssh.allowedSignersFile=${signedCommits}`] : []),
    'log', '--raw', '--no-abbrev', '-M', '-z', '--diff-merges=dense-combined', '--topo-order', `--format=${format}`, 'HEAD',
    // One letter (editor, approve): `git log --follow` on just that file. Many letters (verify): one log of
    // the whole tree, renames followed below in memory.
    ...(single !== undefined ? ['--follow', '--', single] : ['--', '.', ':(exclude).huurbrief']),
  ];
  const out = git(root, args).toString('utf8');
  const commits: RawCommit[] = [];
  for (const chunk of out.split('\x01')) {
    if (!chunk) continue;
    const tokens = chunk.split('\0');
    const header = signedCommits ? 5 : 3;
    const c: RawCommit = { hash: tokens[0]!, email: tokens[1]!, name: tokens[2]!, changes: [] };
    if (signedCommits) c.signature = { status: tokens[3]!, signer: tokens[4]! };
    for (let i = header; i < tokens.length; i++) {
      const t = tokens[i]!.replace(/^\n/, '');
      if (!t.startsWith(':')) continue;
      const fields = t.replace(/^:+/, '').split(' ');
      const status = fields.at(-1)!;
      const parents = t.length - t.replace(/^:+/, '').length;
      // fields: modes (parents+1), blobs (parents+1), status
      const blob = fields[2 * (parents + 1) - 1]!;
      const paths = /^[RC]/.test(status) ? [tokens[++i]!, tokens[++i]!] : [tokens[++i]!];
      c.changes.push({ status, paths, blob });
    }
    commits.push(c);
  }
  return commits;
}

export interface LetterHistories {
  /** Changes per current letter path, newest first, following renames. */
  byPath: Map<string, LetterChange[]>;
}

/**
 * The history of each letter (repo-relative paths), newest first, following renames like
 * `git log --follow` does (but for all letters from one `git log`).
 */
export function letterHistories(root: string, paths: readonly string[], options: { signedCommits?: string } = {}): LetterHistories {
  const byPath = new Map<string, LetterChange[]>();
  if (!paths.length || !hasCommits(root)) {
    for (const p of paths) byPath.set(p, []);
    return { byPath };
  }
  const commits = readLog(root, options.signedCommits, paths.length === 1 ? paths[0] : undefined);
  // Index: path -> [(commit index, change)], newest first.
  const touches = new Map<string, { at: number; status: string; from?: string; blob: string }[]>();
  commits.forEach((c, at) => {
    for (const ch of c.changes) {
      const path = ch.paths.at(-1)!;
      const entry: { at: number; status: string; from?: string; blob: string } = { at, status: ch.status, blob: ch.blob };
      if (ch.paths.length === 2 && ch.status.startsWith('R')) entry.from = ch.paths[0]!;
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
      const change: LetterChange = { commit: c.hash, authorEmail: c.email, authorName: c.name, path: name, blob: next.blob };
      if (c.signature) change.signature = c.signature;
      if (next.from !== undefined) change.renamedFrom = next.from;
      out.push(change);
      after = next.at;
      if (next.from !== undefined) name = next.from;
      else if (next.status === 'A') break;
    }
    byPath.set(start, out);
  }
  return { byPath };
}

/** Normalised SHA-256 (as in records) of git blobs, from one `git cat-file --batch`. */
export function blobHashes(root: string, blobs: readonly string[]): Map<string, string> {
  const unique = [...new Set(blobs)].filter((b) => !/^0+$/.test(b));
  const map = new Map<string, string>();
  if (!unique.length) return map;
  const out = git(root, ['cat-file', '--batch'], unique.join('\n') + '\n');
  let pos = 0;
  for (const id of unique) {
    const nl = out.indexOf(10, pos);
    const header = out.subarray(pos, nl).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (header.endsWith('missing') || !Number.isFinite(size)) throw new GitError(`git-object ${id} ontbreekt`);
    const content = out.subarray(nl + 1, nl + 1 + size).toString('utf8');
    map.set(id, createHash('sha256').update(normaliseContent(content), 'utf8').digest('hex'));
    pos = nl + 1 + size + 1;
  }
  return map;
}

export function blobText(root: string, blob: string): string {
  return git(root, ['cat-file', 'blob', blob]).toString('utf8');
}
