import { Option, type Command } from 'commander';
import { ConfigError } from '@huurbrief/core';
import { formatters } from '../formatters/index.js';
import { runLint } from '../lint/run.js';
import { performanceOptions, performanceRunOptions, reportPerformance, type PerformanceFlags } from '../lint/flags.js';
import { UsageError } from '../errors.js';

export interface LintFlags extends PerformanceFlags {
  format: string;
  config?: string;
  /** `--no-config` sets this to false. */
  configLookup: boolean;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  color?: boolean;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] && process.env['FORCE_COLOR'] !== '0') return true;
  return Boolean(stream.isTTY);
}

export function register(program: Command): void {
  const command = program
    .command('lint', { isDefault: true })
    .description('controleer brieven (bestanden, mappen of globpatronen; standaard de huidige map)')
    .argument('[paden...]', 'bestanden, mappen of globpatronen (.md, .markdown, .txt)')
    .addOption(new Option('-f, --format <naam>', 'uitvoerformaat').choices(Object.keys(formatters)).default('stylish'))
    .option('-c, --config <bestand>', 'gebruik dit configbestand in plaats van huurbrief.config.json zoeken')
    .option('--no-config-lookup', 'zoek geen configbestand; gebruik huurbrief:recommended')
    .option('-q, --quiet', 'toon alleen fouten, geen waarschuwingen of meldingen')
    .option('--stdin', 'lees de brief van standaardinvoer')
    .option('--stdin-filename <pad>', 'bestandsnaam voor de brief van standaardinvoer (voor config en uitvoer)')
    .addHelpText(
      'after',
      `
Uitvoercodes: 0 geen fouten, 1 fouten gevonden, 2 verkeerd gebruik, fout in configuratie of onleesbaar bestand.

Voorbeelden:
  huurbrief lint brieven/
  huurbrief lint "sjablonen/**/*.md" --format json
  cat brief.md | huurbrief lint --stdin --stdin-filename brieven/brief.md`,
    )
    .action(async (paths: string[], flags: LintFlags) => {
      process.exitCode = await lintCommand(paths, flags);
    });
  for (const option of performanceOptions()) command.addOption(option);
}

export async function lintCommand(paths: string[], flags: LintFlags): Promise<number> {
  if (flags.stdinFilename && !flags.stdin) throw new UsageError('--stdin-filename werkt alleen samen met --stdin');
  if (flags.stdin && paths.length) throw new UsageError('geef geen paden op samen met --stdin');
  const formatter = formatters[flags.format];
  if (!formatter) throw new UsageError(`onbekend formaat "${flags.format}"; kies uit ${Object.keys(formatters).join(', ')}`);
  const cwd = process.cwd();
  const run = await runLint({
    paths,
    cwd,
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.configLookup === false ? { noConfig: true } : {}),
    ...(flags.stdin ? { stdin: { text: await readStdin(), ...(flags.stdinFilename ? { filename: flags.stdinFilename } : {}) } } : {}),
    ...performanceRunOptions(flags),
  });
  const reports = flags.quiet ? run.reports.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : run.reports;
  // Only problems and no letter: the problems say it all (json still prints its array).
  if (reports.length > 0 || run.problems.length === 0 || flags.format !== 'stylish') {
    process.stdout.write(formatter(reports, { color: useColor(process.stdout), cwd }));
  }
  reportPerformance(run, flags);
  for (const p of run.problems) {
    process.stderr.write(`huurbrief: ${p instanceof ConfigError ? `fout in configuratie: ${p.message}` : p.message}\n`);
  }
  if (run.problems.length) return 2;
  return reports.some((r) => r.messages.some((m) => m.severity === 'error')) ? 1 : 0;
}
