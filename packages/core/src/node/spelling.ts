// The shipped word lists for the spelling rule, read from disk: once per
// process, synchronously, and only when the rule asks for a language (so a run
// with spelling off never loads them). Registered as the core's spelling
// provider when @huurbrief/core/node is imported (unless one is set already).
//
// The lists live in a folder `spelling/` built by scripts/build-spelling.mjs:
// the cspell dictionaries in cspell's binary trie format and cspell-dictionary
// bundled as one CommonJS file (it is ESM only, and lintText is synchronous).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasSpellingProvider, setSpellingProvider, type SpellingDictionary, type SpellingSuggestion } from '../spelling/dictionary.js';
import type { Language } from '../types.js';
import { runWithCodeCache } from './code-cache.js';

/** The part of cspell-dictionary we use (bundled in spelling/cspell.cjs). */
interface CspellModule {
  createSpellingDictionaryFromTrieFile(data: Uint8Array, name: string, source: string, options: Record<string, unknown>): CspellDictionary;
}
/** cspell's WeightMap as stored by scripts/build-spelling.mjs (the penalties' RegExps as source and flags). */
interface StoredWeights {
  insDel: unknown;
  replace: unknown;
  swap: unknown;
  adjustments: [string, { id: string; regexp: { source: string; flags: string }; penalty: number }][];
}
interface CspellDictionary {
  /** The trie; its compound markers are nodes: "betalings+" begins compounds, "+controle" ends them. */
  trie: { find(text: string): { eow: boolean } | undefined };
  has(word: string, options: { ignoreCase: boolean }): boolean;
  find(word: string, options: { ignoreCase: boolean; compoundSeparator: string }): { found: string | false } | undefined;
  suggest(word: string, options: { numSuggestions: number; numChanges: number; ignoreCase: boolean; includeTies: boolean }): { word: string; cost: number }[];
}
interface ListInfo {
  name: string;
  package: string;
  version: string;
  dictionaryInformation: Record<string, unknown>;
  repMap: [string, string][];
}

/** Edits a suggestion may be away from the word: 2 finds the typos of fixtures/spelling/ as well as 3 does, in less time. */
const MAX_CHANGES = 2;
/** Entries per cache before it starts over (bounded memory in a long-running language server). */
const CACHE_LIMIT = 20_000;

/**
 * Where the `spelling/` folder can be, in order: next to the running module (a
 * bundle that copied it, such as the VS Code extension's server), the core
 * package's own layout (this file is dist/node/spelling.js or src/node/spelling.ts),
 * and the installed @huurbrief/core (the CLI's bundle, which has it as a dependency).
 */
export function spellingFolders(from: string = import.meta.url): string[] {
  const out = [fileURLToPath(new URL('./spelling/', from)), fileURLToPath(new URL('../../spelling/', from))];
  try {
    out.push(join(dirname(createRequire(from).resolve('@huurbrief/core/package.json')), 'spelling'));
  } catch {
    // Not installed as a package (a bundle without node_modules): the first places must do.
  }
  return [...new Set(out)];
}

/** The first folder with a complete build, or an error that names the places looked in. */
export function findSpellingFolder(candidates: readonly string[] = spellingFolders()): string {
  const hit = candidates.find((dir) => existsSync(join(dir, 'build.json')) && existsSync(join(dir, 'cspell.cjs')));
  if (hit) return hit;
  throw new Error(`de woordenlijsten voor de spellingcontrole zijn niet gevonden (gezocht in ${candidates.join(', ')}); installeer huurbrief opnieuw, of bouw het met pnpm build`);
}

/** One language's list: a checker (fast to build) and, on the first suggestion, a suggester with the list's edit costs. */
export class ShippedDictionary implements SpellingDictionary {
  private readonly checker: CspellDictionary;
  private suggester: CspellDictionary | undefined;
  private readonly known = new Map<string, boolean>();
  private readonly suggestions = new Map<string, SpellingSuggestion[]>();

  constructor(
    readonly lang: Language,
    private readonly cspell: CspellModule,
    private readonly data: Uint8Array,
    private readonly info: ListInfo,
    readonly source: string,
    /** The compiled suggestion costs (spelling/<lang>.weights.json); read on the first suggestion. */
    private readonly weights: () => StoredWeights,
  ) {
    // Only the suggester needs the edit costs: it is built on the first unknown word.
    this.checker = cspell.createSpellingDictionaryFromTrieFile(data, info.name, source, { ignoreForbiddenWords: true, repMap: info.repMap });
  }

  has(word: string): boolean {
    let hit = this.known.get(word);
    if (hit === undefined) {
      hit = this.checker.has(word, { ignoreCase: false });
      if (this.known.size >= CACHE_LIMIT) this.known.clear();
      this.known.set(word, hit);
    }
    return hit;
  }

  /** The list's verdict without the cache of verdicts. */
  lookupUncached(word: string): boolean {
    return this.checker.has(word, { ignoreCase: false });
  }

  suggest(word: string, max: number): SpellingSuggestion[] {
    const key = `${max}\u0000${word}`;
    let hit = this.suggestions.get(key);
    if (hit === undefined) {
      hit = this.suggestList()
        .suggest(word, { numSuggestions: max, numChanges: MAX_CHANGES, ignoreCase: false, includeTies: false })
        .map((s) => ({ word: s.word, cost: s.cost }));
      if (this.suggestions.size >= CACHE_LIMIT) this.suggestions.clear();
      this.suggestions.set(key, hit);
    }
    return hit.map((s) => ({ ...s }));
  }

  parts(word: string): number {
    const found = this.checker.find(word, { ignoreCase: false, compoundSeparator: '\u2022' })?.found;
    return typeof found === 'string' ? found.split('\u2022').length : 1;
  }

  compoundStart(part: string): boolean {
    return this.checker.trie.find(`${part}+`)?.eow === true;
  }

  compoundEnd(part: string): boolean {
    return this.checker.trie.find(`+${part}`)?.eow === true;
  }

  /** Builds the suggester now (the language server does this in the background, so the first typo waits for nothing). */
  warm(): void {
    this.suggestList();
    // One suggestion compiles cspell's search code: the writer's first typo does not pay for it.
    this.suggestList().suggest('woninggg', { numSuggestions: 1, numChanges: MAX_CHANGES, ignoreCase: false, includeTies: false });
  }

  private suggestList(): CspellDictionary {
    if (!this.suggester) {
      // The list's edit costs, compiled at build time (compiling them here would take 100-300 ms).
      const stored = this.weights();
      const weightMap = {
        insDel: stored.insDel,
        replace: stored.replace,
        swap: stored.swap,
        adjustments: new Map(stored.adjustments.map(([key, a]) => [key, { id: a.id, regexp: new RegExp(a.regexp.source, a.regexp.flags), penalty: a.penalty }])),
      };
      this.suggester = this.cspell.createSpellingDictionaryFromTrieFile(this.data, this.info.name, this.source, {
        ignoreForbiddenWords: true,
        repMap: this.info.repMap,
        dictionaryInformation: this.info.dictionaryInformation,
        weightMap,
      });
    }
    return this.suggester;
  }
}

/**
 * Runs `spelling/cspell.cjs` (cspell-dictionary bundled, 160 KB) with a V8 code cache next to it
 * (`runWithCodeCache`, as the CLI and the language server run their own bundles): a `require`
 * compiles the file from source on every start, about 15 ms of the list's load (a third of it).
 * The cache is written after the first list was loaded and asked for a word, so it holds the
 * functions that did.
 */
export function loadCspellBundle(file: string): { module: CspellModule; saveCache(prime: () => void): void } {
  const run = runWithCodeCache(file, readFileSync(file, 'utf8'));
  return { module: run.exports as CspellModule, saveCache: (prime) => run.saveCache(prime) };
}

let folder: string | undefined;
let cspell: ReturnType<typeof loadCspellBundle> | undefined;
const loaded = new Map<Language, ShippedDictionary>();
let failure: Error | undefined;

/** The shipped list for `lang`, loaded on the first call (synchronously; ~50 ms for Dutch). Throws when the files are missing. */
export function loadSpellingDictionary(lang: Language): ShippedDictionary {
  const hit = loaded.get(lang);
  if (hit) return hit;
  if (failure) throw failure;
  try {
    folder ??= findSpellingFolder();
    cspell ??= loadCspellBundle(join(folder, 'cspell.cjs'));
    const file = join(folder, `${lang}.btrie`);
    const info = JSON.parse(readFileSync(join(folder, `${lang}.json`), 'utf8')) as ListInfo;
    const weights = join(folder, `${lang}.weights.json`);
    const dict = new ShippedDictionary(lang, cspell.module, readFileSync(file), info, file, () => JSON.parse(readFileSync(weights, 'utf8')) as StoredWeights);
    loaded.set(lang, dict);
    // A lookup compiles what every later one runs: the cache then holds it too (the verdict is not kept).
    cspell.saveCache(() => dict.lookupUncached('woning'));
    return dict;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  }
}

/** True when the list for `lang` is in memory already. */
export function spellingLoaded(lang: Language): boolean {
  return loaded.has(lang);
}

/**
 * Loads the list for `lang` and its suggester now. For a long-running process
 * (the language server) that wants the cost behind it before the writer types.
 */
export function warmSpelling(lang: Language = 'nl'): void {
  loadSpellingDictionary(lang).warm();
}

if (!hasSpellingProvider()) setSpellingProvider(loadSpellingDictionary);
