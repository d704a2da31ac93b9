import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../config/errors.js';
import { resolveConfig, type ConfigLayer } from '../config/resolve.js';
import { allRules } from '../rules/index.js';
import type { ResolvedConfig, Rule } from '../types.js';

/** Config file names, looked up from the letter's folder upwards (first found wins). */
export const CONFIG_FILES = ['huurbrief.config.json', '.huurbriefrc.json'] as const;

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The config file used (undefined: none found, the recommended preset). */
  file?: string;
  /** Every file that went into it (for watching). */
  files: string[];
}

/** The nearest config file at or above `dir`. */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(current, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function position(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `regel ${line}, kolom ${index - before.lastIndexOf('\n')}`;
}

/**
 * Blanks out `//` and `/* *\/` comments outside strings (JSONC, like tsconfig.json),
 * so `huurbrief init` can explain every setting. Comments become spaces and
 * line breaks stay, so JSON error positions still point into the file.
 */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      let j = i;
      while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
      out += ' '.repeat(j - i);
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const j = close === -1 ? text.length : close + 2;
      out += text.slice(i, j).replace(/[^\r\n]/g, ' ');
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// V8's JSON.parse messages (Node 20) in Dutch: config errors are read by writers in the CLI and
// the editor (also used by the CLI for --rule and render data).
const JSON_REASONS: [RegExp, string][] = [
  [/^Unexpected end of JSON input/, 'de JSON houdt midden in op'],
  [/^Expected ':' after property name/, 'dubbele punt verwacht na de naam'],
  [/^Expected ',' or '\}' after property value/, 'komma of } verwacht na een waarde'],
  [/^Expected ',' or '\]' after array element/, 'komma of ] verwacht na een element van de lijst'],
  [/^Expected property name or '\}'/, 'naam tussen dubbele aanhalingstekens of } verwacht'],
  [/^Expected double-quoted property name/, 'naam tussen dubbele aanhalingstekens verwacht, of er staat een komma te veel'],
  [/^Unterminated string/, 'tekst zonder afsluitend aanhalingsteken'],
  [/^Unexpected non-whitespace character after JSON/, 'er staat nog iets na het einde van de JSON'],
  [/^Bad escaped character/, 'ongeldige \\-code in een tekst'],
  [/^Bad control character in string literal/, 'tab of regeleinde binnen een tekst'],
  [/^(No number after minus sign|Unterminated fractional number|Exponent part is missing a number)/, 'onvolledig getal'],
];

/** A JSON.parse error message as a short Dutch reason (the original when unknown). */
export function jsonReasonNl(message: string): string {
  const token = /^Unexpected token '(.+?)'/.exec(message);
  if (token) return `onverwacht teken '${token[1]}'`;
  return JSON_REASONS.find(([re]) => re.test(message))?.[1] ?? message;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(stripJsonComments(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const where = at ? position(text, Number(at[1])) : '';
    throw new ConfigError(file, where, `geen geldige JSON (${jsonReasonNl(message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''))})`);
  }
}

/** An npm package name (scoped or not), optionally with a path inside it: "@woonstad/huurbrief-config", "huisstijl/strikt.json". */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w./-]+)?$/i;

/**
 * A shareable config, found with Node's module resolution from the config file's folder, as
 * ESLint and textlint find theirs: the package's JSON `main` (or the JSON file named in `extends`),
 * else `huurbrief.config.json` in the package. Only JSON: a shared house style is data, and
 * loading it never runs code from node_modules.
 */
function resolvePackageConfig(from: string, name: string, index: number): string {
  const req = createRequire(join(dirname(from), 'huurbrief.config.json'));
  let main: string | undefined;
  try {
    main = req.resolve(name);
  } catch {
    // No resolvable main: look for huurbrief.config.json next to the package.json below.
  }
  if (main && /\.json$/i.test(main) && !/package\.json$/.test(main)) return main;
  let pkgJson: string;
  try {
    pkgJson = req.resolve(`${name.replace(/\/$/, '')}/package.json`);
  } catch {
    throw new ConfigError(from, `extends[${index}]`, `kan het pakket "${name}" niet vinden vanuit deze map (installeer het met: npm install --save-dev ${name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')})`);
  }
  const candidate = join(dirname(pkgJson), 'huurbrief.config.json');
  if (existsSync(candidate)) return candidate;
  throw new ConfigError(from, `extends[${index}]`, `het pakket "${name}" heeft geen JSON-configuratie (verwacht: "main" naar een .json-bestand, of huurbrief.config.json in het pakket)`);
}

/** Reads a config file and the files it extends (earliest first); presets stay in `extends`. */
export function loadConfigLayers(file: string, seen: Set<string> = new Set()): ConfigLayer[] {
  const abs = resolve(file);
  if (seen.has(abs)) throw new ConfigError(abs, 'extends', 'kringverwijzing: dit bestand breidt zichzelf (via andere bestanden) uit');
  seen.add(abs);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(abs, '', code === 'ENOENT' ? 'configbestand bestaat niet' : `kan configbestand niet lezen (${code ?? String(error)})`);
  }
  const config = parseJson(abs, text);
  const layers: ConfigLayer[] = [];
  if (config && typeof config === 'object' && !Array.isArray(config)) {
    const ext = (config as { extends?: unknown }).extends;
    if (Array.isArray(ext)) {
      // Extends apply in order, before the file's own settings: presets become
      // a layer of their own at their place in the list, files are expanded.
      for (const entry of ext) {
        if (typeof entry === 'string' && (entry.startsWith('.') || entry.startsWith('/'))) {
          layers.push(...loadConfigLayers(resolve(dirname(abs), entry), seen));
        } else if (typeof entry === 'string' && !entry.startsWith('huurbrief:') && !/^(?:recommended|strict)$/.test(entry) && PACKAGE_NAME.test(entry)) {
          layers.push(...loadConfigLayers(resolvePackageConfig(abs, entry, ext.indexOf(entry)), seen));
        } else {
          layers.push({ file: abs, config: { extends: [entry] } });
        }
      }
      const { extends: _expanded, ...own } = config as Record<string, unknown>;
      layers.push({ file: abs, config: { ...own, extends: [] } });
      return layers;
    }
  }
  layers.push({ file: abs, config });
  return layers;
}

/**
 * Finds and resolves the config for letters, cached per folder. The CLI uses
 * one loader per run; the language server clears it when a config file changes.
 */
export class ConfigLoader {
  private readonly byDir = new Map<string, LoadedConfig>();
  private readonly byFile = new Map<string, LoadedConfig>();

  constructor(
    private readonly options: { configFile?: string; noConfig?: boolean; overrides?: ConfigLayer[]; rules?: readonly Rule[] } = {},
  ) {}

  forFile(letterPath: string): LoadedConfig {
    const dir = dirname(resolve(letterPath));
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let file: string | undefined;
    if (this.options.configFile) file = resolve(this.options.configFile);
    else if (!this.options.noConfig) file = findConfigFile(dir);
    const loaded = file ? this.load(file) : this.resolveLayers([], undefined);
    this.byDir.set(dir, loaded);
    return loaded;
  }

  private load(file: string): LoadedConfig {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const layers = loadConfigLayers(file);
    const loaded = this.resolveLayers(layers, file);
    this.byFile.set(file, loaded);
    return loaded;
  }

  private resolveLayers(layers: ConfigLayer[], file: string | undefined): LoadedConfig {
    const all = [...layers, ...(this.options.overrides ?? [])];
    const config = resolveConfig(all, this.options.rules ?? allRules);
    const out: LoadedConfig = { config, files: [...new Set(layers.map((l) => l.file))] };
    if (file) out.file = file;
    return out;
  }

  clear(): void {
    this.byDir.clear();
    this.byFile.clear();
  }
}
