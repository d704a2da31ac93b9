// Finding and reading `.huurbrief/baseline.json` (see ../baseline/baseline.ts
// for what it means). Shared by the CLI and the language server, so both
// accept the same findings for the same text.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { BASELINE_VERSION, type Baseline, type BaselineEntry } from '../baseline/baseline.js';
import { didYouMean } from '../config/resolve.js';
import { allRules } from '../rules/index.js';
import { jsonReasonNl } from './config.js';

/** Where a baseline lives, relative to its root (the repository or config root). */
export const BASELINE_FILE = '.huurbrief/baseline.json';
const BASELINE_DIR = '.huurbrief';

/** A baseline file that cannot be used: names the file, the place and the reason (exit code 2). */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
  constructor(
    readonly file: string,
    readonly place: string,
    readonly reason: string,
  ) {
    super(`${file}${place ? `: ${place}` : ''}: ${reason}`);
  }
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The line of a letter's key (and of a rule's key inside it) in the file's text, for error messages. */
function placeOf(text: string, path: string, ruleId?: string): string {
  const at = text.indexOf(JSON.stringify(path));
  const inner = at >= 0 && ruleId !== undefined ? text.indexOf(JSON.stringify(ruleId), at) : at;
  const where = `letters › ${path}${ruleId !== undefined ? ` › ${ruleId}` : ''}`;
  return inner >= 0 ? `regel ${lineAt(text, inner)}, ${where}` : where;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A letter's key: relative, with `/`, no `.` or `..` segments. */
function pathProblem(path: string): string | undefined {
  if (path === '') return 'een leeg pad';
  if (path.includes('\\')) return 'gebruik / in paden, geen \\';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'het pad moet relatief zijn (ten opzichte van de map waar .huurbrief/ in staat)';
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'het pad mag geen lege stukken, "." of ".." bevatten';
  return undefined;
}

/**
 * Parses and checks a baseline file's text. Broken JSON, a wrong shape, an
 * unknown rule id or a count that is not a whole number of at least 1 throw a
 * BaselineError with the place (line, and the letter and rule) and the reason.
 */
export function parseBaseline(text: string, file: string, knownRules: Iterable<string> = allRules.map((r) => r.meta.id)): Baseline {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? `regel ${lineAt(source, Number(at[1]))}, kolom ${Number(at[1]) - source.lastIndexOf('\n', Number(at[1]) - 1)}` : '';
    throw new BaselineError(file, where, `geen geldige JSON (${jsonReasonNl(message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''))})`);
  }
  if (!isObject(data)) throw new BaselineError(file, '', 'verwacht een object met "version" en "letters"');
  for (const key of Object.keys(data)) {
    if (key !== 'version' && key !== 'letters') throw new BaselineError(file, key, `onbekende sleutel "${key}"; een baseline heeft alleen "version" en "letters"`);
  }
  if (data['version'] !== BASELINE_VERSION) {
    throw new BaselineError(file, 'version', `verwacht ${BASELINE_VERSION}, gevonden ${JSON.stringify(data['version'] ?? null)} (maak de baseline opnieuw met huurbrief lint --baseline-update)`);
  }
  const letters = data['letters'];
  if (!isObject(letters)) throw new BaselineError(file, 'letters', 'verwacht een object: per brief de aantallen per regel');
  const known = new Set(knownRules);
  const out: Record<string, BaselineEntry> = {};
  for (const [path, entry] of Object.entries(letters)) {
    const problem = pathProblem(path);
    if (problem) throw new BaselineError(file, placeOf(source, path), `ongeldig pad: ${problem}`);
    if (!isObject(entry)) throw new BaselineError(file, placeOf(source, path), 'verwacht een object met per regel een aantal, bijv. { "plain-words": 3 }');
    const rules: BaselineEntry = {};
    for (const [ruleId, count] of Object.entries(entry)) {
      if (!known.has(ruleId)) {
        const near = didYouMean(ruleId, known);
        throw new BaselineError(file, placeOf(source, path, ruleId), `onbekende regel "${ruleId}"${near ? ` (bedoelt u "${near}"?)` : ''}`);
      }
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        throw new BaselineError(file, placeOf(source, path, ruleId), `het aantal moet een geheel getal van 1 of meer zijn, niet ${JSON.stringify(count)}`);
      }
      rules[ruleId] = count;
    }
    out[path] = rules;
  }
  return { letters: out };
}

/** Reads and parses a baseline file. A missing file is an error too (the caller decides whether that is fine). */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(file, '', code === 'ENOENT' ? 'bestand bestaat niet' : code === 'EISDIR' ? 'dat is een map' : `kan het bestand niet lezen (${code ?? String(error)})`);
  }
  return parseBaseline(text, file);
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** The nearest `.huurbrief/baseline.json` at or above `dir`. */
export function findBaselineFile(dir: string): string | undefined {
  for (let current = resolve(dir); ; ) {
    const candidate = join(current, BASELINE_FILE);
    if (isFile(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * The folder a baseline's paths are relative to: the folder that holds
 * `.huurbrief/`, or for a file elsewhere (`--baseline ci/baseline.json`) its own folder.
 */
export function baselineRoot(file: string): string {
  const dir = dirname(resolve(file));
  return basename(dir) === BASELINE_DIR ? dirname(dir) : dir;
}

/**
 * Where `--baseline-update` creates a baseline for a letter that has none: at
 * the nearest folder above the letter with `.huurbrief/` (review data) or
 * `.git`, else in the current folder (when the letter is inside it), else
 * beside the letter.
 */
export function newBaselineFile(letter: string, cwd: string): string {
  const start = dirname(resolve(letter));
  for (let current = start; ; ) {
    if (isDir(join(current, BASELINE_DIR)) || existsSync(join(current, '.git'))) return join(current, BASELINE_FILE);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const base = resolve(cwd);
  return join(letterKey(base, resolve(letter)) !== undefined ? base : start, BASELINE_FILE);
}

/** A letter's key in a baseline with root `root`: relative, with `/`; undefined outside the root. */
export function letterKey(root: string, letter: string): string | undefined {
  const rel = relative(root, resolve(letter));
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** The baseline that applies to a letter. */
export interface LetterBaseline {
  /** Absolute path of the baseline file. */
  file: string;
  /** The folder the baseline's paths are relative to. */
  root: string;
  /** The letter's key in it (undefined: the letter lies outside the root). */
  key: string | undefined;
  baseline: Baseline;
}

export interface BaselineLoaderOptions {
  /** One baseline for every letter (`--baseline <file>`) instead of looking it up. */
  file?: string;
}

/**
 * Finds and reads baselines for letters, as config files are found: the
 * nearest `.huurbrief/baseline.json` at or above the letter's folder (or the
 * one given file). Lookups and parsed files are cached until `clear()`.
 */
export class BaselineLoader {
  private readonly byDir = new Map<string, string | null>();
  private readonly parsed = new Map<string, Baseline | BaselineError>();

  constructor(private readonly options: BaselineLoaderOptions = {}) {}

  /** The baseline file for a letter (not read yet); undefined when none applies. */
  fileFor(letter: string): string | undefined {
    if (this.options.file !== undefined) return resolve(this.options.file);
    const dir = dirname(resolve(letter));
    let file = this.byDir.get(dir);
    if (file === undefined) {
      file = findBaselineFile(dir) ?? null;
      this.byDir.set(dir, file);
    }
    return file ?? undefined;
  }

  /** The parsed baseline file (cached). Throws BaselineError. */
  load(file: string): Baseline {
    const abs = resolve(file);
    let hit = this.parsed.get(abs);
    if (!hit) {
      try {
        hit = readBaseline(abs);
      } catch (error) {
        if (!(error instanceof BaselineError)) throw error;
        hit = error;
      }
      this.parsed.set(abs, hit);
    }
    if (hit instanceof BaselineError) throw hit;
    return hit;
  }

  /** The baseline for a letter, or undefined when none applies. Throws BaselineError for a broken file. */
  forLetter(letter: string): LetterBaseline | undefined {
    const file = this.fileFor(letter);
    if (!file) return undefined;
    const root = baselineRoot(file);
    return { file, root, key: letterKey(root, letter), baseline: this.load(file) };
  }

  clear(): void {
    this.byDir.clear();
    this.parsed.clear();
  }
}
