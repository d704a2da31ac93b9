// `huurbrief report` on a generated repository with a year of history (bench/report-history.mjs:
// commits spread over 2025 with GIT_AUTHOR_DATE/GIT_COMMITTER_DATE, letters that get better, a
// rename, a deletion, a merge, and sign-offs made with @huurbrief/review's request and approve and
// real ssh-keygen keys). What the report must show is derived from the generator's plan, with the
// levels of its letters linted by core, never typed in here.
//
// Then the HTML page in headless Chromium: a screenshot (test-output/report/), the charts
// present and visible, no request outside the file, and axe-core without serious or critical
// violations. Without Chromium these skip with a printed reason, except with CI=true.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '@huurbrief/core';
import * as review from '@huurbrief/review';
import { buildHistoryRepo, COLLEAGUES, letterText } from '../../../bench/report-history.mjs';
import { factsOf } from '../src/report/version.js';
import type { ReportFigures } from '../src/report/types.js';
import { repoRoot, runCli } from './helpers.js';

process.env['GIT_CONFIG_GLOBAL'] = '/dev/null';
process.env['GIT_CONFIG_NOSYSTEM'] = '1';

const YEAR = 2025;
const COUNT = 12;
const dir = mkdtempSync(join(tmpdir(), 'huurbrief-report-'));
const outputDir = join(repoRoot, 'test-output', 'report');
type Plan = ReturnType<typeof buildHistoryRepo>;
type PlanLetter = Plan[number];
let plan: Plan;
let figures: ReportFigures;
let html: string;

const DAY = 86400000;
const config = defaultConfig();
const levelMemo = new Map<string, string>();
/** The level core gives a stage of a letter (as the report lints it). */
function levelOf(l: PlanLetter, stage: number, when: string): string {
  const text = letterText(stage, l.topic, when, l.ref);
  if (!levelMemo.has(text)) levelMemo.set(text, factsOf(text, l.path, config).level);
  return levelMemo.get(text)!;
}
/** When a version reaches the main line: a branch version when its merge lands, two days later. */
const landed = (v: PlanLetter['versions'][number]) => Date.parse(v.date) + (v.branch ? 2 * DAY : 0);
/** The plan's version of a letter at `time`, or undefined (not yet there, or deleted). */
function versionAt(l: PlanLetter, time: number) {
  if (l.deleted && Date.parse(l.deleted) <= time) return undefined;
  const versions = [...l.versions];
  if (l.afterApproval) versions.push({ stage: 2, date: l.afterApproval.date, when: l.afterApproval.when });
  return versions.filter((v) => landed(v) <= time).at(-1);
}
const finalPath = (l: PlanLetter) => (l.rename ? l.rename.to : l.path);
const isGood = (level: string) => level === 'A2' || level === 'B1';

beforeAll(() => {
  plan = buildHistoryRepo(dir, { count: COUNT, year: YEAR, review });
  const json = runCli(['report', 'brieven', '--since', `${YEAR}-01-01`, '--until', `${YEAR}-12-31`, '--format', 'json'], { cwd: dir });
  if (json.code !== 0) throw new Error(`report --format json: exit ${json.code}\n${json.stderr}`);
  figures = JSON.parse(json.stdout) as ReportFigures;
  const page = runCli(['report', 'brieven', '--since', `${YEAR}-01-01`, '--until', `${YEAR}-12-31`, '--out', 'rapport.html'], { cwd: dir });
  if (page.code !== 0) throw new Error(`report --out: exit ${page.code}\n${page.stderr}`);
  html = readFileSync(join(dir, 'rapport.html'), 'utf8');
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('huurbrief report over a year of history', () => {
  it('has the documented JSON shape', () => {
    expect(Object.keys(figures)).toEqual(['report', 'generatedAt', 'period', 'method', 'letters', 'levelPerMonth', 'findingsPerMonth', 'improved', 'worsened', 'signOff', 'successes']);
    expect(figures.report).toBe(1);
    expect(figures.period.months).toEqual(Array.from({ length: 12 }, (_, m) => `${YEAR}-${String(m + 1).padStart(2, '0')}`));
    expect(figures.method).toMatchObject({ timeZone: 'UTC', sampling: 'month-end', config: 'current', target: 'B1' });
  });

  it('gives per month the letters there were and the share at B1 or better', () => {
    const expected = figures.period.months.map((month, m) => {
      const end = Date.UTC(YEAR, m + 1, 1) - 1;
      const present = plan.map((l) => ({ l, v: versionAt(l, end) })).filter((x) => x.v);
      const good = present.filter(({ l, v }) => isGood(levelOf(l, v!.stage, v!.when))).length;
      return { month, letters: present.length, atB1OrBetter: good };
    });
    expect(figures.levelPerMonth.map(({ month, letters, atB1OrBetter }) => ({ month, letters, atB1OrBetter }))).toEqual(expected);
    // The letters do get better over the year, and the deleted letter is gone at the end.
    expect(expected[0]!.atB1OrBetter).toBe(0);
    expect(expected[11]!.atB1OrBetter).toBeGreaterThan(COUNT / 2);
    expect(figures.letters).toMatchObject({ current: COUNT - 1, seen: COUNT });
  });

  it('counts the findings per category from the letters that stood at the end of each month', () => {
    const jan = figures.findingsPerMonth[0]!;
    const c1 = factsOf(letterText(0, plan[0]!.topic, plan[0]!.versions[0]!.when, plan[0]!.ref), 'brieven/x.md', config);
    expect(jan.letters).toBe(COUNT);
    expect(jan.byCategory['plain-language']).toBe(COUNT * c1.categories['plain-language']!);
    expect(figures.findingsPerMonth.at(-1)!.total).toBeLessThan(jan.total / 2);
  });

  it('lists the letters that improved most, with before and after level and the changed sentences', () => {
    const yearEnd = Date.UTC(YEAR + 1, 0, 1) - 1;
    const improved = plan
      .filter((l) => versionAt(l, yearEnd))
      .map((l) => {
        const first = l.versions[0]!;
        const last = versionAt(l, yearEnd)!;
        return { path: finalPath(l), before: levelOf(l, first.stage, first.when), after: levelOf(l, last.stage, last.when) };
      })
      .filter((x) => x.before !== x.after);
    expect(figures.improved.count).toBe(improved.length);
    // The page shows ten; this repository has no more than that, so all of them.
    expect(improved.length).toBeLessThanOrEqual(10);
    expect(new Set(figures.improved.letters.map((l) => l.path))).toEqual(new Set(improved.map((x) => x.path)));
    for (const l of figures.improved.letters) {
      const want = improved.find((x) => x.path === l.path)!;
      expect([l.before.level, l.after.level]).toEqual([want.before, want.after]);
      expect(l.changes.flatMap((c) => c.before).join(' ')).toContain('Middels dit schrijven delen wij u mede');
    }
    // Best first: level steps never go up down the list.
    const steps = figures.improved.letters.map((l) => l.levelSteps);
    expect(steps).toEqual([...steps].sort((a, b) => b - a));
  });

  it('follows a renamed letter: its history starts in January under its old name', () => {
    const renamed = plan.find((l) => l.rename)!;
    const entry = figures.successes.letters.find((s) => s.path === renamed.rename!.to);
    expect(entry).toBeDefined();
    expect(entry!.levelBefore).toBe('C1');
    expect(figures.successes.letters.some((s) => s.path === renamed.path)).toBe(false);
  });

  it('gives the sign-off coverage of the current letters', () => {
    if (!figures.signOff.available) throw new Error(`sign-off unavailable: ${figures.signOff.reason}`);
    const current = plan.filter((l) => !l.deleted);
    const approved = current.filter((l) => l.review && !l.afterApproval);
    const stale = current.filter((l) => l.review && l.afterApproval);
    expect(figures.signOff).toMatchObject({ letters: current.length, approved: approved.length, share: approved.length / current.length });
    expect(figures.signOff.byState).toEqual({ approved: approved.length, stale: stale.length, missing: current.length - approved.length - stale.length });
  });

  it('measures the time to approval from the request, or from commit to commit where there was none', () => {
    if (!figures.signOff.available) throw new Error('sign-off unavailable');
    const reviewed = plan.filter((l) => l.review);
    const expected = reviewed
      .map((l) => {
        const v = l.versions.at(-1)!;
        return l.review!.request
          ? { path: finalPath(l), basis: 'request', hours: (Date.parse(l.review!.approve) - Date.parse(l.review!.request)) / 3600000 }
          : // From the first commit that held the text (on its branch, if it was written on one) to the commit of the approval.
            { path: finalPath(l), basis: 'commit', hours: (Date.parse(l.review!.approve) - Date.parse(v.date)) / 3600000 };
      })
      .sort((a, b) => a.path.localeCompare(b.path));
    const got = figures.signOff.timeToApproval.items.map((i) => ({ path: i.path, basis: i.basis, hours: i.hours })).sort((a, b) => a.path.localeCompare(b.path));
    expect(got).toEqual(expected);
    expect(figures.signOff.timeToApproval.basis).toBe('mixed');
  });

  it('names the improved letters and the colleagues who signed them off as successes', () => {
    const bob = plan.filter((l) => l.review?.by === 'bob').length;
    const carla = plan.filter((l) => l.review?.by === 'carla').length;
    expect(figures.successes.reviewers).toEqual([
      { ...COLLEAGUES.bob, approvals: bob },
      { ...COLLEAGUES.carla, approvals: carla },
    ]);
    const approvedLetter = plan.find((l) => l.review?.by === 'carla' && !l.afterApproval)!;
    const success = figures.successes.letters.find((s) => s.path === finalPath(approvedLetter))!;
    expect(success.approvedBy).toEqual([COLLEAGUES.carla]);
    expect(success.writtenBy).toEqual([COLLEAGUES.anna]);
    expect(html).toContain(`Goedgekeurd door ${COLLEAGUES.carla.name}`);
  });

  it('writes one self-contained page: inline SVG charts with title and desc, no scripts or external resources', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\((?!#)|https?:\/\//i);
    const charts = html.match(/<svg [^>]*role="img"[^>]*>\s*<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/g) ?? [];
    expect(charts).toHaveLength(5);
    // Each chart has a data table beside it.
    for (const caption of ['Taalniveau per maand', 'Meldingen per soort per maand', 'Verbeterde brieven: eerst en nu', 'Brieven per status van de goedkeuring', 'Wachttijd per maand']) {
      expect(html).toContain(`<caption>${caption}</caption>`);
    }
  });

  it('leaves out what .huurbriefignore leaves out, as lint does', () => {
    writeFileSync(join(dir, '.huurbriefignore'), 'brieven/algemeen/\n');
    try {
      const r = runCli(['report', 'brieven', '--since', `${YEAR}-01-01`, '--until', `${YEAR}-12-31`, '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(0);
      const ignored = JSON.parse(r.stdout) as ReportFigures;
      const kept = plan.filter((l) => !finalPath(l).startsWith('brieven/algemeen/'));
      expect(ignored.letters.seen).toBe(kept.length);
      expect(ignored.successes.letters.every((s) => !s.path.startsWith('brieven/algemeen/'))).toBe(true);
    } finally {
      rmSync(join(dir, '.huurbriefignore'));
    }
  });

  it('refuses bad input with exit code 2', () => {
    const outside = mkdtempSync(join(tmpdir(), 'huurbrief-report-nogit-'));
    try {
      const noGit = runCli(['report', '.', '--format', 'json'], { cwd: outside, env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(noGit.code).toBe(2);
      expect(noGit.stderr).toContain('geen git-repository');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const date = runCli(['report', 'brieven', '--since', '2025-13-01'], { cwd: dir });
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('JJJJ-MM-DD');
    const order = runCli(['report', 'brieven', '--since', '2025-06-01', '--until', '2025-05-01'], { cwd: dir });
    expect(order.code).toBe(2);
    expect(order.stderr).toContain('--since ligt na --until');
    const empty = runCli(['report', '.huurbrief', '--format', 'json'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('geen brieven gevonden');
  });
});

// ---------------------------------------------------------------------------
// In a browser

const chromiumPath = process.env['HUURBRIEF_E2E_CHROMIUM'] ?? '/usr/bin/chromium';
const noChromium = !existsSync(chromiumPath);
const skipBrowser = noChromium && process.env['CI'] !== 'true';
if (skipBrowser) console.warn(`rapport in Chromium overgeslagen: ${chromiumPath} ontbreekt (zet HUURBRIEF_E2E_CHROMIUM; in CI is deze test verplicht)`);

describe.skipIf(skipBrowser)('the HTML report in headless Chromium', () => {
  it('shows every chart, loads nothing from elsewhere, and passes axe-core without serious violations', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      // bypassCSP only so that the test can inject axe-core; the page itself allows no script.
      const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, bypassCSP: true });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const url = 'file://' + join(dir, 'rapport.html');
      await page.goto(url);
      expect(requests).toEqual([url]);

      mkdirSync(outputDir, { recursive: true });
      const shot = join(outputDir, 'rapport.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);

      const charts = await page.$$eval('svg.chart', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const marks = [...svg.querySelectorAll('rect.bar, g.series path, g.letter circle, rect.part')].filter((m) => {
            const b = m.getBoundingClientRect();
            return b.width > 0 && b.height > 0;
          });
          return { id: svg.id, width: box.width, height: box.height, visible: getComputedStyle(svg).visibility === 'visible', marks: marks.length, title: svg.querySelector('title')?.textContent ?? '' };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(['chart-level', 'chart-findings', 'chart-improved', 'chart-signoff', 'chart-waiting']);
      for (const c of charts) {
        expect(c.width, c.id).toBeGreaterThan(300);
        expect(c.height, c.id).toBeGreaterThan(80);
        expect(c.visible, c.id).toBe(true);
        expect(c.marks, c.id).toBeGreaterThan(0);
        expect(c.title, c.id).not.toBe('');
      }
      // Each chart on its own, for a look in the test output.
      for (const c of charts) await page.locator(`#${c.id}`).screenshot({ path: join(outputDir, `${c.id}.png`) });

      const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
          resultTypes: ['violations'],
        });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
      if (violations.length) console.warn(`axe-core (niet ernstig): ${violations.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
