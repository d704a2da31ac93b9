// The reflection report's figures without git: letters over time (built by hand from real
// Dutch letters, linted with core) -> figures. The git side is in report.test.ts.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '@huurbrief/core';
import { computeFigures, monthsOf, sentenceDiff, stateAt, versionsNeeded } from '../src/report/figures.js';
import { factsOf, sentencesOf } from '../src/report/version.js';
import type { FiguresInput, LetterTrack, ReviewInput, VersionFacts } from '../src/report/types.js';
import { letterText } from '../../../bench/report-history.mjs';

const config = defaultConfig();
const topic = ['Onderhoud aan uw dakgoot', 'dakgoot'];
const texts = {
  c1: letterText(0, topic, 'dinsdag 14 april'),
  b2: letterText(1, topic, 'dinsdag 14 april'),
  good: letterText(2, topic, 'dinsdag 14 april'),
  goodLater: letterText(2, topic, 'donderdag 23 april'),
};
const facts = new Map<string, VersionFacts>(Object.entries(texts).map(([k, t]) => [k, factsOf(t, 'brieven/dakgoot.md', config)]));
const sentences = new Map(Object.entries(texts).map(([k, t]) => [k, sentencesOf(t, 'brieven/dakgoot.md', config)]));

const at = (date: string) => Date.parse(date);
const ev = (date: string, version: string | null, path = 'brieven/dakgoot.md', commit = date) => ({ time: at(date), commit, path, version });
const track = (path: string, events: ReturnType<typeof ev>[]): LetterTrack => ({ path, names: [path], events: events.map((e) => ({ ...e, path })) });

const year = { since: at('2025-01-01T00:00:00Z'), until: at('2025-12-31T23:59:59.999Z') };
const input = (letters: LetterTrack[], extra: Partial<FiguresInput> = {}): FiguresInput => ({ ...year, generatedAt: '2026-01-05T09:00:00.000Z', letters, facts, sentences, ...extra });

describe('the letters used as data', () => {
  it('go from C1 via B2 to B1 or easier, as linted by core', () => {
    expect(facts.get('c1')!.level).toBe('C1');
    expect(facts.get('b2')!.level).toBe('B2');
    expect(['A2', 'B1']).toContain(facts.get('good')!.level);
    expect(facts.get('c1')!.categories['plain-language']).toBeGreaterThan(0);
  });
});

describe('months', () => {
  it('are UTC calendar months; the last one ends at `until`', () => {
    const months = monthsOf(at('2025-11-15T00:00:00Z'), at('2026-02-10T12:00:00Z'));
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(new Date(months[0]!.end).toISOString()).toBe('2025-11-30T23:59:59.999Z');
    expect(new Date(months[1]!.end).toISOString()).toBe('2025-12-31T23:59:59.999Z');
    expect(new Date(months[3]!.end).toISOString()).toBe('2026-02-10T12:00:00.000Z');
  });
});

describe('level per month', () => {
  // Letter A: bureaucratic in January, rewritten twice in March (B2 on the 3rd, good on the 20th).
  // Letter B: created in May, good from the start, deleted in September.
  const a = track('brieven/dakgoot.md', [ev('2025-01-06T10:00:00Z', 'c1'), ev('2025-03-03T10:00:00Z', 'b2'), ev('2025-03-20T10:00:00Z', 'good')]);
  const b = track('brieven/lift.md', [ev('2025-05-12T10:00:00Z', 'good'), ev('2025-09-01T10:00:00Z', null)]);
  const f = computeFigures(input([a, b]));

  it('counts the version at the end of each month, not the versions in between', () => {
    const byMonth = Object.fromEntries(f.levelPerMonth.map((m) => [m.month, m]));
    expect(byMonth['2025-02']).toMatchObject({ letters: 1, atB1OrBetter: 0, share: 0 });
    // B2 was current from 3 to 20 March only: March counts the good version.
    expect(byMonth['2025-03']).toMatchObject({ letters: 1, atB1OrBetter: 1, share: 1 });
    expect(byMonth['2025-03']!.byLevel.B2).toBe(0);
    expect(versionsNeeded([a, b], year.since, year.until).has('b2')).toBe(false);
  });

  it('counts a letter from the month it appears until the month before it is deleted', () => {
    expect(f.levelPerMonth.map((m) => m.letters)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1]);
    expect(f.letters).toMatchObject({ current: 1, seen: 2 });
  });

  it('adds the findings of every letter per category', () => {
    const jan = f.findingsPerMonth[0]!;
    const c1 = facts.get('c1')!;
    expect(jan.byCategory['plain-language']).toBe(c1.categories['plain-language']);
    expect(jan.total).toBe(c1.errors + c1.warnings + c1.infos);
    const jun = f.findingsPerMonth[5]!;
    const good = facts.get('good')!;
    expect(jun.total).toBe(2 * (good.errors + good.warnings + good.infos));
  });
});

describe('the letters that improved most', () => {
  const before = track('brieven/dakgoot.md', [ev('2024-11-04T10:00:00Z', 'c1'), ev('2025-06-02T10:00:00Z', 'good'), ev('2025-07-01T10:00:00Z', 'good', 'brieven/oud/dakgoot.md', 'rename')]);
  const half = track('brieven/voordeur.md', [ev('2025-02-04T10:00:00Z', 'c1'), ev('2025-04-07T10:00:00Z', 'b2')]);
  const same = track('brieven/lift.md', [ev('2024-10-01T10:00:00Z', 'good')]);
  const worse = track('brieven/galerij.md', [ev('2025-01-10T10:00:00Z', 'good'), ev('2025-08-10T10:00:00Z', 'b2')]);
  const f = computeFigures(input([same, half, before, worse]));

  it('compare the version before the period (or the first in it) with the version at its end, best first', () => {
    expect(f.improved.count).toBe(2);
    expect(f.improved.letters.map((l) => [l.path, l.before.level, l.after.level])).toEqual([
      ['brieven/dakgoot.md', 'C1', facts.get('good')!.level],
      ['brieven/voordeur.md', 'C1', 'B2'],
    ]);
    // The after-version dates from when its text arrived, not from a later event that kept it.
    expect(f.improved.letters[0]!.before.date).toBe('2024-11-04T10:00:00.000Z');
    expect(f.improved.letters[0]!.after.date).toBe('2025-06-02T10:00:00.000Z');
    expect(f.worsened.letters.map((l) => l.path)).toEqual(['brieven/galerij.md']);
  });

  it('list the sentences that changed', () => {
    const d = f.improved.letters[0]!;
    expect(d.sentencesBefore).toBe(sentences.get('c1')!.length);
    const gone = d.changes.flatMap((c) => c.before);
    const came = d.changes.flatMap((c) => c.after);
    expect(gone.some((s) => s.startsWith('Middels dit schrijven delen wij u mede'))).toBe(true);
    expect(came).toContain('Wilt u dan thuis zijn?');
  });

  it('name them as successes with who wrote and who signed them off', () => {
    const review: ReviewInput = {
      letters: [
        { path: 'brieven/dakgoot.md', state: 'approved', approvers: ['bob@delinde.nl'] },
        { path: 'brieven/voordeur.md', state: 'missing', approvers: [] },
      ],
      approvals: [],
      problems: [],
    };
    const g = computeFigures(
      input([same, half, before], {
        review,
        names: new Map([['bob@delinde.nl', 'Bob Jansen']]),
        writers: new Map([['brieven/dakgoot.md', [{ name: 'Anna de Vries', email: 'anna@delinde.nl' }]]]),
      }),
    );
    expect(g.successes.letters.map((s) => [s.path, s.approvedBy.map((p) => p.name), s.writtenBy.map((p) => p.name)])).toEqual([
      ['brieven/dakgoot.md', ['Bob Jansen'], ['Anna de Vries']],
      ['brieven/voordeur.md', [], []],
    ]);
  });
});

describe('sentence diff', () => {
  it('pairs a rewritten sentence and leaves the rest out', () => {
    const diff = sentenceDiff(
      ['Beste mevrouw Jansen,', 'Indien u vragen heeft, dient u ons te bellen.', 'Met vriendelijke groet,'],
      ['Beste mevrouw Jansen,', 'Heeft u vragen? Bel ons dan.', 'Met vriendelijke groet,'],
    );
    expect(diff).toEqual([{ before: ['Indien u vragen heeft, dient u ons te bellen.'], after: ['Heeft u vragen? Bel ons dan.'] }]);
  });

  it('ignores a change in line breaks and shows an added sentence on its own', () => {
    const diff = sentenceDiff(['Wij komen op\ndinsdag.', 'Tot dan.'], ['Wij komen op dinsdag.', 'Bel ons gerust.', 'Tot dan.']);
    expect(diff).toEqual([{ before: [], after: ['Bel ons gerust.'] }]);
  });
});

describe('sign-off', () => {
  const letters: ReviewInput['letters'] = [
    { path: 'brieven/a.md', state: 'approved', approvers: ['bob@delinde.nl'] },
    { path: 'brieven/b.md', state: 'approved', approvers: ['carla@delinde.nl'] },
    { path: 'brieven/c.md', state: 'stale', approvers: [] },
    { path: 'brieven/d.md', state: 'missing', approvers: [] },
  ];
  const hour = 3600 * 1000;
  const t = at('2025-05-06T09:00:00Z');

  it('gives the share of current letters with a valid sign-off', () => {
    const f = computeFigures(input([], { review: { letters, approvals: [], problems: [] } }));
    expect(f.signOff).toMatchObject({ available: true, letters: 4, approved: 2, share: 0.5, byState: { approved: 2, stale: 1, missing: 1 } });
  });

  it('measures the wait from the request when there is one, else from commit to commit, and says which', () => {
    const review: ReviewInput = {
      letters,
      approvals: [
        { path: 'brieven/a.md', principal: 'bob@delinde.nl', time: t + 30 * hour, requestTime: t },
        { path: 'brieven/b.md', principal: 'carla@delinde.nl', time: t + 60 * hour, contentTime: t, recordTime: t + 50 * hour },
        // Before the period: not counted.
        { path: 'brieven/c.md', principal: 'bob@delinde.nl', time: at('2024-12-01T09:00:00Z'), requestTime: at('2024-11-30T09:00:00Z') },
        // No start to measure from.
        { path: 'brieven/d.md', principal: 'bob@delinde.nl', time: t + 70 * hour },
      ],
      problems: [],
    };
    const f = computeFigures(input([], { review }));
    if (!f.signOff.available) throw new Error('sign-off should be available');
    const w = f.signOff.timeToApproval;
    expect(w.basis).toBe('mixed');
    expect(w.items.map((i) => [i.path, i.basis, i.hours])).toEqual([
      ['brieven/a.md', 'request', 30],
      ['brieven/b.md', 'commit', 50],
    ]);
    expect(w).toMatchObject({ count: 2, medianHours: 40, minHours: 30, maxHours: 50, unmeasured: 1 });
    expect(w.perMonth.find((m) => m.month === '2025-05')).toEqual({ month: '2025-05', count: 2, medianHours: 40 });
    expect(f.successes.reviewers.map((r) => [r.email, r.approvals])).toEqual([
      ['bob@delinde.nl', 2],
      ['carla@delinde.nl', 1],
    ]);
  });

  it('says why there are no figures when review is not set up', () => {
    const f = computeFigures(input([], { review: { unavailable: '.huurbrief/allowed_signers ontbreekt' } }));
    expect(f.signOff).toEqual({ available: false, reason: '.huurbrief/allowed_signers ontbreekt' });
  });
});

describe('stateAt', () => {
  it('is the last event at or before the time', () => {
    const t = track('brieven/x.md', [ev('2025-01-01T00:00:00Z', 'c1'), ev('2025-02-01T00:00:00Z', 'good')]);
    expect(stateAt(t, at('2024-12-31T23:59:59Z'))).toBeUndefined();
    expect(stateAt(t, at('2025-02-01T00:00:00Z'))!.version).toBe('good');
    expect(stateAt(t, at('2025-01-31T23:59:59Z'))!.version).toBe('c1');
  });
});

describe('the HTML page', () => {
  it('escapes what comes from the repository: file names, names and sentences', async () => {
    const { renderReport } = await import('../src/report/html.js');
    const path = 'brieven/<img src=x onerror=alert(1)>.md';
    const t = track(path, [ev('2024-12-02T10:00:00Z', 'c1'), ev('2025-04-02T10:00:00Z', 'good')]);
    const evil = new Map(sentences);
    evil.set('good', ['Zie </ins><script>alert(1)</script> hier.', ...sentences.get('good')!]);
    const f = computeFigures(
      input([t], {
        sentences: evil,
        review: { letters: [{ path, state: 'approved', approvers: ['"bob"@delinde.nl'] }], approvals: [], problems: [] },
        names: new Map([['"bob"@delinde.nl', 'Bob <b>Jansen</b>']]),
      }),
    );
    const html = renderReport(f);
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('brieven/&lt;img src=x onerror=alert(1)&gt;.md');
    expect(html).toContain('Zie &lt;/ins&gt;&lt;script&gt;alert(1)&lt;/script&gt; hier.');
    expect(html).toContain('Bob &lt;b&gt;Jansen&lt;/b&gt;');
  });
});
