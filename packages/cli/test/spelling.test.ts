// `huurbrief spelling --unknown` and the spelling rule through the built CLI.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'huurbrief-spelling-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const letter = (body: string) => `---\nonderwerp: Onderhoud\n---\nBeste mevrouw Jansen,\n\n${body}\n\nMet vriendelijke groet,\n\nKarin de Vries\nWoonconsulent, 010-2345678\n`;

function setup(name: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'brieven'), { recursive: true });
  writeFileSync(join(root, 'huurbrief.config.json'), `{\n  "extends": ["huurbrief:recommended"],\n  "woorden": { "negeren": ["Woonpas"] }\n}\n`);
  writeFileSync(join(root, 'brieven', 'a.md'), letter('Met de woonpasje en de woonlinq regelt u het. De woonlinq is gratis. Uw huurrachterstand is betaald.'));
  writeFileSync(join(root, 'brieven', 'b.md'), letter('Download de woonlinq in uw winkel. Mevrouw Feenstra helpt u graag met de woonpasje.'));
  writeFileSync(join(root, 'brieven', 'c.md'), letter('Op 3 maart komt de monteur uw cv-ketel nakijken.'));
  return root;
}

describe('huurbrief spelling --unknown', () => {
  it('lists the unknown words of a set of letters with counts, most frequent first', () => {
    const root = setup('lijst');
    const r = runCli(['spelling', '--unknown', 'brieven'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      ['woonlinq          3×  2 brieven', 'woonpasje         2×  2 brieven', 'huurrachterstand  1×  brieven/a.md', '', '3 onbekende woorden (6× in totaal) in 3 brieven', ''].join('\n'),
    );
  });

  it('json: words, counts and letters', () => {
    const root = setup('json');
    const r = runCli(['spelling', '--unknown', '--format', 'json', 'brieven'], { cwd: root });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { word: 'woonlinq', count: 3, letters: ['brieven/a.md', 'brieven/b.md'] },
      { word: 'woonpasje', count: 2, letters: ['brieven/a.md', 'brieven/b.md'] },
      { word: 'huurrachterstand', count: 1, letters: ['brieven/a.md'] },
    ]);
  });

  it('config: a block for huurbrief.config.json; --min-count leaves out the rare ones (such as a typo)', () => {
    const root = setup('config');
    const r = runCli(['spelling', '--unknown', '--format', 'config', '--min-count', '2', 'brieven'], { cwd: root });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ woorden: { negeren: ['woonlinq', 'woonpasje'] } });
  });

  it('--add-to-config writes the words into woorden.negeren, after which lint reports only the typo', () => {
    const root = setup('toevoegen');
    const before = runCli(['lint', '--format', 'json', 'brieven'], { cwd: root });
    const spellingIn = (out: string) => (JSON.parse(out) as { messages: { ruleId: string; actual?: string }[] }[]).flatMap((f) => f.messages.filter((m) => m.ruleId === 'spelling').map((m) => m.actual));
    expect(spellingIn(before.stdout)).toEqual(['woonpasje', 'woonlinq', 'woonlinq', 'huurrachterstand', 'woonlinq', 'woonpasje']);

    const r = runCli(['spelling', '--unknown', '--min-count', '2', '--add-to-config', 'huurbrief.config.json', 'brieven'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('huurbrief: 2 woorden toegevoegd aan woorden.negeren in huurbrief.config.json\n');
    const config = JSON.parse(readFileSync(join(root, 'huurbrief.config.json'), 'utf8'));
    expect(config).toEqual({ extends: ['huurbrief:recommended'], woorden: { negeren: ['Woonpas', 'woonlinq', 'woonpasje'] } });

    const after = runCli(['lint', '--format', 'json', 'brieven'], { cwd: root });
    expect(spellingIn(after.stdout)).toEqual(['huurrachterstand']);
    // A second run adds nothing twice.
    const again = runCli(['spelling', '--unknown', '--min-count', '2', '--add-to-config', 'huurbrief.config.json', 'brieven'], { cwd: root });
    expect(again.stderr).toBe('huurbrief: 0 woorden toegevoegd aan woorden.negeren in huurbrief.config.json\n');
  });

  it('refuses a config with comments, a missing config and a call without --unknown (exit 2, one line each)', () => {
    const root = setup('fouten');
    writeFileSync(join(root, 'met-commentaar.json'), '{\n  // onze huisstijl\n  "woorden": {}\n}\n');
    const comments = runCli(['spelling', '--unknown', '--add-to-config', 'met-commentaar.json', 'brieven'], { cwd: root });
    expect([comments.code, comments.stderr]).toEqual([2, 'huurbrief: met-commentaar.json: is geen gewone JSON (commentaar of een fout): huurbrief schrijft er niet in; zet de woorden er zelf in (--format config)\n']);
    expect(readFileSync(join(root, 'met-commentaar.json'), 'utf8')).toBe('{\n  // onze huisstijl\n  "woorden": {}\n}\n');
    const missing = runCli(['spelling', '--unknown', '--add-to-config', 'bestaat-niet.json', 'brieven'], { cwd: root });
    expect([missing.code, missing.stderr]).toEqual([2, 'huurbrief: bestaat-niet.json: bestaat niet; maak eerst een configuratie met huurbrief init\n']);
    const bare = runCli(['spelling', 'brieven'], { cwd: root });
    expect([bare.code, bare.stderr]).toEqual([2, 'huurbrief: spelling: geef --unknown om de onbekende woorden te tonen (de spellingcontrole zelf draait in huurbrief lint)\n']);
  });

  it('no unknown word in the fixture letters', () => {
    const r = runCli(['spelling', '--unknown', 'fixtures']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^Geen onbekende woorden in \d+ brieven\.\n$/);
  });
});

describe('the spelling rule in huurbrief lint', () => {
  it('--fix corrects a typo with one close suggestion and leaves a d/t doubt and a fix that would bring a new finding', () => {
    const root = join(dir, 'fix');
    mkdirSync(root, { recursive: true });
    const file = join(root, 'brief.md');
    // "geïnformeerd" is a long word that long-words reports: that fix would add a finding, so the fix loop keeps it out.
    writeFileSync(file, letter('Wij maken graag een betalingregeling met u. Het is gisteren gebeurdt. Wij hebben u eerder geinformeerd.'));
    const r = runCli(['lint', '--fix', 'brief.md'], { cwd: root });
    expect(r.stdout).toContain('Onbekend woord "gebeurdt": bedoelt u "gebeurd", "gebeurt" of "gebeurde"?');
    expect(r.stdout).toContain('Onbekend woord "geinformeerd": bedoelt u "geïnformeerd"?');
    expect(readFileSync(file, 'utf8')).toBe(letter('Wij maken graag een betalingsregeling met u. Het is gisteren gebeurdt. Wij hebben u eerder geinformeerd.'));
  });

  it('--rule spelling: off turns it off (and the word lists are not needed)', () => {
    const r = runCli(['lint', '--stdin', '--format', 'json', '--rule', 'spelling: off'], { input: letter('Uw huurrachterstand.') });
    expect((JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages.map((m) => m.ruleId)).not.toContain('spelling');
  });
});
