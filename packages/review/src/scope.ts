// Which letters `review verify` checks, in a git repository. Fail closed: every file git knows
// under the given paths (tracked, or new and not ignored by git) with a letter extension, in any
// case (.MD too), dotfiles and nested folders included; only the ignore rules (from the base when
// given) leave letters out, and those are listed. Symlinked letters or folders are bad input.
import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import ignore from 'ignore';
import { LETTER_EXTENSIONS } from '@huurbrief/core/node';
import { GitError } from './git.js';

export interface LetterScope {
  /** Repo-relative letters to verify, sorted. */
  letters: string[];
  /** Tracked blob ids of the letters (absent for new, untracked letters). */
  blobs: Map<string, string>;
  /** Left out by `.huurbriefignore`: listed in the report. */
  skipped: { file: string; reason: string }[];
  /** Bad input (exit code 2). */
  problems: { file: string; reason: string; code: string }[];
}

const isLetterName = (name: string) => LETTER_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/**
 * Letters in formats huurbrief cannot read (as lint, which reads them only when named and then
 * refuses them with this reason): listed as not checked, never passed silently.
 */
function unreadableFormat(name: string): string | undefined {
  if (/\.doc$/i.test(name)) return 'Word 97-2003-document (.doc); huurbrief leest alleen .docx. Sla de brief in Word op als .docx om hem te laten aftekenen';
  if (/\.rtf$/i.test(name)) return 'RTF-bestand; huurbrief leest geen RTF. Sla de brief op als Word-document (.docx) of als platte tekst (.txt) om hem te laten aftekenen';
  return undefined;
}

function lsFiles(root: string, cwd: string, args: string[], pathspecs: string[]): string[] {
  const r = spawnSync('git', ['-c', 'core.quotepath=off', 'ls-files', '-z', '--full-name', ...args, '--', ...pathspecs], {
    cwd,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C' },
  });
  if (r.error) throw new GitError(`git kon niet gestart worden: ${r.error.message}`);
  if (r.status !== 0) throw new GitError(`git ls-files mislukte: ${r.stderr.toString('utf8').trim()}`);
  void root;
  return r.stdout.toString('utf8').split('\0').filter(Boolean);
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/** The first symlink on the way from the repository root to `rel` (inclusive), if any. Folders are looked at once. */
function symlinkOnPath(root: string, rel: string, folders: Map<string, string | undefined> = new Map()): string | undefined {
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    const isFolder = i < parts.length;
    if (isFolder && folders.has(sub)) {
      const hit = folders.get(sub);
      if (hit !== undefined) return hit;
      continue;
    }
    let link: string | undefined;
    let gone = false;
    try {
      if (lstatSync(join(root, sub)).isSymbolicLink()) link = sub;
    } catch {
      gone = true;
    }
    if (isFolder) folders.set(sub, link);
    if (link !== undefined) return link;
    if (gone) return undefined;
  }
  return undefined;
}

/**
 * Letters in scope for `args` (files, folders, git pathspecs; default the working directory).
 * `ignoreText` is the `.huurbriefignore` to apply (from the base with `--base`), paths relative to the root.
 */
export function gitLetterScope(root: string, cwd: string, args: readonly string[], ignoreText: string | undefined): LetterScope {
  const scope: LetterScope = { letters: [], blobs: new Map(), skipped: [], problems: [] };
  const ig = ignore();
  if (ignoreText) ig.add(ignoreText);
  const pathspecs: string[] = [];
  const explicit = new Set<string>();
  for (const arg of args.length ? args : ['.']) {
    const abs = resolve(cwd, arg);
    const rel = relative(root, abs);
    const dynamic = /[*?[\]{}]/.test(arg);
    let exists = true;
    try {
      lstatSync(abs);
    } catch {
      exists = false;
    }
    if (!dynamic && !exists) {
      scope.problems.push({ file: arg, code: 'input', reason: 'bestand of map bestaat niet' });
      continue;
    }
    if (rel.startsWith('..') || isAbsolute(rel)) {
      if (!dynamic && realpathOrSelf(abs).startsWith(realpathOrSelf(root) + sep) === false && realpathOrSelf(abs) !== realpathOrSelf(root)) {
        scope.problems.push({ file: arg, code: 'input', reason: `ligt buiten de repository ${root}` });
        continue;
      }
      // A glob, or a path through a symlinked checkout: let git judge it as a pathspec.
      pathspecs.push(arg);
      continue;
    }
    const repoRel = rel.split(sep).join('/');
    const link = repoRel ? symlinkOnPath(root, repoRel) : undefined;
    if (link !== undefined) {
      scope.problems.push({ file: link, code: 'symlink', reason: 'is een symbolische koppeling; brieven en briefmappen moeten echte bestanden en mappen in de repository zijn (git volgt de koppeling niet, dus geschiedenis en auteurs ontbreken)' });
      continue;
    }
    let isFile = false;
    try {
      isFile = lstatSync(abs).isFile();
    } catch {
      /* a glob or a path git knows: git judges it */
    }
    if (isFile && repoRel) explicit.add(repoRel);
    pathspecs.push(arg);
  }
  if (!pathspecs.length) return scope;

  const tracked = lsFiles(root, cwd, ['--stage'], pathspecs);
  const seen = new Set<string>();
  const folders = new Map<string, string | undefined>();
  const consider = (path: string, mode: string | undefined, blob: string | undefined) => {
    if (seen.has(path)) return;
    seen.add(path);
    if (path.startsWith('.huurbrief/')) {
      // Review data, not letters; a letter-named file there is listed, never silently dropped.
      if (isLetterName(path)) scope.skipped.push({ file: path, reason: 'ligt in .huurbrief/ (reviewgegevens), niet als brief gecontroleerd' });
      return;
    }
    const letterLike = isLetterName(path) || explicit.has(path);
    if (mode === '120000' || (mode === undefined && symlinkOnPath(root, path, folders) !== undefined)) {
      scope.problems.push({ file: path, code: 'symlink', reason: 'is een symbolische koppeling; een brief (of briefmap) moet een gewoon bestand in de repository zijn' });
      return;
    }
    if (mode === '160000') {
      scope.problems.push({ file: path, code: 'submodule', reason: 'is een git-submodule; brieven daarin worden niet gecontroleerd, geef die repository apart op' });
      return;
    }
    if (!letterLike) {
      const format = unreadableFormat(path);
      if (format && !ig.ignores(path)) scope.skipped.push({ file: path, reason: format });
      return;
    }
    if (!explicit.has(path) && ig.ignores(path)) {
      scope.skipped.push({ file: path, reason: 'uitgesloten door .huurbriefignore' });
      return;
    }
    const link = symlinkOnPath(root, path, folders);
    if (link !== undefined) {
      scope.problems.push({ file: link, code: 'symlink', reason: 'is een symbolische koppeling; een brief (of briefmap) moet een gewoon bestand in de repository zijn' });
      return;
    }
    scope.letters.push(path);
    if (blob) scope.blobs.set(path, blob);
  };
  for (const line of tracked) {
    const tab = line.indexOf('\t');
    const [mode, blob] = line.slice(0, tab).split(' ');
    consider(line.slice(tab + 1), mode, blob);
  }
  for (const path of lsFiles(root, cwd, ['--others', '--exclude-standard'], pathspecs)) consider(path, undefined, undefined);
  scope.letters.sort();
  return scope;
}
