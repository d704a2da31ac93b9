import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers.js';

const tmp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
};

describe('huurbrief lint --format json: the contract CI scripts rely on', () => {
  const run = runCli(['lint', 'fixtures/letters', '--format', 'json']);
  const parsed = JSON.parse(run.stdout) as Array<Record<string, unknown>>;

  it('prints exactly one JSON array, one entry per file, sorted by relative path', () => {
    expect(Array.isArray(parsed)).toBe(true);
    const paths = parsed.map((r) => r['path'] as string);
    expect(paths.length).toBeGreaterThanOrEqual(8);
    expect(paths).toEqual([...paths].sort());
    for (const p of paths) expect(p).toMatch(/^fixtures\/letters\/[a-z-]+\.md$/);
  });

  it('gives every message the documented fields, sorted by place', () => {
    const severities = new Set(['error', 'warning', 'info']);
    const categories = new Set(['readability', 'plain-language', 'no-phrasing', 'tone', 'structure', 'template', 'privacy', 'spelling']);
    let count = 0;
    for (const file of parsed) {
      expect(Object.keys(file).sort()).toEqual(['language', 'messages', 'metrics', 'path']);
      expect(file['language']).toBe('nl');
      const metrics = file['metrics'] as Record<string, unknown>;
      for (const k of ['words', 'sentences', 'syllables']) expect(typeof metrics[k]).toBe('number');
      const messages = file['messages'] as Array<Record<string, unknown>>;
      let last = [0, 0];
      for (const m of messages) {
        count++;
        expect(typeof m['ruleId']).toBe('string');
        expect(m['ruleId']).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(categories.has(m['category'] as string)).toBe(true);
        expect(severities.has(m['severity'] as string)).toBe(true);
        for (const k of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(m[k])).toBe(true);
        expect(typeof m['message']).toBe('string');
        if ('expected' in m) expect(Array.isArray(m['expected'])).toBe(true);
        const here = [m['line'] as number, m['column'] as number];
        expect(here[0]! > last[0]! || (here[0] === last[0] && here[1]! >= last[1]!)).toBe(true);
        last = here;
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it('exits 1 when errors were found, with nothing on stderr', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });
});

describe('stylish output and exit codes', () => {
  it('shows file, place, Dutch severity, message and rule id', () => {
    const r = runCli(['lint', 'fixtures/letters/huurverhoging.md']);
    expect(r.stdout).toMatch(/^fixtures\/letters\/huurverhoging\.md$/m);
    expect(r.stdout).toMatch(/^\s+12:1\s+waarschuwing\s+Schrijf "Als" in plaats van "Indien"\.\s+plain-words$/m);
    expect(r.stdout).toMatch(/✖ \d+ problemen \(\d+ fouten?, \d+ waarschuwingen?, \d+ meldingen?\) in 1 brief/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('colours only when asked or on a TTY, and honours NO_COLOR', () => {
    const forced = runCli(['lint', 'fixtures/letters/huurverhoging.md'], { env: { ...process.env, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[31m/);
    const off = runCli(['lint', 'fixtures/letters/huurverhoging.md'], { env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });

  it('--quiet shows errors only', () => {
    const r = runCli(['lint', 'fixtures/letters/huurverhoging.md', '--quiet', '--format', 'json']);
    const [file] = JSON.parse(r.stdout) as Array<{ messages: Array<{ severity: string }> }>;
    expect(file!.messages.length).toBeGreaterThan(0);
    expect(file!.messages.every((m) => m.severity === 'error')).toBe(true);
  });

  it('--quiet in stylish output shows only letters with errors, and nothing without errors', () => {
    const r = runCli(['lint', 'fixtures/letters', '--quiet']);
    expect(r.stdout).toMatch(/^fixtures\/letters\/huurverhoging\.md$/m);
    expect(r.stdout).not.toMatch(/welkom\.md/);
    expect(r.stdout).not.toMatch(/\d+:\d+ +(waarschuwing|melding) /);
    const clean = runCli(['lint', 'fixtures/letters/welkom.md', '--quiet']);
    expect([clean.code, clean.stdout, clean.stderr]).toEqual([0, '', '']);
  });

  it('exits 0 for a clean letter and lints stdin', () => {
    const text = '# Uw afspraak\n\nBeste mevrouw Jansen,\n\nDe monteur komt dinsdag om 9.00 uur.\n\nMet vriendelijke groet,\n\nSanne de Vries\n';
    const ok = runCli(['lint', '--stdin', '--stdin-filename', 'brieven/afspraak.md', '--format', 'json', '--config', 'packages/cli/test/only-plain-words.json'], { input: text });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject([{ path: 'brieven/afspraak.md', messages: [] }]);
  });
});

describe('bad input: a clear line naming the path, exit 2, the other files still linted', () => {
  const dir = tmp('huurbrief-bad-');
  copyFileSync('fixtures/letters/huurverhoging.md', join(dir, 'goed.md'));
  writeFileSync(join(dir, 'leeg.md'), '');
  writeFileSync(join(dir, 'binair.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('Beste mevrouw Jansen,\n\nWij hebben uw brief ontvangen '), Buffer.from([0xe9]), Buffer.from('n beantwoord.\n')]));
  writeFileSync(join(dir, 'groot.md'), `# Groot\n\n${'Dit is een zin in een veel te grote brief. '.repeat(125_000)}`);
  writeFileSync(join(dir, 'kapotte-yaml.md'), '---\nonderwerp: [Onderhoud\n---\n\nBeste mevrouw Jansen,\n\nDe monteur komt dinsdag.\n');

  const r = runCli(['lint', dir, join(dir, 'bestaat-niet.md'), '--format', 'json']);
  const lines = r.stderr.trim().split('\n');

  it('reports each problem on one line with the path and the reason', () => {
    expect(r.code).toBe(2);
    const find = (name: string) => lines.find((l) => l.includes(name)) ?? '';
    expect(find('leeg.md')).toMatch(/^huurbrief: .*leeg\.md: bestand is leeg$/);
    expect(find('binair.md')).toMatch(/binair bestand/);
    expect(find('latin1.md')).toMatch(/geen geldige UTF-8 \(ongeldige byte 0xe9 op regel 3, byte \d+\)/);
    expect(find('groot.md')).toMatch(/bestand is te groot \(5,\d MB; maximaal 4 MB/);
    expect(find('bestaat-niet.md')).toMatch(/bestand of map bestaat niet/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('still lints and reports the other files; broken front matter is a finding with a place', () => {
    const parsed = JSON.parse(r.stdout) as Array<{ path: string; messages: Array<{ ruleId: string; line: number }> }>;
    expect(parsed.map((p) => p.path.split('/').pop())).toEqual(['goed.md', 'kapotte-yaml.md']);
    const fm = parsed[1]!.messages.find((m) => m.ruleId === 'front-matter');
    expect(fm?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports an unreadable directory and goes on', () => {
    const base = tmp('huurbrief-perm-');
    mkdirSync(join(base, 'geheim'));
    writeFileSync(join(base, 'geheim/brief.md'), 'Beste mevrouw Jansen,\n');
    copyFileSync('fixtures/letters/welkom.md', join(base, 'welkom.md'));
    chmodSync(join(base, 'geheim'), 0o000);
    // root reads everything: where we are root, run as an unprivileged user. That user may
    // not be able to enter the checkout (a clone in a private folder), so it runs a copy of
    // the self-contained CLI bundle from a world-readable folder.
    let out;
    if (process.getuid?.() === 0) {
      const bin = tmp('huurbrief-bin-');
      cpSync(join(repoRoot, 'packages/cli/dist/bundle'), bin, { recursive: true });
      writeFileSync(join(bin, 'run.mjs'), "import { loadBundle } from './load.js';\nconst { main } = loadBundle('cli', { check: false }).exports;\nprocess.exitCode = await main(process.argv.slice(2));\n");
      const r = spawnSync(process.execPath, [join(bin, 'run.mjs'), 'lint', base, '--format', 'json', '--no-config-lookup'], {
        cwd: base,
        encoding: 'utf8',
        uid: 65534,
        gid: 65534,
        env: { ...process.env, NO_COLOR: '1' },
      });
      out = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    } else {
      out = runCli(['lint', base, '--format', 'json', '--no-config-lookup'], { cwd: base });
    }
    chmodSync(join(base, 'geheim'), 0o755);
    expect(out.stderr).toMatch(/^huurbrief: geheim: map is niet leesbaar \(geen rechten\)$/m);
    expect(out.code).toBe(2);
    expect((JSON.parse(out.stdout) as Array<{ path: string }>).map((p) => p.path)).toEqual(['welkom.md']);
  });
});

describe('usage and config problems', () => {
  it('an unknown flag is one line and exit 2', () => {
    const r = runCli(['lint', '--formaat', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/onbekende optie --formaat/);
  });

  it('a config with an unknown rule names the file and key, exit 2', () => {
    const dir = tmp('huurbrief-cfg-');
    writeFileSync(join(dir, 'huurbrief.config.json'), JSON.stringify({ rules: { 'plain-word': 'warn' } }));
    copyFileSync('fixtures/letters/welkom.md', join(dir, 'welkom.md'));
    const r = runCli(['lint', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'huurbrief.config.json')}: rules.plain-word: onbekende regel "plain-word" (bedoelt u "plain-words"?)`);
  });

  it('honours .huurbriefignore and skips node_modules', () => {
    const dir = tmp('huurbrief-ign-');
    mkdirSync(join(dir, 'concepten'));
    mkdirSync(join(dir, 'node_modules/pakket'), { recursive: true });
    for (const p of ['welkom.md', 'concepten/oud.md', 'node_modules/pakket/readme.md']) copyFileSync('fixtures/letters/welkom.md', join(dir, p));
    writeFileSync(join(dir, '.huurbriefignore'), 'concepten/\n');
    const r = runCli(['lint', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as Array<{ path: string }>).map((p) => p.path)).toEqual(['welkom.md']);
  });

  it('applies the nearest .huurbriefignore above the working folder, relative to its own folder', () => {
    const dir = tmp('huurbrief-ign-up-');
    mkdirSync(join(dir, 'brieven/concepten'), { recursive: true });
    for (const p of ['brieven/welkom.md', 'brieven/concepten/oud.md', 'brieven/concept-brief.md']) copyFileSync('fixtures/letters/welkom.md', join(dir, p));
    writeFileSync(join(dir, '.huurbriefignore'), '# concepten nog niet controleren\nbrieven/concepten/\nconcept-*.md\n');
    const r = runCli(['lint', '--format', 'json'], { cwd: join(dir, 'brieven') });
    expect((JSON.parse(r.stdout) as Array<{ path: string }>).map((p) => p.path)).toEqual(['welkom.md']);
  });
});
