import { appendFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ConfigError, type ConfigLayer, type LintResult } from '@huurbrief/core';
import { BaselineError, ConfigLoader, decodeLetter, InputError } from '@huurbrief/core/node';
import { paint } from '../color.js';
import { formatters } from '../formatters/index.js';
import type { FileReport } from '../formatters/types.js';
import { unifiedDiff } from '../fix/diff.js';
import { fixLetterFile, fixLetterText, fixSummary, type FileFix } from '../fix/run.js';
import { writeFileAtomic, WriteError } from '../fix/write.js';
import { displayPath, runLint, type LintRun } from '../lint/run.js';
import { performanceOptions, performanceRunOptions, reportPerformance, type PerformanceFlags } from '../lint/flags.js';
import { outputStream } from '../lint/stream.js';
import { UsageError } from '../errors.js';
import { parseRuleFlags } from './rule-flag.js';
import { exceedsAnnotations, githubSummary } from '../formatters/github.js';
import { BaselineRun, checkBaselineFlags, type BaselineFlags } from '../lint/baseline.js';

export interface LintFlags extends PerformanceFlags, BaselineFlags {
  format: string;
  /** `-c <file>`: a path; `--no-config`: false. */
  config?: string | false;
  /** The older spelling `--no-config-lookup` (hidden) sets this to false. */
  configLookup?: boolean;
  outputFile?: string;
  maxWarnings?: number;
  rule?: string[];
  printConfig?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  quiet?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  /** `--no-error-on-unmatched-pattern` sets this to false. */
  errorOnUnmatchedPattern?: boolean;
}

/** Runs over more files than this show "files done / total" on a TTY. */
export const PROGRESS_MIN_FILES = 50;

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

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function maxWarnings(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('geef een geheel getal van 0 of meer');
  return Number(value);
}

/** The options of `huurbrief lint`, in help order. Other modules add theirs after these (see register). */
export function lintOptions(): Option[] {
  return [
    new Option('-f, --format <naam>', 'uitvoerformaat').choices(Object.keys(formatters)).default('stylish'),
    new Option('-o, --output-file <pad>', 'schrijf de uitvoer naar dit bestand in plaats van naar het scherm'),
    new Option('-c, --config <bestand>', 'gebruik dit configbestand in plaats van huurbrief.config.json te zoeken'),
    new Option('--no-config', 'gebruik geen configbestand, alleen huurbrief:recommended (en --rule)'),
    new Option('--no-config-lookup', 'oude naam van --no-config').hideHelp(),
    new Option('--rule <regel>', 'zet een regel aan, uit of anders: \'plain-words: off\' of \'sentence-length: ["warn", {"warning": 15}]\' (herhaalbaar)').argParser(collect),
    new Option('--print-config <bestand>', 'toon de configuratie die voor dit bestand geldt (JSON) en stop'),
    new Option('--fix', 'verbeter automatisch wat met één suggestie te verbeteren is en schrijf de brieven terug'),
    new Option('--fix-dry-run', 'toon wat --fix zou veranderen als diff, zonder iets te schrijven'),
    new Option('-q, --quiet', 'toon alleen fouten, geen waarschuwingen of meldingen'),
    new Option('--max-warnings <aantal>', 'uitvoercode 1 bij meer waarschuwingen dan dit aantal').argParser(maxWarnings),
    new Option('--no-error-on-unmatched-pattern', 'geen fout (uitvoercode 2) als een map of patroon geen brieven bevat'),
    new Option('--stdin', 'lees de brief van standaardinvoer'),
    new Option('--stdin-filename <pad>', 'bestandsnaam voor de brief van standaardinvoer (voor config en uitvoer)'),
  ];
}

/** The baseline options of `huurbrief lint` (accepted findings, see docs/adoption.md). */
export function baselineOptions(): Option[] {
  return [
    new Option('--baseline-update', 'neem de huidige bevindingen op in de baseline (.huurbrief/baseline.json): die tellen daarna niet meer mee'),
    new Option('--baseline-rule <regel>', 'met --baseline-update: werk alleen deze regel bij (herhaalbaar)').argParser(collect),
    new Option('--baseline-prune', 'maak de baseline strakker: verlaag aantallen die niet meer nodig zijn en haal verdwenen brieven weg'),
    new Option('--baseline <bestand>', 'gebruik dit baselinebestand in plaats van .huurbrief/baseline.json te zoeken'),
    new Option('--no-baseline', 'gebruik geen baseline: toon alle bevindingen'),
  ];
}

export function register(program: Command): void {
  const command = program
    .command('lint', { isDefault: true })
    .description('controleer brieven (bestanden, mappen of globpatronen; standaard de huidige map)')
    .argument('[paden...]', 'bestanden, mappen of globpatronen (.md, .markdown, .txt, .docx)');
  for (const option of [...lintOptions(), ...baselineOptions(), ...performanceOptions()]) command.addOption(option);
  command
    .addHelpText(
      'after',
      `
Formaten: stylish (standaard, voor mensen), json (vast contract voor scripts), sarif (GitHub code scanning),
github (annotaties in GitHub Actions; fouten eerst), gitlab (Code Quality-rapport), junit en checkstyle (CI-rapporten).

Met --fix-dry-run staat de diff op standaarduitvoer (te gebruiken met git apply); de overgebleven
meldingen komen dan alleen in --output-file.

Baseline: met --baseline-update legt huurbrief de bevindingen van vandaag vast in
.huurbrief/baseline.json (per brief en regel een aantal). Daarna tellen alleen nieuwe
bevindingen mee; --baseline-prune verlaagt de aantallen als brieven beter worden.

Uitvoercodes: 0 geen fouten, 1 fouten gevonden (of meer waarschuwingen dan --max-warnings),
2 verkeerd gebruik, fout in configuratie of baseline, of onleesbaar bestand.

Voorbeelden:
  huurbrief lint brieven/
  huurbrief lint "sjablonen/**/*.md" --format json
  huurbrief lint brieven/ --format sarif --output-file huurbrief.sarif
  huurbrief lint brieven/ --rule 'plain-words: off' --max-warnings 0
  huurbrief lint brieven/ --fix-dry-run > verbeteringen.diff
  huurbrief lint brieven/ --baseline-update
  huurbrief lint brieven/ --baseline-prune
  cat brief.md | huurbrief lint --stdin --stdin-filename brieven/brief.md`,
    )
    .action(async (paths: string[], flags: LintFlags) => {
      // `huurbrief lint | head`: a closed pipe ends the run quietly, not with a stack trace.
      process.stdout.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        throw error;
      });
      process.exitCode = await lintCommand(paths, flags);
    });
}

function configOptions(flags: LintFlags, overrides: ConfigLayer[]) {
  return {
    ...(typeof flags.config === 'string' ? { configFile: flags.config } : {}),
    ...(flags.config === false || flags.configLookup === false ? { noConfig: true } : {}),
    ...(overrides.length ? { overrides } : {}),
  };
}

function checkFlags(paths: string[], flags: LintFlags): void {
  if (flags.stdinFilename && !flags.stdin) throw new UsageError('--stdin-filename werkt alleen samen met --stdin');
  if (flags.stdin && paths.length) throw new UsageError('geef geen paden op samen met --stdin');
  if (flags.fix && flags.fixDryRun) throw new UsageError('kies --fix of --fix-dry-run, niet allebei');
  if (flags.fix && flags.stdin) throw new UsageError('--fix kan standaardinvoer niet terugschrijven; gebruik --fix-dry-run voor een diff');
  if (flags.printConfig !== undefined && (paths.length || flags.stdin || flags.fix || flags.fixDryRun)) {
    throw new UsageError('--print-config toont alleen de configuratie; geef geen paden, --stdin of --fix mee');
  }
  if (!formatters[flags.format]) throw new UsageError(`onbekend formaat "${flags.format}"; kies uit ${Object.keys(formatters).join(', ')}`);
  if (flags.outputFile !== undefined) {
    if (flags.outputFile.trim() === '') throw new UsageError('--output-file heeft een pad nodig');
    let isDir = false;
    try {
      isDir = statSync(flags.outputFile).isDirectory();
    } catch {
      // does not exist yet: fine
    }
    if (isDir) throw new UsageError(`kan uitvoer niet schrijven naar ${flags.outputFile}: dat is een map`);
  }
  checkBaselineFlags(flags);
}

/** Writes the formatted output to --output-file (atomically, parent folders created), or stdout. */
export function emit(text: string, outputFile: string | undefined): void {
  if (outputFile === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileAtomic(resolve(outputFile), Buffer.from(text, 'utf8'));
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    throw new UsageError(`kan uitvoer niet schrijven naar ${outputFile}: ${error.reason}`);
  }
}

/** "files done / total" on stderr, for long runs on a terminal only; cleared at the end. */
function progressReporter(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  let shown = false;
  return (done, total) => {
    if (total <= PROGRESS_MIN_FILES) return;
    const now = Date.now();
    if (done === total) {
      if (shown) process.stderr.write('\r\u001b[K');
      return;
    }
    if (shown && now - last < 80) return;
    last = now;
    shown = true;
    process.stderr.write(`\r\u001b[Khuurbrief: ${done}/${total} brieven gecontroleerd`);
  };
}

export async function lintCommand(paths: string[], flags: LintFlags): Promise<number> {
  checkFlags(paths, flags);
  const formatter = formatters[flags.format]!;
  const cwd = process.cwd();
  const overrides = parseRuleFlags(flags.rule ?? []);

  if (flags.printConfig !== undefined) return printConfig(flags.printConfig, cwd, configOptions(flags, overrides), flags.outputFile);

  const stdinBytes = flags.stdin ? await readStdin() : undefined;
  const onProgress = flags.stdin ? undefined : progressReporter();
  // Large runs stream stylish/json output letter by letter (memory stays flat).
  const stream = outputStream(flags, useColor(process.stdout));
  const baseline = flags.baseline === false ? undefined : new BaselineRun(cwd, flags, configOptions(flags, overrides), Boolean(flags.stdin && !flags.stdinFilename));
  // Streamed output is written letter by letter: the baseline is applied before each letter is written.
  const onReport = stream && baseline ? (r: FileReport) => void (baseline.apply(r) && stream.onReport(r)) : stream?.onReport;
  const run = await runLint({
    paths,
    cwd,
    ...configOptions(flags, overrides),
    ...(stdinBytes ? { stdin: { text: stdinBytes, ...(flags.stdinFilename ? { filename: flags.stdinFilename } : {}) } } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(flags.errorOnUnmatchedPattern === false ? { errorOnUnmatchedPattern: false } : {}),
    ...performanceRunOptions(flags),
    ...(onReport ? { onReport } : {}),
    ...(stream ? { drain: stream.drain } : {}),
  });

  let all = run.reports;
  if (flags.fix || flags.fixDryRun) {
    const fixed = applyFixesToRun(run, cwd, flags, stdinBytes);
    all = fixed.reports;
    if (flags.fixDryRun) {
      const color = useColor(process.stdout);
      process.stdout.write(fixed.fixes.map((f) => unifiedDiff(f.path, f.before, f.after, paint(color))).join(''));
    }
    process.stderr.write(fixSummary(fixed.fixes, Boolean(flags.fixDryRun)));
  }
  // After --fix: the baseline counts what is left in the letters.
  if (baseline) all = stream ? all.filter((r) => !baseline.dropped.has(r)) : all.filter((r) => baseline.apply(r));
  const baselineOutcome = baseline?.finish();
  const problemCount = run.problems.length + (baselineOutcome?.problems.length ?? 0);

  const errorsOnly = flags.quiet ? all.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : all;
  // --quiet in stylish output: only letters with errors, and nothing at all without errors (as ESLint does).
  const quietStylish = Boolean(flags.quiet) && flags.format === 'stylish';
  const reports = quietStylish ? errorsOnly.filter((r) => r.messages.length > 0) : errorsOnly;
  // With --fix-dry-run the diff is the output; the report only goes to --output-file.
  if (!flags.fixDryRun || flags.outputFile !== undefined) {
    // Only problems and no letter: the problems say it all (json still prints its array).
    const silent = quietStylish && reports.length === 0;
    if (!silent && (reports.length > 0 || problemCount === 0 || flags.format !== 'stylish' || flags.outputFile !== undefined)) {
      const color = flags.outputFile === undefined && useColor(process.stdout);
      if (stream) stream.end(problemCount);
      else emit(formatter(reports, { color, cwd }), flags.outputFile);
    }
  }
  // In GitHub Actions: when the annotations cannot show every finding, the step summary has them all.
  const summaryFile = process.env['GITHUB_STEP_SUMMARY'];
  if (flags.format === 'github' && summaryFile && exceedsAnnotations(reports)) {
    try {
      appendFileSync(summaryFile, githubSummary(reports));
    } catch (error) {
      process.stderr.write(`huurbrief: kan de samenvatting niet schrijven naar ${summaryFile} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    }
  }
  reportPerformance(run, flags);
  for (const m of baselineOutcome?.messages ?? []) process.stderr.write(`huurbrief: ${m}\n`);
  for (const p of [...run.problems, ...(baselineOutcome?.problems ?? [])]) {
    const prefix = p instanceof ConfigError ? 'fout in configuratie: ' : p instanceof BaselineError ? 'fout in baseline: ' : '';
    process.stderr.write(`huurbrief: ${prefix}${p.message}\n`);
  }
  if (problemCount) return 2;
  if (all.some((r) => r.messages.some((m) => m.severity === 'error'))) return 1;
  // Warnings count even with --quiet (ESLint does the same): the limit is a gate, --quiet is display.
  const warnings = all.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
    process.stderr.write(`huurbrief: te veel waarschuwingen: ${warnings} (maximaal ${flags.maxWarnings} met --max-warnings)\n`);
    return 1;
  }
  return 0;
}


/**
 * --fix / --fix-dry-run: fixes each letter that has something fixable and
 * replaces its report by what is left. A letter that cannot be written
 * becomes a problem (exit 2); its original stays as it was.
 */
function applyFixesToRun(run: LintRun, cwd: string, flags: LintFlags, stdinBytes: Uint8Array | undefined): { reports: FileReport[]; fixes: FileFix[] } {
  const fixes: FileFix[] = [];
  const reports = run.reports.map((report): FileReport => {
    if (!report.messages.some((m) => m.fix)) return report;
    const result = (r: LintResult): FileReport => ({ path: report.path, language: r.language, messages: r.messages, metrics: r.metrics });
    if (stdinBytes) {
      const name = flags.stdinFilename ?? 'stdin.md';
      const { text, bom } = decodeLetter(name, stdinBytes);
      const config = run.loader.forFile(resolve(cwd, name)).config;
      const fix = fixLetterText(report.path, text, bom, config);
      fixes.push(fix);
      return result(fix.fixed.result);
    }
    const abs = resolve(cwd, report.path);
    try {
      const fix = fixLetterFile(abs, report.path, run.loader.forFile(abs).config, { dryRun: Boolean(flags.fixDryRun) });
      fixes.push(fix);
      return result(fix.fixed.result);
    } catch (error) {
      if (error instanceof WriteError) run.problems.push(new InputError(displayPath(cwd, abs), `niet verbeterd: ${error.reason}`));
      else if (error instanceof InputError) run.problems.push(new InputError(displayPath(cwd, abs), error.reason));
      else throw error;
      return report;
    }
  });
  return { reports, fixes };
}

/** --print-config: the resolved config for one letter, from the same loader a lint run uses. */
function printConfig(file: string, cwd: string, options: ReturnType<typeof configOptions>, outputFile: string | undefined): number {
  const loaded = new ConfigLoader(options).forFile(resolve(cwd, file));
  const { rules, ...rest } = loaded.config;
  const out = {
    configFile: loaded.file ? displayPath(cwd, loaded.file) : null,
    ...rest,
    rules: Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b))),
  };
  emit(`${JSON.stringify(out, null, 2)}\n`, outputFile);
  return 0;
}
