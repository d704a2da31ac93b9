// The built CLI end to end (`npx tsc -b packages/cli` first), as a user or a
// CI job runs it: formats, flags, --fix, explain, rules, init, help.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, VERSION } from '@huurbrief/core';
import { cliBin, repoRoot, runCli } from './helpers.js';
import { initCommand, type InitIo } from '../src/commands/init.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'huurbrief-cli-'));

/** A letter with three plain-words findings (all with one suggestion) and nothing else fixable. */
const LETTER = [
  'Beste mevrouw Jansen,',
  '',
  'Indien u vragen heeft over de huurverhoging, kunt u ons bellen.',
  'Wij sturen u tevens een overzicht van de servicekosten.',
  'De kosten worden thans verdeeld over alle woningen.',
  '',
  'Met vriendelijke groet,',
  '',
  'Karin de Vries',
  '',
].join('\n');
const ONLY_PLAIN_WORDS = JSON.stringify({ extends: [], rules: { 'plain-words': 'warn' } });

function project(files: Record<string, string | Buffer> = {}): string {
  const dir = tmp();
  writeFileSync(join(dir, 'huurbrief.config.json'), ONLY_PLAIN_WORDS);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const json = (stdout: string) => JSON.parse(stdout) as { path: string; messages: { ruleId: string; severity: string; line: number; message: string }[] }[];

describe('--version and --help', () => {
  it('prints the version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  const commands = ['lint', 'explain', 'rules', 'init', 'report'];
  it.each(['huurbrief', ...commands])('help for %s is Dutch and complete', (cmd) => {
    const r = runCli([...(cmd === 'huurbrief' ? [] : [cmd]), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Gebruik: huurbrief/);
    expect(r.stdout).toContain('Opties:');
    expect(r.stdout).not.toMatch(/\b(Usage|Options|Arguments|Commands|default|choices):/);
    // Every option has a (Dutch) description.
    for (const line of r.stdout.split('\n').filter((l) => /^\s+-/.test(l))) expect(line.trim(), line).toMatch(/\s{2,}\S/);
  });

  it('lint --help lists every flag of issue 6', () => {
    const r = runCli(['lint', '--help']);
    for (const flag of ['--format', '--output-file', '--config', '--no-config', '--rule', '--print-config', '--fix', '--fix-dry-run', '--quiet', '--max-warnings', '--stdin', '--stdin-filename']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('keuze uit: "stylish", "json", "sarif", "github", "gitlab", "junit", "checkstyle", standaard: "stylish"');
    expect(r.stdout).toContain('Uitvoercodes:');
  });

  it('the top-level help lists the commands', () => {
    const r = runCli(['--help']);
    for (const c of commands) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });

  it.each([['--help'], ['review', '--help']])('%s: the command descriptions line up in one column', (...args) => {
    const r = runCli(args);
    const section = (r.stdout.split('Opdrachten:\n')[1] ?? '').split(/\n\n(?=\S)/)[0] ?? '';
    const starts = section.split('\n').filter((l) => /^  \S/.test(l)).map((l) => /^  \S.*?\s{2,}(?=\S)/.exec(l)?.[0].length);
    expect(starts.length).toBeGreaterThan(3);
    expect(new Set(starts).size, section).toBe(1);
  });
});

describe('bad usage: one clear line, exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['lint', '--formaat', 'json'], /^huurbrief: onbekende optie --formaat \(bedoelt u --format\?\); zie huurbrief --help$/],
    ['an unknown format', ['lint', '--format', 'xml'], /^huurbrief: ongeldige waarde 'xml' voor optie -f, --format <naam>\. Kies uit stylish, json, sarif, github, gitlab, junit, checkstyle\.$/],
    ['a bad --max-warnings', ['lint', '--max-warnings', 'veel'], /^huurbrief: ongeldige waarde 'veel' voor optie --max-warnings <aantal>\. Geef een geheel getal van 0 of meer$/],
    ['a misspelt --rule id', ['lint', '--rule', 'plain-word: off'], /^huurbrief: --rule "plain-word: off": onbekende regel "plain-word" \(bedoelt u "plain-words"\?\); zie huurbrief rules$/],
    ['a bad --rule level', ['lint', '--rule', 'plain-words: hard'], /onbekend niveau "hard"/],
    ['a --rule without colon', ['lint', '--rule', 'plain-words'], /schrijf 'regel: niveau'/],
    ['--rule JSON cut short', ['lint', '--rule', '{"plain-words": "error"'], /^huurbrief: --rule "\{\\"plain-words\\": \\"error\\"": geen geldige JSON \(komma of \} verwacht na een waarde\)$/],
    ['bad --rule options', ['lint', 'fixtures/letters/welkom.md', '--rule', 'sentence-length: ["warn", {"warning": "veel"}]'], /^huurbrief: fout in configuratie: --rule: rules\.sentence-length\.warning: moet een geheel getal zijn$/],
    ['--fix with --fix-dry-run', ['lint', '--fix', '--fix-dry-run'], /kies --fix of --fix-dry-run/],
    ['--fix with --stdin', ['lint', '--fix', '--stdin'], /gebruik --fix-dry-run/],
    ['explain without a rule', ['explain'], /^huurbrief: argument regel ontbreekt$/],
    ['a misspelt command', ['revieuw', 'status'], /^huurbrief: onbekende opdracht revieuw \(bedoelt u review\?\); zie huurbrief --help$/],
    ['a word that is neither command nor path', ['brieven-die-er-niet-zijn'], /^huurbrief: brieven-die-er-niet-zijn: bestand of map bestaat niet$/],
  ];
  it.each(cases)('%s', (_name, args, expected) => {
    const r = runCli(args, { input: '' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
  });

  it('a config file that is not valid JSON: the place and a Dutch reason', () => {
    const dir = project({ 'brief.md': LETTER });
    writeFileSync(join(dir, 'huurbrief.config.json'), '{\n  "rules": { "plain-words": "warn", }\n}\n');
    const r = runCli(['lint', 'brief.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`huurbrief: fout in configuratie: ${join(dir, 'huurbrief.config.json')}: regel 2, kolom 37: geen geldige JSON (naam tussen dubbele aanhalingstekens verwacht, of er staat een komma te veel)\n`);
  });

  it('an output path that cannot be written', () => {
    const dir = project({ 'brief.md': LETTER, 'bestand.txt': 'x' });
    const notDir = runCli(['lint', 'brief.md', '-o', 'bestand.txt/uit.json'], { cwd: dir });
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toBe('huurbrief: kan uitvoer niet schrijven naar bestand.txt/uit.json: een deel van het pad is geen map\n');
    const isDir = runCli(['lint', 'brief.md', '--output-file', '.'], { cwd: dir });
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toBe('huurbrief: kan uitvoer niet schrijven naar .: dat is een map\n');
  });
});

describe('lint flags', () => {
  it('--output-file writes the report there (folders created) and nothing to stdout', () => {
    const dir = project({ 'brief.md': LETTER });
    const r = runCli(['lint', 'brief.md', '--format', 'sarif', '--output-file', 'rapporten/huurbrief.sarif'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(dir, 'rapporten', 'huurbrief.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toHaveLength(3);
  });

  it('--max-warnings fails the run above the limit, also with --quiet', () => {
    const dir = project({ 'brief.md': LETTER });
    expect(runCli(['lint', 'brief.md', '--max-warnings', '3'], { cwd: dir }).code).toBe(0);
    const over = runCli(['lint', 'brief.md', '--max-warnings', '2', '--quiet', '--format', 'json'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(json(over.stdout)[0]!.messages).toEqual([]);
    expect(over.stderr).toBe('huurbrief: te veel waarschuwingen: 3 (maximaal 2 met --max-warnings)\n');
  });

  it('--rule switches rules off and on, with options, repeatable and as JSON', () => {
    const dir = project({ 'brief.md': LETTER });
    const ids = (args: string[]) => [...new Set(json(runCli(['lint', 'brief.md', '--format', 'json', ...args], { cwd: dir }).stdout)[0]!.messages.map((m) => m.ruleId))];
    expect(ids([])).toEqual(['plain-words']);
    expect(ids(['--rule', 'plain-words: off'])).toEqual([]);
    expect(ids(['--rule', 'plain-words: off', '--rule', 'sentence-length: ["warn", {"warning": 8, "error": 40}]'])).toEqual(['sentence-length']);
    expect(ids(['--rule', '{"plain-words": "off", "sentence-length": ["error", {"warning": 8}]}'])).toEqual(['sentence-length']);
    const severity = json(runCli(['lint', 'brief.md', '--format', 'json', '--rule', 'plain-words: error'], { cwd: dir }).stdout)[0]!.messages[0]!.severity;
    expect(severity).toBe('error');
  });

  it('--no-config ignores config files, -c picks one, the old --no-config-lookup still works', () => {
    const dir = project({ 'brief.md': LETTER, 'ander.json': JSON.stringify({ extends: [], rules: { 'sentence-length': ['warn', { warning: 8 }] } }) });
    const rulesOf = (args: string[]) => [...new Set(json(runCli(['lint', 'brief.md', '--format', 'json', ...args], { cwd: dir }).stdout)[0]!.messages.map((m) => m.ruleId))].sort();
    expect(rulesOf([])).toEqual(['plain-words']);
    const recommended = rulesOf(['--no-config']);
    expect(recommended).toContain('plain-words');
    expect(recommended.length).toBeGreaterThan(1);
    expect(rulesOf(['--no-config-lookup'])).toEqual(recommended);
    expect(rulesOf(['-c', 'ander.json'])).toEqual(['sentence-length']);
    expect(rulesOf(['--config', 'ander.json', '--rule', 'plain-words: warn'])).toEqual(['plain-words', 'sentence-length']);
  });

  it('--print-config shows the config a letter gets, --rule included', () => {
    const dir = project({ 'brieven/brief.md': LETTER });
    const r = runCli(['lint', '--print-config', 'brieven/brief.md', '--rule', 'sentence-length: ["warn", {"warning": 12}]'], { cwd: dir });
    expect(r.code).toBe(0);
    const config = JSON.parse(r.stdout) as { configFile: string; level: string; rules: Record<string, { severity: string; options: Record<string, unknown> }> };
    expect(config.configFile).toBe('huurbrief.config.json');
    expect(config.level).toBe('B1');
    expect(Object.keys(config.rules)).toEqual(['plain-words', 'sentence-length']);
    expect(config.rules['sentence-length']).toEqual({ severity: 'warning', options: { warning: 12, error: 30 } });
    const none = JSON.parse(runCli(['lint', '--print-config', 'brieven/brief.md', '--no-config'], { cwd: dir }).stdout) as { configFile: null; rules: object };
    expect(none.configFile).toBeNull();
    expect(Object.keys(none.rules).length).toBeGreaterThan(2);
  });

  it('every format works from the command line', () => {
    const dir = project({ 'brief.md': LETTER });
    for (const format of ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle']) {
      const r = runCli(['lint', 'brief.md', '--format', format], { cwd: dir });
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(50);
    }
    expect(runCli(['lint', 'brief.md', '--format', 'github'], { cwd: dir }).stdout.split('\n')[0]).toBe(
      '::warning file=brief.md,line=3,col=1,endLine=3,endColumn=7,title=huurbrief plain-words::Schrijf "Als" in plaats van "Indien". (plain-words)',
    );
  });
});

describe('--fix', () => {
  const crlfBom = `\uFEFF${LETTER.replace(/\n/g, '\r\n')}`;
  const fixedCrlfBom = crlfBom.replace('Indien', 'Als').replace('tevens', 'ook').replace('thans', 'nu');

  it('fixes in place keeping BOM, CRLF and mode; says what changed; a second run changes nothing', () => {
    const dir = project({ 'brieven/brief.md': crlfBom, 'brieven/goed.md': 'Beste meneer Bakker,\n\nAls u vragen heeft, bel ons.\n' });
    const file = join(dir, 'brieven', 'brief.md');
    chmodSync(file, 0o600);
    const untouched = readFileSync(join(dir, 'brieven', 'goed.md'));
    const mtime = statSync(join(dir, 'brieven', 'goed.md')).mtimeMs;

    const first = runCli(['lint', 'brieven', '--fix'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      [
        'brieven/brief.md: 3 verbeteringen',
        '  3:1  "Indien" → "Als"  plain-words',
        '  4:14  "tevens" → "ook"  plain-words',
        '  5:18  "thans" → "nu"  plain-words',
        'huurbrief verbeterde 3 problemen in 1 brief',
        '',
      ].join('\n'),
    );
    expect(first.stdout).toContain('geen problemen in 2 brieven');
    const bytes = readFileSync(file);
    expect(bytes.equals(Buffer.from(fixedCrlfBom, 'utf8'))).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'brieven', 'goed.md')).equals(untouched)).toBe(true);
    expect(statSync(join(dir, 'brieven', 'goed.md')).mtimeMs).toBe(mtime);
    expect(readdirSync(join(dir, 'brieven')).sort()).toEqual(['brief.md', 'goed.md']);

    const second = runCli(['lint', 'brieven', '--fix'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  // A failing write (full disk, failed fsync or rename) is tested in fix.test.ts with a failing fs:
  // tests run as root here, and root can write into any folder.

  it('--fix-dry-run prints a patch that git applies, and writes nothing', () => {
    const dir = project({ 'brief.md': crlfBom });
    const r = runCli(['lint', 'brief.md', '--fix-dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'brief.md'), 'utf8')).toBe(crlfBom);
    expect(r.stdout).toMatch(/^--- a\/brief\.md\n\+\+\+ b\/brief\.md\n@@ /);
    expect(r.stdout).toContain('-Indien u vragen heeft');
    expect(r.stderr).toContain('huurbrief zou 3 problemen in 1 brief verbeteren');
    spawnSync('git', ['init', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'fix.diff'), r.stdout);
    const apply = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
    expect(apply.status, apply.stderr).toBe(0);
    expect(readFileSync(join(dir, 'brief.md'), 'utf8')).toBe(fixedCrlfBom);
  });

  it('--fix-dry-run works on stdin and puts the remaining findings in --output-file', () => {
    const dir = project();
    const r = runCli(['lint', '--stdin', '--stdin-filename', 'brief.md', '--fix-dry-run', '--format', 'json', '-o', 'rest.json'], { cwd: dir, input: `${LETTER}Dit is een zin met veel te veel woorden die maar doorgaat en doorgaat zodat niemand hem nog kan volgen.\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+Als u vragen heeft');
    const rest = json(readFileSync(join(dir, 'rest.json'), 'utf8'));
    expect(rest[0]!.messages).toEqual([]);
  });
});

describe('inline disable comments from the command line', () => {
  it('suppress with a reason; report a missing reason, a disable that disables nothing, and an unknown rule', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'huurbrief.config.json'), JSON.stringify({ extends: [], rules: { 'plain-words': 'warn', 'disable-without-reason': 'info', 'unused-disable': 'info', 'inline-config': 'warn' } }));
    const letter = [
      'Beste mevrouw Jansen,',
      '',
      '<!-- huurbrief-disable plain-words -- letterlijk uit de huurovereenkomst -->',
      'Indien de huurder de huur niet betaalt, volgt een aanmaning.',
      '<!-- huurbrief-enable plain-words -->',
      '',
      '<!-- huurbrief-ignore plain-words -->',
      'Tevens sturen wij u een overzicht.',
      '',
      '<!-- huurbrief-disable plain-words -->',
      'Wij bellen u volgende week.',
      '<!-- huurbrief-enable plain-words -->',
      '',
      '<!-- huurbrief-disable plain-wordz -- tikfout -->',
      'Met vriendelijke groet,',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'brief.md'), letter);
    const r = runCli(['lint', 'brief.md', '--format', 'json'], { cwd: dir });
    const found = json(r.stdout)[0]!.messages.map((m) => `${m.line} ${m.ruleId} ${m.severity}`);
    // Lines 4 and 8 are suppressed (disable with a reason; ignore of the next block).
    expect(found.filter((f) => f.includes('plain-words'))).toEqual([]);
    expect(found).toContain('7 disable-without-reason info');
    expect(found).toContain('10 disable-without-reason info');
    expect(found).toContain('10 unused-disable info');
    expect(found).toContain('14 inline-config warning');
    expect(found.filter((f) => f.startsWith('3 ') || f.startsWith('7 unused'))).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('explain', () => {
  it('explains a rule in Dutch: why it matters, bad and good examples, options', () => {
    const r = runCli(['explain', 'sentence-length']);
    expect(r.code).toBe(0);
    for (const part of ['sentence-length — ', 'Categorie', 'Waarom dit belangrijk is voor huurders', 'Fout', 'Goed', 'Opties', 'warning (integer; standaard 20, in strict 15)', 'Instellen', 'huurbrief-disable sentence-length -- reden']) {
      expect(r.stdout).toContain(part);
    }
    expect(r.stdout).toMatch(/→ 1:1 fout: Deze zin heeft \d+ woorden/);
  });

  it('prints the generated doc with --format markdown', () => {
    const r = runCli(['explain', 'plain-words', '--format', 'markdown']);
    expect(r.stdout).toBe(readFileSync(join(repoRoot, 'docs', 'rules', 'plain-words.md'), 'utf8'));
  });

  it('suggests the nearest rule for a typo (exit 2)', () => {
    const r = runCli(['explain', 'sentense-length']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('huurbrief: onbekende regel "sentense-length" (bedoelt u "sentence-length"?); zie huurbrief rules voor alle regels\n');
  });
});

describe('rules', () => {
  it('lists every rule with category, severity, fix and presets', () => {
    const r = runCli(['rules']);
    expect(r.code).toBe(0);
    for (const rule of allRules) expect(r.stdout).toMatch(new RegExp(`^  ${rule.meta.id}\\s`, 'm'));
    expect(r.stdout).toMatch(/^ {2}plain-words\s+waarschuwing\s+ja\s+recommended, strict\s+Gewone woorden/m);
    expect(r.stdout).toContain(`${allRules.length} regels.`);
    const tone = r.stdout.split('tone (toon)\n')[1]!.split('\n\n')[0]!.split('\n').slice(1).map((l) => l.trim().split(/\s/)[0]!);
    expect(tone).toEqual([...tone].sort());
  });

  it('--format json for scripts, --category to filter', () => {
    const all = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { id: string; category: string; defaultSeverity: string; fixable: boolean; presets: string[]; url: string }[];
    // Sorted like the README's table: category order, then id.
    const order = ['readability', 'plain-language', 'no-phrasing', 'tone', 'structure', 'template', 'privacy', 'spelling'];
    expect(all.map((r) => r.id)).toEqual([...all].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.id.localeCompare(b.id)).map((r) => r.id));
    expect(all.map((r) => r.id).sort()).toEqual(allRules.map((r) => r.meta.id).sort());
    expect(all.find((r) => r.id === 'plain-words')).toMatchObject({ category: 'plain-language', defaultSeverity: 'warning', fixable: true, presets: ['recommended', 'strict'] });
    const tone = JSON.parse(runCli(['rules', '--format', 'json', '--category', 'structure']).stdout) as { category: string }[];
    expect(tone.length).toBeGreaterThan(0);
    expect(new Set(tone.map((r) => r.category))).toEqual(new Set(['structure']));
  });
});

describe('init', () => {
  it('writes a commented config without asking when not on a terminal; the config loads', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'brief.md'), LETTER);
    const r = runCli(['init'], { cwd: dir, input: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('huurbrief.config.json geschreven (huurbrief:recommended, niveau B1)');
    const text = readFileSync(join(dir, 'huurbrief.config.json'), 'utf8');
    expect(text).toContain('// De basisregels');
    expect(text).toContain('"extends": ["huurbrief:recommended"]');
    // No @huurbrief/core in this folder or above it: the published schema, never a path on this machine.
    expect(text).toContain('"$schema": "https://huurbrief.nl/config-schema.json"');
    const lint = runCli(['lint', 'brief.md', '--format', 'json'], { cwd: dir });
    expect(lint.stderr).toBe('');
    expect([0, 1]).toContain(lint.code);
    const printed = JSON.parse(runCli(['lint', '--print-config', 'brief.md'], { cwd: dir }).stdout) as { configFile: string; level: string };
    expect(printed).toMatchObject({ configFile: 'huurbrief.config.json', level: 'B1' });
  });

  it('points $schema at the @huurbrief/core installed in the repository, relative to the config', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'node_modules/@huurbrief/core'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/@huurbrief/core/config-schema.json'), '{}');
    mkdirSync(join(dir, 'brieven'));
    expect(runCli(['init'], { cwd: join(dir, 'brieven'), input: '' }).code).toBe(0);
    expect(readFileSync(join(dir, 'brieven/huurbrief.config.json'), 'utf8')).toContain('"$schema": "../node_modules/@huurbrief/core/config-schema.json"');
  });

  it('refuses to overwrite (exit 2) unless --force; flags choose preset and level', () => {
    const dir = tmp();
    expect(runCli(['init'], { cwd: dir, input: '' }).code).toBe(0);
    const again = runCli(['init'], { cwd: dir, input: '' });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('huurbrief: huurbrief.config.json bestaat al; gebruik --force om het te overschrijven\n');
    const forced = runCli(['init', '--force', '--preset', 'strict', '--level', 'A2'], { cwd: dir, input: '' });
    expect(forced.code).toBe(0);
    const text = readFileSync(join(dir, 'huurbrief.config.json'), 'utf8');
    expect(text).toContain('"extends": ["huurbrief:strict"]');
    expect(text).toContain('"level": "A2"');
  });

  it('refuses when a .huurbriefrc.json exists', () => {
    const dir = tmp();
    writeFileSync(join(dir, '.huurbriefrc.json'), '{}');
    expect(runCli(['init'], { cwd: dir, input: '' }).code).toBe(2);
    expect(existsSync(join(dir, 'huurbrief.config.json'))).toBe(false);
  });

  it('asks for preset and level on a terminal', async () => {
    const dir = tmp();
    const answers = ['3', '2', 'b2'];
    const asked: string[] = [];
    const said: string[] = [];
    const io: InitIo = { interactive: true, ask: async (q) => (asked.push(q), answers.shift() ?? ''), say: (t) => void said.push(t) };
    await initCommand(dir, {}, io);
    expect(asked).toHaveLength(3); // "3" is not a choice: asked again
    expect(said[0]).toBe('Kies 1 (recommended) of 2 (strict).\n');
    const text = readFileSync(join(dir, 'huurbrief.config.json'), 'utf8');
    expect(text).toContain('"extends": ["huurbrief:strict"]');
    expect(text).toContain('"level": "B2"');
  });

  it('asks through a real terminal (pty via script)', () => {
    const dir = tmp();
    const r = spawnSync('script', ['-qec', `${process.execPath} ${cliBin} init`, '/dev/null'], { cwd: dir, input: '2\nA2\n', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('Welke basisregels?');
    expect(r.stdout).toContain('Op welk taalniveau');
    const text = readFileSync(join(dir, 'huurbrief.config.json'), 'utf8');
    expect(text).toContain('"extends": ["huurbrief:strict"]');
    expect(text).toContain('"level": "A2"');
  });
});

describe('progress', () => {
  const many = () => {
    const dir = project();
    for (let i = 0; i < 55; i++) writeFileSync(join(dir, `brief-${String(i).padStart(2, '0')}.md`), `Beste heer Bakker,\n\nUw afspraak is op ${i % 28 + 1} maart.\n`);
    return dir;
  };

  it('prints nothing extra when stderr is not a terminal', () => {
    const r = runCli(['lint', '.'], { cwd: many() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('geen problemen in 55 brieven');
  });

  it('shows files done / total on a terminal for more than 50 files', () => {
    const r = spawnSync('script', ['-qec', `${process.execPath} ${cliBin} lint .`, '/dev/null'], { cwd: many(), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/huurbrief: \d+\/55 brieven gecontroleerd/);
    expect(r.stdout).toContain('\r\u001b[K');
  });
});
