import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { lintRendered, LineIndex, parseTemplateData } from '@huurbrief/core';
import { ConfigLoader, InputError, readLetterFile } from '@huurbrief/core/node';
import { jsonReasonNl, UsageError } from '../errors.js';
import { formatters } from '../formatters/index.js';
import { displayPath } from '../lint/run.js';
import { emit, useColor } from './lint.js';

export interface RenderFlags {
  data: string;
  out?: string;
  format: string;
  /** `-c <file>`: a path; `--no-config`: false (as in lint). */
  config?: string | false;
  configLookup: boolean;
}

/** Reads the data file (JSON or YAML). Bad data is an InputError naming the file, line and reason. */
export function readData(path: string): unknown {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') {
    throw new UsageError(`${path}: onbekend soort gegevensbestand; gebruik .json, .yaml of .yml`);
  }
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'bestand niet gevonden' : code === 'EISDIR' ? 'dit is een map, geen bestand' : `kan niet gelezen worden (${code ?? 'onbekend'})`);
  }
  const parsed = parseTemplateData(raw, ext === '.json' ? 'json' : 'yaml');
  if (parsed.error) {
    const p = new LineIndex(raw.replace(/^\uFEFF/, '')).pointAt(parsed.error.offset);
    const message = ext === '.json' ? parsed.error.message.replace(/\(([^()]+)\)$/, (_, m: string) => `(${jsonReasonNl(m)})`) : parsed.error.message;
    throw new InputError(path, `regel ${p.line}, kolom ${p.column}: ${message}`);
  }
  return parsed.data;
}

export function register(program: Command): void {
  program
    .command('render')
    .description('vul een sjabloon met gegevens en controleer de brief zoals de huurder hem krijgt')
    .argument('<sjabloon>', 'het sjabloon (.md)')
    .requiredOption('-d, --data <bestand>', 'gegevens voor de invulvelden (.json, .yaml of .yml)')
    .option('-o, --out <bestand>', 'schrijf de ingevulde brief naar dit bestand (anders naar standaarduitvoer)')
    .addOption(new Option('-f, --format <naam>', 'uitvoerformaat van de meldingen').choices(Object.keys(formatters)).default('stylish'))
    .option('-c, --config <bestand>', 'gebruik dit configbestand in plaats van huurbrief.config.json te zoeken')
    .addOption(new Option('--no-config', 'gebruik geen configbestand, alleen huurbrief:recommended'))
    .addOption(new Option('--no-config-lookup', 'oude naam van --no-config').hideHelp())
    .addHelpText(
      'after',
      `
Zonder --out komt de ingevulde brief op standaarduitvoer en de meldingen op
standaardfout; met --out komen de meldingen op standaarduitvoer. De meldingen
wijzen naar de regel in het sjabloon. Ontbreken er gegevens voor een invulveld
dat in de brief komt, dan stopt huurbrief met code 2 en noemt het veld.

Uitvoercodes: 0 geen fouten, 1 fouten in de ingevulde brief, 2 ontbrekende gegevens,
verkeerd gebruik, fout in configuratie of onleesbaar bestand.

Voorbeelden:
  huurbrief render sjablonen/huurverhoging.md --data voorbeeld.json
  huurbrief render sjablonen/huurverhoging.md --data voorbeeld.yaml --out brief.md`,
    )
    .action((template: string, flags: RenderFlags) => {
      process.exitCode = renderCommand(template, flags);
    });
}

export function renderCommand(templatePath: string, flags: RenderFlags): number {
  const formatter = formatters[flags.format];
  if (!formatter) throw new UsageError(`onbekend formaat "${flags.format}"; kies uit ${Object.keys(formatters).join(', ')}`);
  const file = readLetterFile(templatePath);
  const data = readData(flags.data);
  const loader = new ConfigLoader({
    ...(typeof flags.config === 'string' ? { configFile: flags.config } : {}),
    ...(flags.config === false || flags.configLookup === false ? { noConfig: true } : {}),
  });
  const { config } = loader.forFile(templatePath);
  const run = lintRendered(file.text, data, { config });

  const cwd = process.cwd();
  const shown = displayPath(cwd, templatePath);
  if (run.problems.length) {
    const lines = new LineIndex(file.text);
    for (const p of run.problems) {
      const at = lines.pointAt(p.start);
      process.stderr.write(`huurbrief: ${shown}:${at.line}:${at.column}: ${p.message}\n`);
    }
    return 2;
  }
  const report = { path: shown, language: run.result.language, messages: run.result.messages, metrics: run.result.metrics };
  if (flags.out) {
    // Parent folders are created; a write error is one Dutch line (exit 2), as for lint --output-file.
    emit((file.bom ? '\uFEFF' : '') + run.text, flags.out);
    process.stdout.write(formatter([report], { color: useColor(process.stdout), cwd }));
  } else {
    process.stdout.write(run.text);
    process.stderr.write(formatter([report], { color: useColor(process.stderr), cwd }));
  }
  return run.result.messages.some((m) => m.severity === 'error') ? 1 : 0;
}
