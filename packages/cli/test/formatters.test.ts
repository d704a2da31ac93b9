// Every output format against golden files on the fixture letters, the SARIF
// log against the official 2.1.0 schema, and the escaping each format needs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRules, type LintMessage } from '@huurbrief/core';
import { formatters } from '../src/formatters/index.js';
import { sarifLog } from '../src/formatters/sarif.js';
import { github } from '../src/formatters/github.js';
import { checkstyle } from '../src/formatters/checkstyle.js';
import { junit } from '../src/formatters/junit.js';
import { json } from '../src/formatters/json.js';
import type { FileReport } from '../src/formatters/types.js';
import { runLint } from '../src/lint/run.js';
import { expectGolden } from './golden.js';
import { exceedsAnnotations, githubSummary } from '../src/formatters/github.js';
import { fingerprints } from '../src/formatters/fingerprint.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const ctx = { color: false, cwd: repoRoot };

let reports: FileReport[] = [];
beforeAll(async () => {
  // No config lookup: the golden files show the recommended preset.
  const run = await runLint({ paths: ['fixtures/letters'], cwd: repoRoot, noConfig: true });
  expect(run.problems).toEqual([]);
  reports = run.reports;
});

describe('every format on the fixture letters (golden files)', () => {
  for (const name of Object.keys(formatters)) {
    it(`${name}`, () => {
      expectGolden(`letters.${name}.txt`, formatters[name]!(reports, ctx));
    });
  }

  it('offers exactly the documented formats', () => {
    expect(Object.keys(formatters).sort()).toEqual(['checkstyle', 'github', 'gitlab', 'json', 'junit', 'sarif', 'stylish']);
  });

  it('github: the step summary table (golden), and errors before warnings in the annotations', () => {
    expectGolden('letters.github-summary.md', githubSummary(reports));
    expect(exceedsAnnotations(reports)).toBe(true);
    const kinds = formatters['github']!(reports, ctx).split('\n').filter(Boolean).map((l) => l.slice(2, l.indexOf(' ')));
    expect(kinds.indexOf('warning')).toBeGreaterThan(kinds.lastIndexOf('error'));
    expect(kinds.indexOf('notice')).toBeGreaterThan(kinds.lastIndexOf('warning'));
  });

  it('fingerprints stay the same when a paragraph is added above a finding', () => {
    const r = reports.find((x) => x.messages.length > 3)!;
    const moved = { ...r, messages: r.messages.map((m) => ({ ...m, line: m.line + 2, endLine: m.endLine + 2 })) };
    expect(fingerprints(moved)).toEqual(fingerprints(r));
    expect(new Set(fingerprints(r)).size).toBe(r.messages.length);
    const gitlabIssues = JSON.parse(formatters['gitlab']!(reports, ctx)) as { fingerprint: string }[];
    expect(new Set(gitlabIssues.map((i) => i.fingerprint)).size).toBe(gitlabIssues.length);
  });
});

/** A report with every character that needs escaping somewhere. */
const nasty: LintMessage = {
  ruleId: 'plain-words',
  category: 'plain-language',
  severity: 'warning',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 12,
  offset: 40,
  endOffset: 47,
  message: 'Schrijf "als" in plaats van "indien": 100% <duidelijk> & kort, ook ]]> hier',
  note: 'Regel één\nRegel twee, met komma',
  actual: 'indien',
  expected: ['als'],
  url: 'https://github.com/huurbrief/huurbrief/blob/main/docs/rules/plain-words.md',
  fix: { range: [40, 47], text: 'als' },
};
const nastyReports: FileReport[] = [
  { path: 'brieven/huur, 2025: 100%.md', language: 'nl', messages: [nasty], metrics: { words: 10, sentences: 1, paragraphs: 1, syllables: 14 } },
  { path: 'brieven/goed.md', language: 'nl', messages: [], metrics: { words: 5, sentences: 1, paragraphs: 1, syllables: 6 } },
];

describe('github workflow commands', () => {
  it('escapes %, CR and LF in the message and also : and , in properties', () => {
    const out = github(nastyReports, ctx);
    expect(out).toBe(
      '::warning file=brieven/huur%2C 2025%3A 100%25.md,line=3,col=5,endLine=3,endColumn=12,title=huurbrief plain-words::' +
        'Schrijf "als" in plaats van "indien": 100%25 <duidelijk> & kort, ook ]]> hier%0ARegel één%0ARegel twee, met komma (plain-words)\n',
    );
  });

  it('maps severities to error, warning and notice, one line per finding', () => {
    const msgs = (['error', 'warning', 'info'] as const).map((severity) => ({ ...nasty, note: undefined, severity }) as unknown as LintMessage);
    const lines = github([{ ...nastyReports[0]!, messages: msgs }], ctx).trimEnd().split('\n');
    expect(lines.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::error', '::warning', '::notice']);
  });
});

describe('XML formats', () => {
  it('checkstyle escapes attributes and is well formed', () => {
    const out = checkstyle(nastyReports, ctx);
    expect(out).toContain('<file name="brieven/huur, 2025: 100%.md">');
    expect(out).toContain('message="Schrijf &quot;als&quot; in plaats van &quot;indien&quot;: 100% &lt;duidelijk&gt; &amp; kort, ook ]]&gt; hier (plain-words)"');
    expect(out).toContain('source="huurbrief.plain-words"');
    expect(out).toContain('<file name="brieven/goed.md">\n  </file>');
  });

  it('junit keeps ]]> out of CDATA, counts tests and failures, and passes a clean letter', () => {
    const out = junit(nastyReports, ctx);
    expect(out).toContain('<testsuites name="huurbrief" tests="2" failures="1" errors="0" time="0">');
    expect(out).toContain('ook ]]]]><![CDATA[> hier');
    expect(out).toContain('<testcase name="brieven/goed.md" classname="huurbrief" time="0" />');
    expect(out).toContain('<failure type="warning"');
  });

  it('replaces characters XML cannot hold', () => {
    const control = { ...nasty, message: 'Zin met een \u0001stuurteken\u000b.' };
    const out = checkstyle([{ ...nastyReports[0]!, messages: [control] }], ctx);
    expect(out).toContain('Zin met een \uFFFDstuurteken\uFFFD.');
  });
});

describe('json keeps the foundation contract', () => {
  it('has exactly the contract keys per message, in order', () => {
    const parsed = JSON.parse(json(nastyReports, ctx)) as Record<string, unknown>[];
    expect(Object.keys(parsed[0]!)).toEqual(['path', 'language', 'messages', 'metrics']);
    const m = (parsed[0]!['messages'] as Record<string, unknown>[])[0]!;
    expect(Object.keys(m).slice(0, 8)).toEqual(['ruleId', 'category', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message']);
    expect(m['expected']).toEqual(['als']);
  });
});

/** The official SARIF 2.1.0 schema (draft-04) checked with ajv 8. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('./sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  // ajv 8 speaks draft-07: the draft-04 `id` becomes `$id` and the meta-schema
  // reference goes; the keywords this schema uses mean the same in both.
  const { $schema: _meta, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => !/[\s\\]/.test(s) && URL.canParse(s, 'file:///root/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ ...rest, $id: id });
}

describe('sarif', () => {
  const validate = sarifValidator();

  it('the fixture run is valid SARIF 2.1.0', () => {
    const log = sarifLog(reports);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('a run with odd paths, notes and fixes is valid SARIF 2.1.0', () => {
    const log = sarifLog(nastyReports) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; fixes?: unknown[] }[] }[] };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const result = log.runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('brieven/huur%2C%202025%3A%20100%25.md');
    expect(result.fixes).toHaveLength(1);
  });

  it('the schema really rejects a broken log (the validator is not a no-op)', () => {
    const log = sarifLog(nastyReports) as { runs: { results: Record<string, unknown>[] }[] };
    log.runs[0]!.results[0]!['level'] = 'fout';
    expect(validate(log)).toBe(false);
  });

  it('describes every rule with Dutch help text and points results at them', () => {
    const log = sarifLog(reports) as {
      runs: { tool: { driver: { rules: { id: string; help: { text: string; markdown: string }; helpUri: string; defaultConfiguration: { level: string } }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    for (const r of run.tool.driver.rules) {
      expect(r.help.markdown).toContain(`huurbrief explain ${r.id}`);
      expect(r.help.text.length).toBeGreaterThan(40);
      expect(r.helpUri).toMatch(/^https:\/\/.+\.md$/);
    }
    const plain = run.tool.driver.rules.find((r) => r.id === 'plain-words')!;
    expect(plain.help.text).toContain('Ambtelijke woorden');
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
  });
});

describe('stylish summary line', () => {
  it('uses the singular for one sentence or one word', async () => {
    const { metricsSummary } = await import('../src/formatters/stylish.js');
    expect(metricsSummary({ words: 1, sentences: 1, avgSentenceLength: 1 } as Parameters<typeof metricsSummary>[0])).toBe('1 woord · 1 zin · gem. 1 woord per zin');
    expect(metricsSummary({ words: 16, sentences: 2 } as Parameters<typeof metricsSummary>[0])).toBe('16 woorden · 2 zinnen');
  });
});
