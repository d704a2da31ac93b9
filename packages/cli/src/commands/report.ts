// `huurbrief report`: the reflection report (how the letters did over time). The work is in
// ../report/ (git walk, figures, HTML), loaded only when the command runs: it brings the
// charting code, which `huurbrief lint` never needs.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { writeFileAtomic, WriteError } from '../fix/write.js';

export interface ReportFlags {
  since?: number;
  until?: number;
  out?: string;
  format: 'html' | 'json';
  config?: string | false;
  configLookup?: boolean;
}

const DAY = 24 * 60 * 60 * 1000;

/** `JJJJ-MM-DD` as the first millisecond of that day (UTC). */
function parseDate(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const time = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value.trim()) {
    throw new InvalidArgumentError('geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-01-01');
  }
  return time;
}

/** The period: `--until` is inclusive (to the end of that day, at most now); without `--since` the twelve months up to it. */
export function reportPeriod(flags: Pick<ReportFlags, 'since' | 'until'>, now: Date): { since: number; until: number } {
  const until = flags.until !== undefined ? Math.min(flags.until + DAY - 1, now.getTime()) : now.getTime();
  const u = new Date(until);
  const since = flags.since ?? Date.UTC(u.getUTCFullYear(), u.getUTCMonth() - 11, 1);
  if (since > until) throw new UsageError(`--since ligt na --until (of na vandaag): ${new Date(since).toISOString().slice(0, 10)} > ${new Date(until).toISOString().slice(0, 10)}`);
  return { since, until };
}

/** Writes atomically (a temp file in the same folder, then a rename): a reader never sees half a report. */
function writeAtomic(path: string, text: string): void {
  if (statSync(resolve(path), { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`kan het rapport niet schrijven naar ${path}: dat is een map`);
  try {
    writeFileAtomic(resolve(path), Buffer.from(text, 'utf8'));
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    throw new UsageError(`kan het rapport niet schrijven naar ${path}: ${error.reason}`);
  }
}

export function register(program: Command): void {
  program
    .command('report')
    .description('reflectierapport: hoe de brieven zich ontwikkelden (niveau, meldingen, goedkeuringen, successen)')
    .argument('[paden...]', 'mappen of bestanden met brieven in een git-repository (standaard de huidige map)')
    .addOption(new Option('--since <datum>', 'begin van de periode (JJJJ-MM-DD; standaard twaalf maanden terug)').argParser(parseDate))
    .addOption(new Option('--until <datum>', 'einde van de periode, die dag meegeteld (JJJJ-MM-DD; standaard vandaag)').argParser(parseDate))
    .option('-o, --out <bestand>', 'schrijf het rapport naar dit bestand (anders naar standaarduitvoer)')
    .addOption(new Option('-f, --format <naam>', 'html: één pagina met grafieken; json: dezelfde cijfers voor scripts').choices(['html', 'json']).default('html'))
    .option('-c, --config <bestand>', 'gebruik dit configbestand in plaats van huurbrief.config.json te zoeken')
    .addOption(new Option('--no-config', 'gebruik geen configbestand, alleen huurbrief:recommended'))
    .addOption(new Option('--no-config-lookup', 'oude naam van --no-config').hideHelp())
    .addHelpText(
      'after',
      `
Het rapport leest de geschiedenis uit git en controleert per maand de versie van
elke brief aan het eind van die maand, met de configuratie van nu. Het HTML-rapport
is één bestand zonder netwerk, externe scripts of lettertypen; het werkt ook
afgedrukt en in zwart-wit.

Uitvoercodes: 0 rapport gemaakt, 2 verkeerd gebruik, geen git-repository, geen brieven
in de geschiedenis, fout in configuratie of een bestand dat niet te schrijven is.

Voorbeelden:
  huurbrief report brieven/ --out rapport.html
  huurbrief report brieven/ --since 2026-01-01 --until 2026-06-30 --out halfjaar.html
  huurbrief report brieven/ --format json > cijfers.json`,
    )
    .action(async (paths: string[], flags: ReportFlags) => {
      process.exitCode = await reportCommand(paths, flags);
    });
}

export async function reportCommand(paths: string[], flags: ReportFlags): Promise<number> {
  const now = new Date();
  const period = reportPeriod(flags, now);
  const [{ collectReport }, { ReportGitError }, { renderReport }] = await Promise.all([
    import('../report/collect.js'),
    import('../report/history.js'),
    import('../report/html.js'),
  ]);
  let result;
  try {
    result = await collectReport({
      paths,
      cwd: process.cwd(),
      ...period,
      now,
      ...(typeof flags.config === 'string' ? { configFile: flags.config } : {}),
      ...(flags.config === false || flags.configLookup === false ? { noConfig: true } : {}),
    });
  } catch (error) {
    if (error instanceof ReportGitError) throw new UsageError(error.message);
    throw error;
  }
  const { figures, timings } = result;
  const text = flags.format === 'json' ? JSON.stringify(figures, null, 2) + '\n' : renderReport(figures);
  if (flags.out) writeAtomic(flags.out, text);
  else process.stdout.write(text);
  const seconds = (ms: number) => (ms / 1000).toFixed(1).replace('.', ',');
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  process.stderr.write(
    `huurbrief: ${flags.out ? `rapport geschreven naar ${flags.out}` : 'rapport gemaakt'}: ${count(figures.letters.current, 'brief', 'brieven')}, ` +
      `${count(timings.commits, 'commit', 'commits')}, ${count(timings.versionsLinted, 'versie', 'versies')} gecontroleerd in ${seconds(timings.totalMs)} s ` +
      `(git ${seconds(timings.gitMs)} s, controle ${seconds(timings.lintMs)} s, goedkeuringen ${seconds(timings.reviewMs)} s)\n`,
  );
  return 0;
}
