// `huurbrief lint` with a baseline (.huurbrief/baseline.json), end to end on
// real letters from fixtures/letters: update, accepted findings, line moves,
// new findings, counts going down, pruning, deleted letters, broken files.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers.js';

const LETTERS = join(repoRoot, 'fixtures/letters');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A template repository: `.git`, the fixtures' config and letters under brieven/. */
function repo(names: string[] = ['huurverhoging.md', 'overlast.md', 'welkom.md']): string {
  const dir = mkdtempSync(join(tmpdir(), 'huurbrief-baseline-'));
  dirs.push(dir);
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'brieven'));
  copyFileSync(join(LETTERS, 'huurbrief.config.json'), join(dir, 'huurbrief.config.json'));
  for (const n of names) copyFileSync(join(LETTERS, n), join(dir, 'brieven', n));
  return dir;
}

interface JsonMessage {
  ruleId: string;
  severity: string;
  line: number;
  actual?: string;
  message: string;
  suppressions?: { kind: string; justification: string }[];
}
interface JsonReport {
  path: string;
  messages: JsonMessage[];
  suppressedMessages?: JsonMessage[];
}

const lint = (dir: string, ...args: string[]) => runCli(['lint', ...args], { cwd: dir });
const lintJson = (dir: string, ...args: string[]) => {
  const r = lint(dir, '--format', 'json', ...args);
  return { ...r, reports: JSON.parse(r.stdout) as JsonReport[] };
};
const baselineFile = (dir: string) => join(dir, '.huurbrief', 'baseline.json');
const readBaseline = (dir: string) => JSON.parse(readFileSync(baselineFile(dir), 'utf8')) as { version: number; letters: Record<string, Record<string, number>> };
const counted = (ms: JsonMessage[]) => ms.filter((m) => m.severity !== 'info');
/** Counts per rule of the counted (error, warning) findings. */
function perRule(ms: JsonMessage[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of counted(ms)) out[m.ruleId] = (out[m.ruleId] ?? 0) + 1;
  return out;
}

/** Inserts paragraphs after the first paragraph of the body (after the "Geachte ..." line). */
function insertParagraphs(path: string, paragraphs: string[]): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const greeting = lines.findIndex((l) => /^(Geachte|Beste)\b/.test(l));
  const first = lines.findIndex((l, i) => i > greeting + 1 && l.trim() !== '');
  lines.splice(first + 1, 0, '', ...paragraphs.flatMap((p, i) => (i ? ['', p] : [p])));
  writeFileSync(path, lines.join('\n'));
}

describe('--baseline-update', () => {
  it('writes per letter and rule the counts of today\'s errors and warnings, sorted, with a final newline', () => {
    const dir = repo();
    const before = lintJson(dir);
    expect(before.code).toBe(1);
    const r = lint(dir, '--baseline-update');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^huurbrief: baseline \.huurbrief\/baseline\.json bijgewerkt: \d+ bevindingen in 2 brieven geaccepteerd \(nieuw bestand\)\n$/);
    const text = readFileSync(baselineFile(dir), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const data = readBaseline(dir);
    expect(data.version).toBe(1);
    // welkom.md has no errors or warnings: it is not in the baseline.
    const expected = Object.fromEntries(before.reports.filter((x) => counted(x.messages).length).map((x) => [x.path, perRule(x.messages)]));
    expect(Object.keys(expected)).toEqual(['brieven/huurverhoging.md', 'brieven/overlast.md']);
    expect(data.letters).toEqual(expected);
    expect(Object.keys(data.letters)).toEqual(Object.keys(data.letters).sort());
    for (const entry of Object.values(data.letters)) expect(Object.keys(entry)).toEqual(Object.keys(entry).sort());
    // No temporary file left behind; a second update writes the same bytes and says so.
    expect(readdirSync(join(dir, '.huurbrief'))).toEqual(['baseline.json']);
    const again = lint(dir, '--baseline-update');
    expect(again.stderr).toContain('is ongewijzigd');
    expect(readFileSync(baselineFile(dir), 'utf8')).toBe(text);
  });

  it('later runs accept those findings: exit 0, the summary says how many, json and sarif mark them', () => {
    const dir = repo();
    const all = lintJson(dir);
    lint(dir, '--baseline-update');
    const total = all.reports.reduce((n, x) => n + counted(x.messages).length, 0);

    const stylish = lint(dir);
    expect(stylish.code, stylish.stdout).toBe(0);
    expect(stylish.stdout).toContain(`niet meegeteld: ${total} bevindingen geaccepteerd in de baseline`);
    expect(stylish.stdout).toMatch(/brieven\/overlast\.md\n(?:.*\n)*?  \d+ bevindingen geaccepteerd in de baseline\n/);
    expect(stylish.stderr).toBe('');
    // Only info findings (meldingen) are left, and they are not in the baseline.
    expect(stylish.stdout).toMatch(/✖ \d+ problemen \(0 fouten, 0 waarschuwingen, \d+ meldingen\)/);

    const json = lintJson(dir);
    for (const x of json.reports) {
      const original = all.reports.find((o) => o.path === x.path)!;
      expect(x.messages).toEqual(original.messages.filter((m) => m.severity === 'info'));
      const accepted = x.suppressedMessages ?? [];
      expect(accepted.map(({ suppressions, ...m }) => m)).toEqual(counted(original.messages));
      for (const m of accepted) expect(m.suppressions).toEqual([{ kind: 'baseline', justification: 'geaccepteerd in de baseline .huurbrief/baseline.json' }]);
    }
    expect(json.reports.find((x) => x.path === 'brieven/welkom.md')).not.toHaveProperty('suppressedMessages');

    const sarif = JSON.parse(lint(dir, '--format', 'sarif').stdout) as { runs: { results: { ruleId: string; level: string; suppressions?: { kind: string; status: string }[] }[] }[] };
    const results = sarif.runs[0]!.results;
    expect(results.filter((x) => x.suppressions).length).toBe(total);
    expect(results.filter((x) => x.suppressions).every((x) => x.suppressions![0]!.kind === 'external' && x.suppressions![0]!.status === 'accepted')).toBe(true);
    expect(results.filter((x) => !x.suppressions).every((x) => x.level === 'note')).toBe(true);
    // A finding keeps its fingerprint whether the baseline accepts it or not (code scanning sees the same alert).
    type Fp = { partialFingerprints: Record<string, string> };
    const prints = (args: string[]) => (JSON.parse(lint(dir, '--format', 'sarif', ...args).stdout) as { runs: { results: Fp[] }[] }).runs[0]!.results.map((x) => x.partialFingerprints['huurbrief/v1']).sort();
    expect(prints([])).toEqual(prints(['--no-baseline']));
  });

  it('streamed output (stdout a pipe) and --output-file say the same', () => {
    const dir = repo();
    lint(dir, '--baseline-update');
    for (const format of ['stylish', 'json']) {
      const streamed = lint(dir, '--format', format);
      const out = join(dir, `out.${format}`);
      const written = lint(dir, '--format', format, '--output-file', out);
      expect(written.code).toBe(streamed.code);
      expect(readFileSync(out, 'utf8')).toBe(streamed.stdout);
    }
  });

  it('--baseline-rule updates only that rule; an unknown rule is a usage error', () => {
    const dir = repo(['huurverhoging.md']);
    const r = lint(dir, '--baseline-update', '--baseline-rule', 'plain-words');
    expect(r.code).toBe(1); // the other errors still count
    const all = perRule(lintJson(dir, '--no-baseline').reports[0]!.messages);
    expect(readBaseline(dir).letters).toEqual({ 'brieven/huurverhoging.md': { 'plain-words': all['plain-words']! } });
    const bad = lint(dir, '--baseline-update', '--baseline-rule', 'plain-word');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('huurbrief: --baseline-rule: onbekende regel "plain-word" (bedoelt u "plain-words"?)\n');
    expect(lint(dir, '--baseline-rule', 'plain-words').stderr).toContain('--baseline-rule werkt alleen samen met --baseline-update');
  });

  it('refuses --stdin and --fix-dry-run, and --no-baseline with a baseline flag', () => {
    const dir = repo(['overlast.md']);
    const stdin = runCli(['lint', '--baseline-update', '--stdin', '--stdin-filename', 'brieven/x.md'], { cwd: dir, input: 'Beste meneer,\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('--baseline-update werkt niet met --stdin');
    expect(lint(dir, '--baseline-prune', '--fix-dry-run').stderr).toContain('--baseline-prune werkt niet met --fix-dry-run');
    expect(lint(dir, '--baseline-update', '--no-baseline').code).toBe(2);
    expect(existsSync(baselineFile(dir))).toBe(false);
  });
});

describe('a letter that changes', () => {
  it('paragraphs inserted above the findings move their lines, not the outcome', () => {
    const dir = repo(['overlast.md']);
    lint(dir, '--baseline-update');
    const before = lintJson(dir).reports[0]!;
    insertParagraphs(join(dir, 'brieven/overlast.md'), ['Wij schrijven u over de klachten van uw buren.', 'Wij willen graag met u praten.']);
    const after = lintJson(dir);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toBe('');
    const r = after.reports[0]!;
    expect(counted(r.messages)).toEqual([]);
    const key = (m: JsonMessage) => `${m.ruleId}|${m.actual ?? ''}`;
    expect(r.suppressedMessages!.map(key)).toEqual(before.suppressedMessages!.map(key));
    // The lines did move.
    expect(r.suppressedMessages!.at(-1)!.line).toBe(before.suppressedMessages!.at(-1)!.line + 4);
  });

  it('a new finding beyond the count is reported and fails the run; the baseline does not grow', () => {
    const dir = repo(['overlast.md']);
    lint(dir, '--baseline-update');
    const text = readFileSync(baselineFile(dir), 'utf8');
    // One more threat (an error) at the end of the body.
    const path = join(dir, 'brieven/overlast.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Hoogachtend,', 'Bij herhaling volgt een boete.\n\nHoogachtend,'));
    const r = lintJson(dir);
    expect(r.code).toBe(1);
    const report = r.reports[0]!;
    expect(counted(report.messages).map((m) => [m.ruleId, m.actual])).toEqual([['threatening', 'boete']]);
    expect(report.suppressedMessages!.filter((m) => m.ruleId === 'threatening').length).toBe(readBaseline(dir).letters['brieven/overlast.md']!['threatening']);
    const stylish = lint(dir);
    expect(stylish.stdout).toMatch(/✖ \d+ problemen? \(1 fout, 0 waarschuwingen, \d+ melding(en)?\)/);
    // Neither a run nor --baseline-prune adds it: only --baseline-update does.
    expect(readFileSync(baselineFile(dir), 'utf8')).toBe(text);
    expect(lint(dir, '--baseline-prune').code).toBe(1);
    expect(readFileSync(baselineFile(dir), 'utf8')).toBe(text);
    expect(lint(dir, '--baseline-update').code).toBe(0);
    expect(readBaseline(dir).letters['brieven/overlast.md']!['threatening']).toBe(JSON.parse(text).letters['brieven/overlast.md'].threatening + 1);
  });

  it('counts going down: a note names the letter and rule; --baseline-prune lowers the count', () => {
    const dir = repo(['huurverhoging.md', 'overlast.md']);
    lint(dir, '--baseline-update');
    const before = readBaseline(dir);
    const path = join(dir, 'brieven/huurverhoging.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Tevens ', 'Ook ').replace('Hoogachtend,', 'Met vriendelijke groet,'));
    const r = lint(dir);
    expect(r.code).toBe(0);
    const pw = before.letters['brieven/huurverhoging.md']!['plain-words']!;
    const sp = before.letters['brieven/huurverhoging.md']!['stock-phrases']!;
    expect(r.stderr).toBe(
      [
        'huurbrief: opmerking: de baseline .huurbrief/baseline.json accepteert meer dan nodig is (1 brief):',
        `  brieven/huurverhoging.md: plain-words ${pw} → ${pw - 1}, stock-phrases ${sp} → ${sp - 1}`,
        '  Maak de baseline strakker met: huurbrief lint --baseline-prune',
        '',
      ].join('\n'),
    );
    // Never tightened silently.
    expect(readBaseline(dir)).toEqual(before);

    const pruned = lint(dir, '--baseline-prune');
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toMatch(/^huurbrief: baseline \.huurbrief\/baseline\.json strakker gemaakt: \d+ bevindingen in 2 brieven geaccepteerd \(was \d+ bevindingen in 2 brieven\)\n$/);
    const after = readBaseline(dir);
    expect(after.letters['brieven/huurverhoging.md']).toEqual({ ...before.letters['brieven/huurverhoging.md'], 'plain-words': pw - 1, 'stock-phrases': sp - 1 });
    expect(after.letters['brieven/overlast.md']).toEqual(before.letters['brieven/overlast.md']);
    expect(lint(dir).stderr).toBe('');
    // Going back up is a new finding again. The count says one is new, not which: the last one
    // in the letter is shown, and stylish output says that it may be another one.
    writeFileSync(path, readFileSync(path, 'utf8').replace('Ook ', 'Tevens '));
    const up = lintJson(dir).reports[0]!;
    const all = [...up.messages, ...(up.suppressedMessages ?? [])].filter((m) => m.ruleId === 'plain-words');
    expect(counted(up.messages).map((m) => m.ruleId)).toEqual(['plain-words']);
    expect(counted(up.messages)[0]!.line).toBe(Math.max(...all.map((m) => m.line)));
    const stylish = lint(dir);
    expect(stylish.code).toBe(0); // a warning: no failure, but shown
    expect(stylish.stdout).toContain(`  plain-words: ${pw - 1} van de ${pw} bevindingen geaccepteerd in de baseline; welke nieuw is, kan huurbrief niet zien\n`);
  });

  it('a rule switched off with --rule is not "no longer needed", and prune leaves it alone', () => {
    const dir = repo(['huurverhoging.md']);
    lint(dir, '--baseline-update');
    const before = readFileSync(baselineFile(dir), 'utf8');
    const r = lint(dir, '--rule', 'plain-words: off', '--baseline-prune');
    expect(r.stderr).toContain('is ongewijzigd');
    expect(readFileSync(baselineFile(dir), 'utf8')).toBe(before);
  });

  it('a deleted letter: a note, and prune removes its entry', () => {
    const dir = repo(['huurverhoging.md', 'overlast.md']);
    lint(dir, '--baseline-update');
    rmSync(join(dir, 'brieven/overlast.md'));
    const r = lint(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('  brieven/overlast.md: de brief bestaat niet meer\n');
    expect(Object.keys(readBaseline(dir).letters)).toEqual(['brieven/huurverhoging.md', 'brieven/overlast.md']);
    // Pruning with only one other letter named still removes the deleted one.
    expect(lint(dir, 'brieven/huurverhoging.md', '--baseline-prune').code).toBe(0);
    expect(Object.keys(readBaseline(dir).letters)).toEqual(['brieven/huurverhoging.md']);
  });
});

describe('where the baseline is', () => {
  it('is found from a letter\'s folder upwards, also when huurbrief runs in a subfolder', () => {
    const dir = repo(['overlast.md']);
    lint(dir, '--baseline-update');
    const r = runCli(['lint', 'overlast.md'], { cwd: join(dir, 'brieven') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('geaccepteerd in de baseline');
    // Updating from the subfolder writes the same file, with paths from the root.
    runCli(['lint', '--baseline-update', 'overlast.md'], { cwd: join(dir, 'brieven') });
    expect(Object.keys(readBaseline(dir).letters)).toEqual(['brieven/overlast.md']);
  });

  it('--baseline <file>: paths relative to its folder (or to the folder holding .huurbrief/); --no-baseline', () => {
    const dir = repo(['overlast.md']);
    expect(lint(dir, '--baseline-update', '--baseline', 'huurbrief-baseline.json').code).toBe(0);
    expect(existsSync(baselineFile(dir))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'huurbrief-baseline.json'), 'utf8')).letters)).toEqual(['brieven/overlast.md']);
    expect(lint(dir, '--baseline', 'huurbrief-baseline.json').code).toBe(0);
    // Not found by itself, and --no-baseline shows everything.
    expect(lint(dir).code).toBe(1);
    expect(lint(dir, '--baseline', 'huurbrief-baseline.json', '--no-baseline').code).toBe(1);
    // A baseline in a folder beside the letters cannot hold them: said, not silently skipped.
    const outside = lint(dir, '--baseline-update', '--baseline', 'ci/baseline.json');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('huurbrief: brieven/overlast.md: ligt buiten de map van de baseline ci/baseline.json (ci); niet opgenomen\n');
  });
});

describe('a bad baseline file', () => {
  const cases: [string, string, RegExp][] = [
    ['broken JSON', '{\n  "version": 1,\n  "letters": {\n    "brieven/overlast.md": { "threatening": 4, }\n  }\n}\n', /^huurbrief: fout in baseline: \.huurbrief\/baseline\.json: regel 4, kolom \d+: geen geldige JSON \(.+\)\n$/],
    ['an unknown rule', '{\n  "version": 1,\n  "letters": {\n    "brieven/overlast.md": {\n      "threatning": 4\n    }\n  }\n}\n', /^huurbrief: fout in baseline: \.huurbrief\/baseline\.json: regel 5, letters › brieven\/overlast\.md › threatning: onbekende regel "threatning" \(bedoelt u "threatening"\?\)\n$/],
    ['a wrong shape', '{ "version": 1, "letters": { "brieven/overlast.md": 4 } }\n', /^huurbrief: fout in baseline: \.huurbrief\/baseline\.json: regel 1, letters › brieven\/overlast\.md: verwacht een object met per regel een aantal/],
  ];
  it.each(cases)('%s: exit 2, one line with file, place and reason; no letter output', (_name, text, message) => {
    const dir = repo(['overlast.md']);
    mkdirSync(join(dir, '.huurbrief'));
    writeFileSync(baselineFile(dir), text);
    const r = lint(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    // --baseline-update does not overwrite a file it cannot read.
    expect(lint(dir, '--baseline-update').code).toBe(2);
    expect(readFileSync(baselineFile(dir), 'utf8')).toBe(text);
    // --no-baseline still lints.
    expect(lint(dir, '--no-baseline').code).toBe(1);
  });

  it('a --baseline file that does not exist is an error before anything is linted', () => {
    const dir = repo(['overlast.md']);
    const r = lint(dir, '--baseline', 'geen.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('huurbrief: fout in baseline: geen.json: bestand bestaat niet\n');
    expect(r.stdout).toBe('');
  });
});
