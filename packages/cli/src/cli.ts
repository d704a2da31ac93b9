import { existsSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError, VERSION } from '@huurbrief/core';
import { BaselineError, InputError } from '@huurbrief/core/node';
import { commandModules } from './commands/index.js';
import { translateCommanderError, dutchHelp } from './help.js';
import { UsageError } from './errors.js';

/** Builds the `huurbrief` program; each command module registers itself. */
export function createProgram(): Command {
  const program = new Command('huurbrief')
    .description('Controleer brieven aan huurders: leesbaar (B1), zeggen wat wél kan, de juiste toon, sjablonen, privacy en collegiale goedkeuring.')
    .version(VERSION, '-v, --version', 'toon het versienummer')
    .helpOption('-h, --help', 'toon deze hulp')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .showSuggestionAfterError(true)
    .exitOverride();
  // Errors are printed once, in Dutch, by main(); commander must not print its own.
  const quietErrors = { outputError: () => {} };
  program.configureOutput(quietErrors);
  dutchHelp(program);
  for (const register of commandModules) register(program);
  const setup = (c: Command) => {
    c.exitOverride();
    c.configureOutput(quietErrors);
    dutchHelp(c);
    c.commands.forEach(setup);
  };
  program.commands.forEach(setup);
  return program;
}

/** The command `word` is probably a typo of, when `word` cannot be a path: no such file, no separator, dot or glob. */
function misspeltCommand(word: string, commands: string[]): string | undefined {
  if (/[./\\*?[{]/.test(word) || word.startsWith('-') || existsSync(word)) return undefined;
  const distance = (a: string, b: string): number => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row;
    }
    return prev[b.length]!;
  };
  return commands.find((c) => distance(word.toLowerCase(), c) <= Math.min(2, c.length - 2));
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 findings, 2 usage/config/input problems). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  // `huurbrief` alone, or with only paths/flags, means `huurbrief lint`.
  const known = new Set(program.commands.flatMap((c) => [c.name(), ...c.aliases()]));
  const args = [...argv];
  const first = args[0];
  if (first === undefined || (!known.has(first) && first !== 'help' && !['-h', '--help', '-v', '--version'].includes(first))) {
    // A misspelt command ("huurbrief revieuw status") is not a path to lint.
    const meant = first === undefined ? undefined : misspeltCommand(first, [...known]);
    if (meant) {
      process.stderr.write(`huurbrief: onbekende opdracht ${first} (bedoelt u ${meant}?); zie huurbrief --help\n`);
      return 2;
    }
    args.unshift('lint');
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for: 0. Help shown because a subcommand is missing (`huurbrief review`): usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      process.stderr.write(`huurbrief: ${translateCommanderError(error)}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`huurbrief: fout in configuratie: ${error.message}\n`);
      return 2;
    }
    if (error instanceof BaselineError) {
      process.stderr.write(`huurbrief: fout in baseline: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof UsageError) {
      process.stderr.write(`huurbrief: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
