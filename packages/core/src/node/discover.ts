import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from './read.js';

/** What `huurbrief lint <dir>` picks up. */
export const LETTER_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'] as const;
const SKIP_DIRS = new Set(['node_modules', '.git', '.huurbrief']);

export interface DiscoveredFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Arguments that could not be used (missing path, unreadable folder): reported, the rest goes on. */
  errors: InputError[];
  /** Folders that hold no letter at all (ESLint: "no files matching"); the caller decides whether that is an error. */
  unmatched: InputError[];
}

function isLetter(name: string): boolean {
  const lower = name.toLowerCase();
  return LETTER_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * The nearest `.huurbriefignore` at or above `from` (as git finds its .gitignore files and
 * huurbrief its config): running from a subfolder of the template repository still applies it.
 */
export function findIgnoreFile(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const file = join(dir, '.huurbriefignore');
    if (existsSync(file)) return file;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Ignore rules: the `.huurbriefignore` file's patterns are relative to its folder, `ignorePatterns` to `cwd`. */
function loadIgnore(cwd: string, extra: readonly string[]): (abs: string) => boolean {
  const file = findIgnoreFile(cwd);
  const fromFile = ignore();
  if (file) fromFile.add(readFileSync(file, 'utf8'));
  const fromConfig = ignore().add([...extra]);
  const test = (ig: ReturnType<typeof ignore>, base: string, abs: string) => {
    const rel = relative(base, abs);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
    const path = rel.split(sep).join('/') + (abs.endsWith(sep) ? '/' : '');
    return ig.ignores(path);
  };
  return (abs) => (file !== undefined && test(fromFile, dirname(file), abs)) || test(fromConfig, cwd, abs);
}

/**
 * Expands files, folders and globs into letter files. Folders recurse into
 * .md/.markdown/.txt/.docx, skipping node_modules and .git; `.huurbriefignore`
 * (gitignore syntax, the nearest at or above `cwd`) and `ignorePatterns` leave files out. A file
 * named explicitly is always linted, whatever its extension.
 */
export async function findLetterFiles(args: readonly string[], cwd: string, ignorePatterns: readonly string[] = []): Promise<DiscoveredFiles> {
  const ignored = loadIgnore(cwd, ignorePatterns);
  const found = new Set<string>();
  const errors: InputError[] = [];
  const unmatched: InputError[] = [];

  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push(new InputError(relative(cwd, dir) || dir, code === 'EACCES' ? 'map is niet leesbaar (geen rechten)' : `map kan niet gelezen worden (${code ?? String(error)})`));
      return;
    }
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIP_DIRS.has(e.name) || ignored(abs + sep)) continue;
        walk(abs);
      } else if (e.isFile() && isLetter(e.name) && !e.name.startsWith('~$') && !ignored(abs)) {
        // ("~$brief.docx" is Word's lock file of an open document, not a letter.)
        found.add(abs);
      }
    }
  };

  for (const arg of args.length ? args : ['.']) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], dot: false });
      if (matches.length === 0) errors.push(new InputError(arg, 'patroon vindt geen bestanden'));
      for (const m of matches) if (!ignored(m)) found.add(resolve(m));
      continue;
    }
    const abs = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      errors.push(new InputError(arg, 'bestand of map bestaat niet'));
      continue;
    }
    if (stat.isDirectory()) {
      const before = found.size;
      walk(abs);
      if (found.size === before) unmatched.push(new InputError(arg, `map bevat geen brieven (${LETTER_EXTENSIONS.join(', ')})`));
    } else found.add(abs);
  }
  return { files: [...found].sort(), errors, unmatched };
}
