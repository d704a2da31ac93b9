import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ConfigError, unknownWords } from '@huurbrief/core';
import { ConfigLoader, findLetterFiles, InputError, readLetterFile } from '@huurbrief/core/node';
import { UsageError } from '../errors.js';
import { writeFileAtomic, WriteError } from '../fix/write.js';
import { displayPath } from '../lint/run.js';
import { emit } from './lint.js';

// `huurbrief spelling --unknown <paths>`: the words the spelling rule does not
// know, over a set of letters, with counts, so an organisation can build its
// own word list (`woorden.negeren`) in one go instead of letter by letter.

export interface SpellingFlags {
  unknown?: boolean;
  format: 'text' | 'json' | 'config';
  minCount: number;
  addToConfig?: string;
  outputFile?: string;
  config?: string | false;
  configLookup?: boolean;
  errorOnUnmatchedPattern?: boolean;
}

export interface UnknownEntry {
  word: string;
  count: number;
  /** Display paths of the letters it is in, sorted. */
  letters: string[];
}

function minCount(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('geef een geheel getal van 1 of meer');
  return Number(value);
}

export function register(program: Command): void {
  program
    .command('spelling')
    .description('zet de woorden op een rij die de spellingcontrole niet kent (voor uw eigen woordenlijst)')
    .argument('[paden...]', 'bestanden, mappen of patronen (standaard: de huidige map)')
    .option('--unknown', 'toon de onbekende woorden met hoe vaak ze voorkomen')
    .addOption(new Option('-f, --format <naam>', 'text: een tabel; json: woorden met aantallen en brieven; config: een blok voor huurbrief.config.json').choices(['text', 'json', 'config']).default('text'))
    .addOption(new Option('--min-count <aantal>', 'alleen woorden die minstens zo vaak voorkomen').argParser(minCount).default(1))
    .option('--add-to-config <bestand>', 'zet de woorden in woorden.negeren van dit (bestaande) configbestand')
    .option('-o, --output-file <pad>', 'schrijf de uitvoer naar dit bestand in plaats van naar het scherm')
    .option('-c, --config <bestand>', 'gebruik dit configbestand in plaats van huurbrief.config.json te zoeken')
    .addOption(new Option('--no-config', 'gebruik geen configbestand, alleen huurbrief:recommended'))
    .addOption(new Option('--no-config-lookup', 'oude naam van --no-config').hideHelp())
    .addOption(new Option('--no-error-on-unmatched-pattern', 'geen fout (uitvoercode 2) als een map of patroon geen brieven bevat'))
    .addHelpText(
      'after',
      `
Een onbekend woord is een woord dat huurbrief lint als spelling zou melden:
namen, codes, invulvelden, afkortingen en de woorden in woorden.negeren tellen
niet mee. Lees de lijst na voor u hem overneemt: er kunnen ook echte typfouten
in staan. Met --min-count 2 blijven woorden weg die maar één keer voorkomen.

Uitvoercodes: 0 klaar (ook als er onbekende woorden zijn), 2 verkeerd gebruik,
fout in configuratie of onleesbaar bestand.

Voorbeelden:
  huurbrief spelling --unknown brieven/
  huurbrief spelling --unknown brieven/ --format config --min-count 2
  huurbrief spelling --unknown brieven/ --min-count 2 --add-to-config huurbrief.config.json`,
    )
    .action(async (paths: string[], flags: SpellingFlags) => {
      process.exitCode = await spellingCommand(paths, flags);
    });
}

/** Counts the unknown words of the letters under `paths`; problems (unreadable files, bad config) are collected. */
export async function collectUnknown(paths: string[], cwd: string, flags: Pick<SpellingFlags, 'config' | 'configLookup' | 'errorOnUnmatchedPattern'>): Promise<{ entries: UnknownEntry[]; letters: number; problems: (InputError | ConfigError)[] }> {
  const loader = new ConfigLoader({
    ...(typeof flags.config === 'string' ? { configFile: flags.config } : {}),
    ...(flags.config === false || flags.configLookup === false ? { noConfig: true } : {}),
  });
  const problems: (InputError | ConfigError)[] = [];
  let ignorePatterns: string[] = [];
  try {
    ignorePatterns = loader.forFile(resolve(cwd, 'x.md')).config.ignorePatterns;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(error);
  }
  const found = await findLetterFiles(paths.length ? paths : ['.'], cwd, ignorePatterns);
  problems.push(...found.errors);
  if (flags.errorOnUnmatchedPattern !== false) problems.push(...found.unmatched);
  const byWord = new Map<string, { count: number; letters: Set<string> }>();
  let letters = 0;
  for (const abs of [...found.files].sort()) {
    const shown = displayPath(cwd, abs);
    try {
      const file = readLetterFile(abs);
      const { config } = loader.forFile(abs);
      for (const w of unknownWords(file.text, { config, filePath: abs })) {
        const e = byWord.get(w.word) ?? { count: 0, letters: new Set<string>() };
        e.count++;
        e.letters.add(shown);
        byWord.set(w.word, e);
      }
      letters++;
    } catch (error) {
      if (error instanceof InputError) problems.push(new InputError(shown, error.reason));
      else if (error instanceof ConfigError) {
        if (!problems.some((p) => p instanceof ConfigError && p.message === error.message)) problems.push(error);
      } else throw error;
    }
  }
  const entries = [...byWord].map(([word, e]) => ({ word, count: e.count, letters: [...e.letters].sort() }));
  entries.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'nl'));
  return { entries, letters, problems };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatUnknown(entries: readonly UnknownEntry[], format: SpellingFlags['format'], letters: number): string {
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  if (format === 'config') return `${JSON.stringify({ woorden: { negeren: entries.map((e) => e.word).sort((a, b) => a.localeCompare(b, 'nl')) } }, null, 2)}\n`;
  if (entries.length === 0) return `Geen onbekende woorden in ${plural(letters, 'brief', 'brieven')}.\n`;
  const width = Math.max(...entries.map((e) => e.word.length));
  const countWidth = String(entries[0]!.count).length;
  const lines = entries.map((e) => `${e.word.padEnd(width)}  ${String(e.count).padStart(countWidth)}×  ${e.letters.length === 1 ? e.letters[0] : plural(e.letters.length, 'brief', 'brieven')}`);
  const total = entries.reduce((n, e) => n + e.count, 0);
  return `${lines.join('\n')}\n\n${plural(entries.length, 'onbekend woord', 'onbekende woorden')} (${total}× in totaal) in ${plural(letters, 'brief', 'brieven')}\n`;
}

/**
 * Adds `words` to `woorden.negeren` of an existing JSON config file, keeping
 * everything else; written atomically. Returns the words that were new.
 */
export function addToConfig(file: string, words: readonly string[]): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'bestaat niet; maak eerst een configuratie met huurbrief init' : `kan niet gelezen worden (${code ?? 'onbekend'})`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError(file, 'is geen gewone JSON (commentaar of een fout): huurbrief schrijft er niet in; zet de woorden er zelf in (--format config)');
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new InputError(file, 'bevat geen JSON-object');
  const root = config as Record<string, unknown>;
  const woorden = (root['woorden'] ??= {}) as Record<string, unknown>;
  if (typeof woorden !== 'object' || woorden === null || Array.isArray(woorden)) throw new InputError(file, 'woorden: verwacht een object');
  const negeren = (woorden['negeren'] ??= []) as unknown;
  if (!Array.isArray(negeren) || negeren.some((w) => typeof w !== 'string')) throw new InputError(file, 'woorden.negeren: verwacht een lijst met woorden');
  const have = new Set(negeren as string[]);
  const added = words.filter((w) => !have.has(w));
  (negeren as string[]).push(...added);
  const indent = /^[ \t]*\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const out = `${text.startsWith('\uFEFF') ? '\uFEFF' : ''}${JSON.stringify(root, null, indent).replace(/\n/g, newline)}${newline}`;
  try {
    writeFileAtomic(file, Buffer.from(out, 'utf8'), statSync(file).mode);
  } catch (error) {
    if (error instanceof WriteError) throw new InputError(file, `niet geschreven: ${error.reason}`);
    throw error;
  }
  return added;
}

export async function spellingCommand(paths: string[], flags: SpellingFlags, cwd = process.cwd()): Promise<number> {
  if (!flags.unknown) throw new UsageError('spelling: geef --unknown om de onbekende woorden te tonen (de spellingcontrole zelf draait in huurbrief lint)');
  const { entries, letters, problems } = await collectUnknown(paths, cwd, flags);
  const shown = entries.filter((e) => e.count >= flags.minCount);
  if (letters > 0 || problems.length === 0) emit(formatUnknown(shown, flags.format, letters), flags.outputFile);
  if (flags.addToConfig !== undefined && problems.length === 0) {
    const added = addToConfig(flags.addToConfig, shown.map((e) => e.word));
    process.stderr.write(`huurbrief: ${plural(added.length, 'woord', 'woorden')} toegevoegd aan woorden.negeren in ${flags.addToConfig}\n`);
  }
  for (const p of problems) process.stderr.write(`huurbrief: ${p instanceof ConfigError ? `fout in configuratie: ${p.message}` : p.message}\n`);
  return problems.length ? 2 : 0;
}
