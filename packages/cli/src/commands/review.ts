// `huurbrief review ...`: peer-review sign-off. The work is done by @huurbrief/review,
// which returns data; this module only parses flags, formats and picks the exit code.
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  addKey,
  AllowedSignersError,
  AmbassadorsError,
  approve,
  diffSinceApproval,
  findRepo,
  GitError,
  RecordError,
  requestChanges,
  requestReview,
  reviewLog,
  ReviewSetupError,
  ReviewUsageError,
  revoke,
  SigningError,
  STATE_LABELS,
  verify,
  type ActionResult,
  type LetterStatus,
  type ReviewEntry,
  type ReviewReport,
} from '@huurbrief/review';
import { InputError } from '@huurbrief/core/node';
import { dutchHelp } from '../help.js';
import { paint } from '../color.js';
import { useColor } from './lint.js';
import { reviewGithub, reviewJunit } from '../formatters/review.js';

const KIND_LABELS: Record<ReviewEntry['kind'], string> = {
  request: 'verzoek',
  approve: 'goedkeuring',
  changes: 'wijzigingen',
  revoke: 'ingetrokken',
};


const when = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

/** Errors of review input or setup: one line on stderr, exit code 2 (never a stack trace). */
function isInputProblem(error: unknown): error is Error {
  return [ReviewSetupError, ReviewUsageError, AllowedSignersError, AmbassadorsError, SigningError, GitError, RecordError, InputError].some((c) => error instanceof c);
}

function run(body: () => Promise<number> | number): () => Promise<void> {
  return async () => {
    try {
      process.exitCode = await body();
    } catch (error) {
      if (!isInputProblem(error)) throw error;
      process.stderr.write(`huurbrief: ${error.message}\n`);
      process.exitCode = 2;
    }
  };
}

function actionOutcome(result: ActionResult, hint: string): number {
  if (!result.ok) {
    process.stderr.write(`huurbrief: geweigerd: ${result.reason}\n`);
    return 1;
  }
  process.stdout.write(`${result.message}\n`);
  if (result.file) process.stdout.write(`Vastgelegd in ${result.file}.${hint ? ` ${hint}` : ''}\n`);
  return 0;
}

const GIT_HINT = 'Leg het vast met: git add .huurbrief && git commit';

/** The git hint only in a git repository: a shared folder with .huurbrief/ has nothing to commit. */
function commitHint(): string {
  try {
    return findRepo(process.cwd()).git ? GIT_HINT : '';
  } catch {
    return GIT_HINT;
  }
}

interface SignFlags {
  key?: string;
  principal?: string;
  message?: string;
  config?: string;
}

function signOptions(flags: SignFlags) {
  return {
    ...(flags.key !== undefined ? { key: flags.key } : {}),
    ...(flags.principal !== undefined ? { principal: flags.principal } : {}),
    ...(flags.message !== undefined ? { comment: flags.message } : {}),
    ...(flags.config !== undefined ? { configFile: flags.config } : {}),
  };
}

function withSignOptions(cmd: Command): Command {
  return cmd
    .option('--key <bestand>', 'SSH-sleutel om mee te ondertekenen (privésleutel, of publieke sleutel met de privésleutel in ssh-agent); standaard git config user.signingkey')
    .option('--principal <naam>', 'onder welke naam u tekent, als uw sleutel bij meerdere namen in .huurbrief/allowed_signers staat');
}

// ---------------------------------------------------------------------------
// Formatting

function formatReport(report: ReviewReport, options: { color: boolean; verify: boolean }): string {
  const c = paint(options.color);
  let out = '';
  for (const l of report.letters) {
    const mark = l.ok ? c.green('✔') : c.red('✖');
    const name = STATE_LABELS[l.state];
    // Reasons often begin with the state's own name ("geen goedkeuring; vraag ..."): say it once.
    const reason = l.reason.startsWith(name) ? `${c.red(name)}${l.reason.slice(name.length)}` : `${c.red(name)}: ${l.reason}`;
    out += `${mark} ${c.underline(l.path)}  ${l.ok ? c.green(l.reason) : reason}\n`;
    for (const comment of l.ok ? [] : l.comments) {
      out += `    ${c.dim(`${comment.principal}${comment.line ? `, regel ${comment.line}` : ''}:`)} ${comment.comment}\n`;
    }
    for (const note of l.notes) out += `    ${c.dim(`let op: ${note}`)}\n`;
    // status: who may sign off a letter with ambassadors (a reason of a letter that is not approved already names them).
    if (!options.verify && l.signOff.requirements.length && !l.reason.includes(l.signOff.summary)) out += `    aftekenen door ${l.signOff.summary}\n`;
  }
  const open = report.letters.filter((l) => !l.signOff.requirements.length).length;
  if (!options.verify && open && open < report.letters.length) {
    out += `\n${c.dim(`Brieven zonder ambassadeurs (${open}): aftekenen door ${report.letters.find((l) => !l.signOff.requirements.length)!.signOff.summary}.`)}\n`;
  }
  if (report.skipped.length) {
    out += `\n${c.yellow('Niet gecontroleerd')} (${report.skipped.length}):\n`;
    for (const s of report.skipped) out += `  ${s.file}: ${s.reason}\n`;
  }
  for (const w of report.warnings) out += `\n${c.yellow('waarschuwing:')} ${w}\n`;
  if (report.problems.length) {
    out += `\n${c.red(c.bold('Fouten in de invoer'))} (uitvoercode 2):\n`;
    for (const p of report.problems) out += `  ${p.file}: ${p.reason}\n`;
  }
  const ok = report.letters.filter((l) => l.ok).length;
  const total = report.letters.length;
  out += `\n${total} brie${total === 1 ? 'f' : 'ven'}: ${ok} goedgekeurd, ${total - ok} niet goedgekeurd`;
  out += report.problems.length ? `, ${report.problems.length} fout${report.problems.length === 1 ? '' : 'en'} in de invoer.\n` : '.\n';
  if (options.verify) {
    out += `\n${c.dim('Wat deze controle garandeert:')}\n`;
    for (const g of report.guarantees) out += `${c.dim(`  - ${g}`)}\n`;
  }
  return out;
}

function formatLog(status: LetterStatus, color: boolean): string {
  const c = paint(color);
  let out = `${c.underline(status.path)}: ${STATE_LABELS[status.state]}\n`;
  if (!status.history.length) return out + '  (nog geen verzoeken of beoordelingen)\n';
  for (const h of status.history) {
    const parts = [c.dim(when(h.time)), KIND_LABELS[h.kind].padEnd(11), h.principal];
    if (h.reviewer) parts.push(`→ ${h.reviewer}`);
    if (h.line) parts.push(`regel ${h.line}`);
    parts.push(h.current ? c.green('(huidige versie)') : c.dim('(eerdere versie)'));
    if (h.path !== status.path) parts.push(c.dim(`als ${h.path}`));
    if (h.lintOverride) parts.push(c.yellow(`ondanks ${h.lint.errors} ${h.lint.errors === 1 ? 'lintfout' : 'lintfouten'}`));
    let line = `  ${parts.join('  ')}`;
    if (h.comment) line += `\n      "${h.comment}"`;
    if (!h.trusted) line += `\n      ${c.red(`telt niet: ${h.trustReason ?? ''}`)}`;
    out += line + '\n';
  }
  return out;
}

// ---------------------------------------------------------------------------

const FORMATS = ['stylish', 'json'];
/** status and verify also speak the CI platforms' formats. */
const REPORT_FORMATS = ['stylish', 'json', 'github', 'junit'];

function renderReport(report: ReviewReport, format: string, verify: boolean): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'github') return reviewGithub(report);
  if (format === 'junit') return reviewJunit(report);
  return formatReport(report, { color: useColor(process.stdout), verify });
}

export function register(program: Command): void {
  const review = program
    .command('review')
    .description('collegiale goedkeuring: een collega tekent de precieze brief af, CI controleert het')
    .addHelpText(
      'after',
      `
Elke gebeurtenis (verzoek, goedkeuring, wijzigingsverzoek, intrekking) is een ondertekend
bestand in .huurbrief/reviews/. Wie mag tekenen staat in .huurbrief/allowed_signers; wie de
brieven in een map moet aftekenen (ambassadeurs) in .huurbrief/ambassadors.

Voorbeelden:
  huurbrief review keys add bob@delinde.nl ~/bob_ed25519.pub
  huurbrief review request brieven/huurverhoging.md --reviewer bob@delinde.nl
  huurbrief review approve brieven/huurverhoging.md -m "Bedragen gecontroleerd"
  huurbrief review verify brieven/`,
    );

  withSignOptions(
    review
      .command('request')
      .description('vraag een collega om de brief te beoordelen (ondertekend verzoek)')
      .argument('<brief>', 'de brief')
      .option('--reviewer <principal>', 'de collega die u vraagt (zoals in .huurbrief/allowed_signers)')
      .option('-m, --message <notitie>', 'toelichting voor de beoordelaar'),
  ).action((letter: string, flags: SignFlags & { reviewer?: string }) =>
    run(() => actionOutcome(requestReview(letter, { ...signOptions(flags), ...(flags.reviewer ? { reviewer: flags.reviewer } : {}) }), commitHint()))(),
  );

  withSignOptions(
    review
      .command('approve')
      .description('keur de huidige inhoud van de brief goed (niet als u auteur bent; niet bij lintfouten)')
      .argument('<brief>', 'de brief')
      .option('-m, --message <opmerking>', 'opmerking bij de goedkeuring (verplicht met --override-lint)')
      .option('--override-lint', 'keur goed ondanks lintfouten; de reden (-m) wordt ondertekend vastgelegd')
      .option('-c, --config <bestand>', 'configbestand voor de lintcontrole (standaard: huurbrief.config.json bij de brief)'),
  ).action((letter: string, flags: SignFlags & { overrideLint?: boolean }) =>
    run(() => actionOutcome(approve(letter, { ...signOptions(flags), ...(flags.overrideLint ? { overrideLint: true } : {}) }), commitHint()))(),
  );

  withSignOptions(
    review
      .command('changes')
      .description('vraag om wijzigingen, eventueel bij een bepaalde regel')
      .argument('<brief>', 'de brief')
      .requiredOption('-m, --message <opmerking>', 'wat er moet veranderen')
      .option('--line <n>', 'de regel waar de opmerking over gaat', (v: string) => {
        if (!/^\d+$/.test(v)) throw new InvalidArgumentError('geen regelnummer');
        return Number(v);
      }),
  ).action((letter: string, flags: SignFlags & { line?: number }) =>
    run(() => actionOutcome(requestChanges(letter, { ...signOptions(flags), ...(flags.line !== undefined ? { line: flags.line } : {}) }), commitHint()))(),
  );

  withSignOptions(
    review
      .command('revoke')
      .description('trek uw goedkeuring van de huidige inhoud in')
      .argument('<brief>', 'de brief')
      .option('-m, --message <reden>', 'waarom u de goedkeuring intrekt'),
  ).action((letter: string, flags: SignFlags) => run(() => actionOutcome(revoke(letter, signOptions(flags)), commitHint()))());

  review
    .command('status')
    .description('toon per brief: goedgekeurd (door wie, wanneer), verouderd, wacht op beoordeling, wijzigingen gevraagd, geen goedkeuring, en wie mag aftekenen')
    .argument('[paden...]', 'brieven of mappen (standaard de huidige map)')
    .addOption(new Option('-f, --format <naam>', 'uitvoerformaat').choices(REPORT_FORMATS).default('stylish'))
    .action((paths: string[], flags: { format: string }) =>
      run(async () => {
        const report = await verify(paths);
        process.stdout.write(renderReport(report, flags.format, false));
        return report.problems.length ? 2 : 0;
      })(),
    );

  review
    .command('verify')
    .description('voor CI: uitvoercode 0 als elke brief een geldige goedkeuring van een niet-auteur heeft')
    .argument('[paden...]', 'brieven of mappen (standaard de huidige map)')
    .addOption(new Option('-f, --format <naam>', 'uitvoerformaat (github: annotaties, junit: CI-rapport)').choices(REPORT_FORMATS).default('stylish'))
    .option('--require-signed-commits', 'eis dat commits die brieven wijzigen met SSH ondertekend zijn door iemand uit .huurbrief/allowed_signers; de ondertekenende sleutel telt als auteur')
    .option('--base <ref>', 'voor CI: lees allowed_signers, ambassadors en .huurbriefignore van deze basis (de doeltak, bijvoorbeeld origin/main), niet uit de wijziging, en eis dat records alleen zijn toegevoegd')
    .option('--no-git', 'controleer een gedeelde map zonder git (auteurschap alleen uit ondertekende verzoeken); zonder deze optie stopt verify als git niet bruikbaar is')
    .addHelpText(
      'after',
      `
Uitvoercodes: 0 alle brieven goedgekeurd; 1 een of meer brieven niet (reden per brief: geen
goedkeuring, verouderd, door auteur goedgekeurd, wijzigingen gevraagd, ingetrokken, onbekende of
verlopen ondertekenaar, ambassadeur nodig); 2 foute invoer (kapot record, onbekende formaatversie,
verkeerde naamruimte, handtekening klopt niet, foute regel in allowed_signers of ambassadors,
verwijderd of gewijzigd record, symbolische koppeling, geen brieven, git niet bruikbaar), met
bestand en reden.

In CI: huurbrief review verify --base origin/main brieven/`,
    )
    .action((paths: string[], flags: { format: string; requireSignedCommits?: boolean; base?: string; git: boolean }) =>
      run(async () => {
        const report = await verify(paths, {
          requireGit: true,
          ...(flags.requireSignedCommits ? { requireSignedCommits: true } : {}),
          ...(flags.base !== undefined ? { base: flags.base } : {}),
          ...(flags.git === false ? { noGit: true } : {}),
        });
        process.stdout.write(renderReport(report, flags.format, true));
        return report.exitCode;
      })(),
    );

  review
    .command('diff')
    .description('toon wat er veranderd is sinds de laatste goedkeuring')
    .argument('<brief>', 'de brief')
    .action((letter: string) =>
      run(() => {
        const d = diffSinceApproval(letter);
        const c = paint(useColor(process.stdout));
        if (d.unavailable) {
          process.stdout.write(`${d.path}: ${d.unavailable}\n`);
          return 0;
        }
        const who = d.approval ? `goedgekeurd door ${d.approval.principal} op ${when(d.approval.time)}` : 'goedgekeurd';
        if (d.unchanged) {
          process.stdout.write(`${d.path}: niets veranderd sinds de goedkeuring (${who})\n`);
          return 0;
        }
        if (d.formattingOnly) {
          process.stdout.write(`${d.path}: alleen de opmaak is gewijzigd sinds de goedkeuring (${who}); de tekst is gelijk, maar het Word-bestand niet (opmaak, verborgen tekst, afbeeldingen). Bekijk het in Word: een Word-brief wordt op zijn bytes afgetekend.\n`);
          return 0;
        }
        let out = `${c.bold(`--- ${d.path}, ${who}`)}\n${c.bold(`+++ ${d.path}, huidige versie`)}\n`;
        for (const h of d.hunks) {
          out += c.dim(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`) + '\n';
          for (const l of h.lines) out += (l.op === '-' ? c.red : l.op === '+' ? c.green : (s: string) => s)(`${l.op}${l.text}`) + '\n';
        }
        process.stdout.write(out);
        return 0;
      })(),
    );

  review
    .command('log')
    .description('toon de geschiedenis van verzoeken, opmerkingen en beslissingen voor een brief')
    .argument('<brief>', 'de brief')
    .addOption(new Option('-f, --format <naam>', 'uitvoerformaat').choices(FORMATS).default('stylish'))
    .action((letter: string, flags: { format: string }) =>
      run(() => {
        const status = reviewLog(letter);
        process.stdout.write(flags.format === 'json' ? JSON.stringify(status, null, 2) + '\n' : formatLog(status, useColor(process.stdout)));
        return 0;
      })(),
    );

  const keys = review.command('keys').description('beheer wie mag goedkeuren (.huurbrief/allowed_signers)');
  keys
    .command('add')
    .description('voeg een collega toe aan .huurbrief/allowed_signers')
    .argument('<principal>', 'naam van de collega, meestal het e-mailadres')
    .argument('<publieke-sleutel>', 'bestand met de publieke SSH-sleutel (.pub)')
    .option('--valid-after <datum>', 'geldig vanaf (JJJJMMDD), bijvoorbeeld voor een nieuwe collega')
    .option('--valid-before <datum>', 'geldig tot (JJJJMMDD), bijvoorbeeld voor wie vertrekt')
    .action((principal: string, file: string, flags: { validAfter?: string; validBefore?: string }) =>
      run(() => {
        const added = addKey(principal, file, {
          ...(flags.validAfter ? { validAfter: flags.validAfter } : {}),
          ...(flags.validBefore ? { validBefore: flags.validBefore } : {}),
        });
        const hint = commitHint();
        process.stdout.write(`${principal} toegevoegd aan ${added.file} (${added.fingerprint}).${hint ? ` ${hint}` : ''}\n`);
        return 0;
      })(),
    );

  // The program applies Dutch help and exitOverride to top-level commands; do the same one level down.
  for (const sub of [...review.commands, ...keys.commands]) {
    sub.exitOverride();
    dutchHelp(sub);
  }
}
