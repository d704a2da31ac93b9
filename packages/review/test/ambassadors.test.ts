// Issue 19, part 2: ambassadors per folder (`.huurbrief/ambassadors`, CODEOWNERS syntax). The
// parser on its own, then the whole flow with real git, real ssh-keygen keys and the built CLI:
// a required ambassador missing fails and names them, in every output format; an ambassador's
// approval passes; teams expand; the last matching line wins; the base's file wins over the
// change's; moving a letter out of an ambassadors folder needs that folder's ambassador; a
// malformed file is exit code 2 naming the file and the line.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKey, ambassadorRuleFor, AmbassadorsError, approve, contentHash, parseAmbassadors, requestReview, reviewStatus, verify } from '../src/index.js';
import { colleague, commit, git, initRepo, removeDir, signedRecord, tempDir, write, type Colleague } from './helpers.js';

const FILE = '.huurbrief/ambassadors';

describe('parseAmbassadors', () => {
  const text = [
    '# Ambassadeurs per team: zij tekenen de brieven van hun map af.',
    '@incasso = anna@delinde.nl bram@delinde.nl',
    '@verhuur=carla@delinde.nl   # teamleider verhuur',
    '',
    'brieven/incasso/            @incasso',
    'brieven/incasso/juridisch/  eva@delinde.nl @incasso   # juridische brieven ook door Eva',
    'brieven/incasso/concept-*.md',
    '*.txt                       @verhuur',
    'brieven/mijn\\ brief.md      Bram@delinde.nl',
    '\\#geheim.md                 eva@delinde.nl',
  ].join('\n');
  const amb = parseAmbassadors(text, FILE);
  const rule = (path: string) => ambassadorRuleFor(amb, path)?.rule;

  it('expands teams in order without duplicates, and lets the last matching line win', () => {
    expect(rule('brieven/incasso/betalingsherinnering.md')).toMatchObject({ line: 5, owners: ['@incasso'], ambassadors: ['anna@delinde.nl', 'bram@delinde.nl'] });
    expect(rule('brieven/incasso/juridisch/dagvaarding.md')).toMatchObject({ line: 6, ambassadors: ['eva@delinde.nl', 'anna@delinde.nl', 'bram@delinde.nl'] });
    // A line without owners takes the ambassadors away again (any colleague may sign off).
    expect(rule('brieven/incasso/concept-regeling.md')).toMatchObject({ line: 7, ambassadors: [] });
    expect(rule('brieven/incasso/bijlage.txt')).toMatchObject({ line: 8, ambassadors: ['carla@delinde.nl'] });
    expect(rule('brieven/verhuur/welkom.md')).toBeUndefined();
    expect(amb.teams.map((t) => [t.name, t.line])).toEqual([['@incasso', 2], ['@verhuur', 3]]);
  });

  it('reads patterns as gitignore does: escaped spaces and #, any case (a folder spelt Incasso is no way out)', () => {
    expect(rule('brieven/mijn brief.md')?.ambassadors).toEqual(['Bram@delinde.nl']);
    expect(rule('#geheim.md')?.line).toBe(10);
    expect(rule('brieven/Incasso/betalingsherinnering.MD')?.line).toBe(5);
  });

  it.each([
    ['brieven/incasso/ @incaso\n', 1, 'onbekend team @incaso (er zijn geen teams gedefinieerd'],
    ['@incasso = anna@delinde.nl\n\nbrieven/ @incasso @verhuur\n', 3, 'onbekend team @verhuur (gedefinieerd: @incasso)'],
    ['@incasso =\n', 1, 'team @incasso heeft geen leden'],
    ['@incasso = anna@delinde.nl\n@Incasso = bram@delinde.nl\n', 2, 'team @Incasso is al gedefinieerd op regel 1'],
    ['@a = anna@delinde.nl\n@b = @a bram@delinde.nl\n', 2, 'team @b bevat @a'],
    ['@incasso anna@delinde.nl bram@delinde.nl\n', 1, 'een team definieert u met "@incasso = naam naam"'],
    ['!brieven/incasso/concept.md\n', 1, 'uitzonderingen met ! kan niet'],
    ['brieven/ *@delinde.nl\n', 1, '"*@delinde.nl" is geen geldige naam'],
    ['brieven/ anna@delinde.nl,bram@delinde.nl\n', 1, 'geen geldige naam'],
    ['brieven/ = anna@delinde.nl\n', 1, '= hoort alleen in een teamdefinitie'],
  ])('rejects %j at line %i', (bad, line, reason) => {
    let error: unknown;
    try {
      parseAmbassadors(bad, FILE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmbassadorsError);
    expect(error).toMatchObject({ file: FILE, line });
    expect((error as Error).message).toContain(`${FILE}:${line}: `);
    expect((error as Error).message).toContain(reason);
  });
});

// ---------------------------------------------------------------------------
// With real git, ssh-keygen and the built CLI.

const CLI = new URL('../../cli/bin/huurbrief.js', import.meta.url).pathname;
const tools = ['git', 'ssh-keygen'].filter((t) => spawnSync(t, ['--version']).error !== undefined);
const built = existsSync(new URL('../../cli/dist/cli.js', import.meta.url));
const missing = [...tools.map((t) => `${t} ontbreekt`), ...(built ? [] : ['de CLI is niet gebouwd (pnpm build)'])];
if (missing.length && process.env['CI'] !== 'true') console.warn(`ambassadors.test.ts (git-deel) overgeslagen: ${missing.join(', ')}`);
const suite = missing.length && process.env['CI'] !== 'true' ? describe.skip : describe;

const REMINDER = `# Uw huur van maart

Beste {{huurder.naam}},

Wij hebben uw huur van maart nog niet ontvangen. Misschien is het u ontschoten.
Wilt u € 684,15 vóór 28 maart overmaken naar {{organisatie.iban}}?

Lukt betalen nu niet? Bel dan Bram van Dijk op 010-2345678.
Samen kijken we naar een regeling die past.

Met vriendelijke groet,

Bram van Dijk
Woonstichting De Linde
`;
const REMINDER_EDITED = REMINDER.replace('Misschien is het u ontschoten.', 'Misschien is er iets misgegaan met de betaling.');
const REMINDER_MOVED = REMINDER.replace('Samen kijken we naar een regeling die past.', 'Wij helpen u graag met een regeling.');

const WELCOME = `# Welkom in uw nieuwe woning

Beste {{huurder.naam}},

Vanaf 1 mei huurt u de woning aan de {{woning.adres}}. Wij wensen u veel woonplezier.
Uw sleutels haalt u op 30 april op bij ons kantoor.

Met vriendelijke groet,

Carla Smit
Woonstichting De Linde
`;

const SUMMONS = `# Uw huurachterstand

Beste {{huurder.naam}},

U heeft nog € 2.052,45 huur open staan. Dat is de huur van drie maanden.
Wij willen graag met u praten over een regeling. Bel Eva de Boer vóór 15 april op 010-2345678.

Met vriendelijke groet,

Eva de Boer
Woonstichting De Linde
`;

const AMBASSADORS_FILE = `# Ambassadeurs: zij tekenen de brieven van hun team af.
@incasso = anna@delinde.nl bram@delinde.nl

brieven/incasso/            @incasso
brieven/incasso/juridisch/  eva@delinde.nl
`;

const REMINDER_PATH = 'brieven/incasso/herinnering-maart.md';
const SUMMONS_PATH = 'brieven/incasso/juridisch/achterstand.md';
const WELCOME_PATH = 'brieven/verhuur/welkom.md';

let keys: string;
let anna: Colleague; // incasso ambassador, writes the reminder
let bram: Colleague; // incasso ambassador
let carla: Colleague; // a colleague, no ambassador
let eva: Colleague; // ambassador for the legal letters
let dave: Colleague; // a colleague, no ambassador
const dirs: string[] = [];

beforeAll(() => {
  if (missing.length && process.env['CI'] !== 'true') return;
  keys = tempDir('amb-keys');
  [anna, bram, carla, eva, dave] = ['Anna', 'Bram', 'Carla', 'Eva', 'Dave'].map((n) => colleague(keys, n)) as [Colleague, Colleague, Colleague, Colleague, Colleague];
});

afterAll(() => {
  for (const d of [keys, ...dirs]) if (d) removeDir(d);
});

/** main: five colleagues in allowed_signers, the ambassadors file, three letters by Anna, nothing approved yet. */
function setup(ambassadors: string | null = AMBASSADORS_FILE): string {
  const repo = tempDir('amb');
  dirs.push(repo);
  initRepo(repo, anna);
  for (const c of [anna, bram, carla, eva, dave]) addKey(c.email, c.pub, { cwd: repo });
  if (ambassadors !== null) write(repo, FILE, ambassadors);
  commit(repo, anna, 'Collega\'s en ambassadeurs', {});
  commit(repo, anna, 'Drie brieven', { [REMINDER_PATH]: REMINDER, [SUMMONS_PATH]: SUMMONS, [WELCOME_PATH]: WELCOME });
  return repo;
}

function cli(repo: string, args: string[]): { code: number | null; out: string; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'review', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout + r.stderr, stdout: r.stdout, stderr: r.stderr };
}

const as = (who: Colleague, repo: string) => ({ cwd: repo, key: who.key });

function commitReviews(repo: string, who: Colleague, message = 'Beoordeling'): void {
  git(repo, who, 'add', '.huurbrief');
  git(repo, who, 'commit', '-q', '-m', message);
}

/** An approval the command would refuse (not an ambassador), signed by hand with ssh-keygen. */
function handApproval(repo: string, who: Colleague, path: string, text: string): void {
  signedRecord(repo, who, { path, sha256: contentHash(text) }, 'huurbrief-review');
}

suite('ambassadors with real git and ssh-keygen', () => {
  it('a required ambassador missing fails and names them (stylish, json, junit, github); an ambassador of the team passes', async () => {
    const repo = setup();
    // Carla is a trusted colleague and not an author, but no incasso ambassador: the command refuses her,
    handApproval(repo, carla, REMINDER_PATH, REMINDER);
    expect(approve(REMINDER_PATH, as(carla, repo))).toMatchObject({
      ok: false,
      code: 'not-ambassador',
      reason: expect.stringContaining(`u (${carla.email}) bent geen ambassadeur voor ${REMINDER_PATH}; aftekenen door een ambassadeur (${bram.email}; @incasso, ${FILE} regel 4; ${anna.email} is auteur van deze versie)`),
    });
    // ... and her hand-made approval does not count. Anna is an ambassador but wrote the letter: only Bram is left.
    expect(approve(REMINDER_PATH, as(anna, repo))).toMatchObject({ ok: false, code: 'author' });
    // The welcome letter has no ambassadors: any colleague who is not an author (today's rule).
    expect(approve(WELCOME_PATH, as(carla, repo))).toMatchObject({ ok: true });
    commitReviews(repo, carla);

    const stylish = cli(repo, ['verify', 'brieven/incasso/herinnering-maart.md', 'brieven/verhuur']);
    expect(stylish.code, stylish.out).toBe(1);
    const named = `goedgekeurd door ${carla.email} (`;
    const needs = `maar dat is geen ambassadeur voor ${REMINDER_PATH}; aftekenen door een ambassadeur (${bram.email}; @incasso, ${FILE} regel 4; ${anna.email} is auteur van deze versie)`;
    expect(stylish.stdout).toContain(`✖ ${REMINDER_PATH}  ambassadeur nodig: ${named}`);
    expect(stylish.stdout).toContain(needs);
    expect(stylish.stdout).toContain(`✔ ${WELCOME_PATH}  goedgekeurd door ${carla.email}`);

    const json = JSON.parse(cli(repo, ['verify', '--format', 'json', REMINDER_PATH]).stdout) as { letters: { state: string; reason: string; approvals: unknown[]; signOff: { requirements: { ambassadors: string[]; eligible: string[]; met: boolean; line: number; owners: string[] }[] } }[] };
    expect(json.letters[0]).toMatchObject({ state: 'ambassador-missing', approvals: [] });
    expect(json.letters[0]!.reason).toContain(needs);
    expect(json.letters[0]!.signOff.requirements).toEqual([
      expect.objectContaining({ line: 4, owners: ['@incasso'], ambassadors: [anna.email, bram.email], eligible: [bram.email], met: false }),
    ]);

    const junit = cli(repo, ['verify', '--format', 'junit', REMINDER_PATH]);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toMatch(new RegExp(`<failure type="ambassador-missing" message="ambassadeur nodig: goedgekeurd door ${carla.email.replace('.', '\\.')} \\([^"]*${bram.email.replace('.', '\\.')}; @incasso`));

    const github = cli(repo, ['verify', '--format', 'github', REMINDER_PATH]);
    expect(github.code).toBe(1);
    expect(github.stdout).toContain(`::error file=${REMINDER_PATH},title=huurbrief review%3A ambassador-missing::ambassadeur nodig: goedgekeurd door ${carla.email}`);
    expect(github.stdout).toContain(`${bram.email}; @incasso, ${FILE} regel 4`);

    // A letter nobody approved yet names the ambassadors too.
    const none = cli(repo, ['verify', SUMMONS_PATH]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain(`✖ ${SUMMONS_PATH}  geen goedkeuring; vraag een collega met "huurbrief review request"; aftekenen door een ambassadeur (${eva.email}; ${FILE} regel 5)`);

    // Bram, an ambassador through the team @incasso, approves: the letter passes.
    expect(approve(REMINDER_PATH, { ...as(bram, repo), comment: 'Vriendelijk en duidelijk.' })).toMatchObject({ ok: true });
    commitReviews(repo, bram);
    const after = cli(repo, ['verify', '--base', 'main', REMINDER_PATH, WELCOME_PATH]);
    expect(after.code, after.out).toBe(0);
    expect(after.stdout).toContain(`✔ ${REMINDER_PATH}  goedgekeurd door ${bram.email}`);
  });

  it('review status shows per letter who may sign off', () => {
    const repo = setup();
    const status = cli(repo, ['status', 'brieven']);
    expect(status.code, status.out).toBe(0);
    expect(status.stdout).toContain(`${REMINDER_PATH}  geen goedkeuring; vraag een collega met "huurbrief review request"; aftekenen door een ambassadeur (${bram.email}; @incasso, ${FILE} regel 4; ${anna.email} is auteur van deze versie)\n`);
    expect(status.stdout).toContain(`${SUMMONS_PATH}  geen goedkeuring; vraag een collega met "huurbrief review request"; aftekenen door een ambassadeur (${eva.email}; ${FILE} regel 5)\n`);
    // An approved letter says who may sign off its next version.
    expect(approve(SUMMONS_PATH, as(eva, repo))).toMatchObject({ ok: true });
    const after = cli(repo, ['status', SUMMONS_PATH]).stdout;
    expect(after).toContain(`✔ ${SUMMONS_PATH}  goedgekeurd door ${eva.email}`);
    expect(after).toContain(`    aftekenen door een ambassadeur (${eva.email}; ${FILE} regel 5)\n`);
    expect(status.stdout).toContain('Brieven zonder ambassadeurs (1): aftekenen door een collega uit .huurbrief/allowed_signers die geen auteur is.');
    // Without an ambassadors file nothing changes in the output.
    const plain = setup(null);
    expect(cli(plain, ['status', 'brieven']).stdout).not.toContain('aftekenen door');
  });

  it('the last matching line wins: a legal letter needs Eva, not the incasso team; a line without owners gives any colleague back', async () => {
    const repo = setup(AMBASSADORS_FILE + 'brieven/incasso/juridisch/concept-*.md\n');
    expect(approve(SUMMONS_PATH, as(bram, repo))).toMatchObject({ ok: false, code: 'not-ambassador', reason: expect.stringContaining(`een ambassadeur (${eva.email}; ${FILE} regel 5)`) });
    handApproval(repo, bram, SUMMONS_PATH, SUMMONS);
    commit(repo, anna, 'Concept voor een regeling', { 'brieven/incasso/juridisch/concept-regeling.md': SUMMONS.replace('drie maanden', 'twee maanden') });
    expect(approve('brieven/incasso/juridisch/concept-regeling.md', as(dave, repo))).toMatchObject({ ok: true });
    commitReviews(repo, bram);
    let report = await verify(['brieven/incasso/juridisch'], { cwd: repo });
    expect(report.letters.map((l) => [l.path, l.state])).toEqual([
      [SUMMONS_PATH, 'ambassador-missing'],
      ['brieven/incasso/juridisch/concept-regeling.md', 'approved'],
    ]);
    expect(report.letters[0]!.reason).toContain(`goedgekeurd door ${bram.email} (`);
    expect(report.letters[0]!.reason).toContain(`maar dat is geen ambassadeur voor ${SUMMONS_PATH}; aftekenen door een ambassadeur (${eva.email}; ${FILE} regel 5)`);
    expect(approve(SUMMONS_PATH, as(eva, repo))).toMatchObject({ ok: true });
    commitReviews(repo, eva);
    report = await verify(['brieven/incasso/juridisch'], { cwd: repo, base: 'main' });
    expect(report.exitCode, JSON.stringify(report.letters.map((l) => l.reason))).toBe(0);
  });

  it('the ambassadors file of the change is ignored under --base: the base branch decides', async () => {
    const repo = setup();
    git(repo, carla, 'checkout', '-q', '-b', 'carla-mag-ook');
    // Carla makes herself an incasso ambassador in her branch and signs the reminder off.
    write(repo, FILE, AMBASSADORS_FILE.replace('@incasso = anna@delinde.nl bram@delinde.nl', `@incasso = anna@delinde.nl bram@delinde.nl ${carla.email}`));
    commit(repo, carla, 'Carla ook ambassadeur');
    expect(approve(REMINDER_PATH, as(carla, repo))).toMatchObject({ ok: true }); // the working tree's file lets her
    commitReviews(repo, carla);
    expect(cli(repo, ['verify', REMINDER_PATH]).code).toBe(0); // without --base the change's own file counts (documented)
    const r = cli(repo, ['verify', '--base', 'main', REMINDER_PATH]);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain(`ambassadeur nodig: goedgekeurd door ${carla.email}`);
    expect(r.stdout).toContain(`aftekenen door een ambassadeur (${bram.email}; @incasso, ${FILE} (basis main) regel 4;`);
    expect(r.stdout).toContain('wie ambassadeur is (ambassadors)');

    // Deleting the file in the change gains nothing either, and neither does a malformed copy of it.
    rmSync(join(repo, FILE));
    commit(repo, carla, 'Geen ambassadeurs meer');
    expect(cli(repo, ['verify', REMINDER_PATH]).code).toBe(0);
    expect(cli(repo, ['verify', '--base', 'main', REMINDER_PATH]).code).toBe(1);
    commit(repo, carla, 'Kapot bestand', { [FILE]: 'brieven/incasso/ @bestaat-niet\n' });
    expect(cli(repo, ['verify', REMINDER_PATH]).code).toBe(2);
    const base = cli(repo, ['verify', '--base', 'main', REMINDER_PATH]);
    expect(base.code, base.out).toBe(1);

    // A base without an ambassadors file: one added in the change does not apply (no self-made rules either way).
    const plain = setup(null);
    git(plain, dave, 'checkout', '-q', '-b', 'dave-alleen');
    commit(plain, dave, 'Dave is ambassadeur', { [FILE]: `brieven/ ${dave.email}\n` });
    expect(approve(WELCOME_PATH, as(carla, plain))).toMatchObject({ ok: false, code: 'not-ambassador' });
    handApproval(plain, carla, WELCOME_PATH, WELCOME);
    commitReviews(plain, carla);
    expect(cli(plain, ['verify', WELCOME_PATH]).code).toBe(1);
    expect(cli(plain, ['verify', '--base', 'main', WELCOME_PATH]).code).toBe(0);
  });

  it('moving a letter out of an ambassadors folder needs an ambassador of that folder, also after a later edit', async () => {
    const repo = setup();
    expect(approve(REMINDER_PATH, as(bram, repo))).toMatchObject({ ok: true });
    commitReviews(repo, bram);
    git(repo, dave, 'checkout', '-q', '-b', 'verhuizen');
    // Dave moves the reminder out of brieven/incasso/ (and changes it), Carla approves it there.
    git(repo, dave, 'mv', REMINDER_PATH, 'brieven/herinnering-maart.md');
    commit(repo, dave, 'Herinnering naar de algemene map', { 'brieven/herinnering-maart.md': REMINDER_MOVED });
    expect(approve('brieven/herinnering-maart.md', as(carla, repo))).toMatchObject({ ok: false, code: 'not-ambassador' });
    handApproval(repo, carla, 'brieven/herinnering-maart.md', REMINDER_MOVED);
    commitReviews(repo, carla);
    let r = cli(repo, ['verify', '--base', 'main', 'brieven/herinnering-maart.md']);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain(`maar dat is geen ambassadeur voor brieven/herinnering-maart.md; aftekenen door een ambassadeur voor ${REMINDER_PATH} (eerdere naam van de brief) (${anna.email} of ${bram.email}; @incasso`);

    // Carla's approval of that version does not cut the history: after one more edit, an
    // ordinary colleague's approval still does not do.
    commit(repo, dave, 'Nog een zin', { 'brieven/herinnering-maart.md': REMINDER_MOVED.replace('Met vriendelijke groet,', 'Wij horen graag van u.\n\nMet vriendelijke groet,') });
    expect(approve('brieven/herinnering-maart.md', as(carla, repo))).toMatchObject({ ok: false, code: 'not-ambassador' });
    r = cli(repo, ['verify', '--base', 'main', 'brieven/herinnering-maart.md']);
    expect(r.code, r.out).toBe(1);
    expect(r.stdout).toContain(`aftekenen door een ambassadeur voor ${REMINDER_PATH} (eerdere naam van de brief)`);

    // An incasso ambassador signs the move off: it passes, and the next edit needs only any colleague.
    expect(approve('brieven/herinnering-maart.md', as(bram, repo))).toMatchObject({ ok: true });
    commitReviews(repo, bram);
    expect(cli(repo, ['verify', '--base', 'main', 'brieven/herinnering-maart.md']).code).toBe(0);
    commit(repo, dave, 'Datum aangepast', { 'brieven/herinnering-maart.md': REMINDER_MOVED.replace('28 maart', '31 maart') });
    expect(reviewStatus(repo, 'brieven/herinnering-maart.md').signOff.requirements).toEqual([]);
    expect(approve('brieven/herinnering-maart.md', as(carla, repo))).toMatchObject({ ok: true });
    commitReviews(repo, carla);
    expect(cli(repo, ['verify', '--base', 'main', 'brieven/herinnering-maart.md']).code).toBe(0);
  });

  it('an approval by a non-ambassador does not cut the history: who wrote the version before it still counts as author', () => {
    const repo = setup();
    // Carla approves Anna's version (it does not count), then Bram edits it. Had Carla's approval
    // counted, only Bram would be an author now and Anna could sign off her own text.
    handApproval(repo, carla, REMINDER_PATH, REMINDER);
    commitReviews(repo, carla);
    commit(repo, bram, 'Andere zin', { [REMINDER_PATH]: REMINDER_EDITED });
    const s = reviewStatus(repo, REMINDER_PATH);
    expect(s.authors).toEqual(expect.arrayContaining([anna.email, bram.email]));
    expect(s.signOff.requirements[0]).toMatchObject({ eligible: [], met: false });
    expect(s.reason).toContain(`aftekenen door een ambassadeur, maar alle ambassadeurs (${anna.email}, ${bram.email}) zijn auteur van deze versie (@incasso, ${FILE} regel 4); wijs in ${FILE} een ambassadeur aan die de brief niet schreef`);
    expect(approve(REMINDER_PATH, as(anna, repo))).toMatchObject({ ok: false, code: 'author' });
  });

  it('review request warns when the reviewer is no ambassador for the letter', () => {
    const repo = setup();
    const r = requestReview(REMINDER_PATH, { ...as(anna, repo), reviewer: carla.email });
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.message).toContain(`(let op: ${carla.email} is geen ambassadeur voor ${REMINDER_PATH}; aftekenen kan alleen door ${anna.email} of ${bram.email}, ${FILE} regel 4)`);
    const ok = requestReview(REMINDER_PATH, { ...as(anna, repo), reviewer: bram.email });
    expect(ok.ok && ok.message).toBe(`beoordeling gevraagd aan ${bram.email} voor ${REMINDER_PATH}`);
  });

  it('a malformed ambassadors file is exit code 2 naming the file, the line and the reason (also on the base)', () => {
    const repo = setup(AMBASSADORS_FILE.replace('brieven/incasso/            @incasso', 'brieven/incasso/            @incaso'));
    for (const args of [['verify', 'brieven'], ['status', 'brieven'], ['verify', '--format', 'junit', 'brieven']]) {
      const r = cli(repo, args);
      expect(r.code, `${args.join(' ')}: ${r.out}`).toBe(2);
      expect(r.stderr).toBe(`huurbrief: ${FILE}:4: onbekend team @incaso (gedefinieerd: @incasso)\n`);
    }
    const base = cli(repo, ['verify', '--base', 'main', 'brieven']);
    expect(base.code).toBe(2);
    expect(base.stderr).toBe(`huurbrief: ${FILE} (basis main):4: onbekend team @incaso (gedefinieerd: @incasso)\n`);
    // Approving reads the file too: a clear refusal, not a silent pass.
    const approveCli = spawnSync(process.execPath, [CLI, 'review', 'approve', REMINDER_PATH, '--key', bram.key], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    expect(approveCli.status).toBe(2);
    expect(approveCli.stderr).toContain(`${FILE}:4: onbekend team @incaso`);

    write(repo, FILE, '@incasso = anna@delinde.nl\n!brieven/incasso/concept.md @incasso\n');
    const neg = cli(repo, ['verify', 'brieven']);
    expect(neg.code).toBe(2);
    expect(neg.stderr).toContain(`${FILE}:2: "!brieven/incasso/concept.md": uitzonderingen met ! kan niet`);
  });

  it('warns about an ambassador who is not in allowed_signers (they could never sign off)', async () => {
    const repo = setup(AMBASSADORS_FILE + 'brieven/verhuur/ frank@delinde.nl\n');
    const report = await verify(['brieven'], { cwd: repo });
    expect(report.warnings).toContain(`${FILE} regel 6: ambassadeur frank@delinde.nl staat niet in .huurbrief/allowed_signers en kan dus niet aftekenen`);
  });
});
