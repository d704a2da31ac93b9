#!/usr/bin/env node
// A git repository with a year of letter history, for `huurbrief report`: letters that start
// bureaucratic (C1), get better over the months (B2, then B1 or easier), one renamed, one deleted,
// improvements merged from a branch, and sign-offs made with @huurbrief/review's own request and
// approve (real ssh-keygen keys). Every commit carries GIT_AUTHOR_DATE / GIT_COMMITTER_DATE in the
// year, so the history spreads over twelve months.
//
// Used by packages/cli/test/report.test.ts (a small repository) and, run directly, as the
// benchmark: `node bench/report-history.mjs [letters]` (default 50) builds the repository and
// times `huurbrief report` over it (needs `pnpm build` first).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COLLEAGUES = {
  anna: { name: 'Anna de Vries', email: 'anna@delinde.nl' },
  bob: { name: 'Bob Jansen', email: 'bob@delinde.nl' },
  carla: { name: 'Carla Bakker', email: 'carla@delinde.nl' },
};

const TOPICS = [
  ['Onderhoud aan uw dakgoot', 'dakgoot'],
  ['Controle van uw cv-ketel', 'cv-ketel'],
  ['Nieuwe kozijnen', 'kozijnen'],
  ['Een nieuwe voordeur', 'voordeur'],
  ['Uw badkamer wordt vernieuwd', 'badkamer'],
  ['Uw keuken wordt vernieuwd', 'keuken'],
  ['Schilderwerk aan de buitenkant', 'buitenkozijnen'],
  ['Onderhoud aan de lift', 'lift'],
  ['Schoonmaak van het trappenhuis', 'trappenhuis'],
  ['Herstel van de galerij', 'galerij'],
  ['Nieuwe rookmelders', 'rookmelders'],
  ['Onderhoud aan de ventilatie', 'ventilatie'],
];
const FOLDERS = ['onderhoud', 'renovatie', 'installaties', 'algemeen'];
const DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'];
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Three stages of one letter: bureaucratic (C1), better (B2), written for the tenant (B1 or easier). */
export function letterText(stage, topic, when, ref = 'DL/0001') {
  const [subject, thing] = topic;
  const reference = `Ons kenmerk: ${ref}`;
  if (stage === 0) {
    return `# ${subject}

${reference}

Geachte heer/mevrouw,

Middels dit schrijven delen wij u mede dat er in verband met de voorgenomen werkzaamheden aan de ${thing} van uw woning door onze aannemer op ${when} werkzaamheden zullen worden uitgevoerd, waarbij het noodzakelijk is dat de woning toegankelijk is en eventuele obstakels tijdig worden verwijderd.

Indien u verhinderd bent, dient u dit uiterlijk binnen acht dagen na dagtekening schriftelijk aan ons kenbaar te maken, aangezien de kosten van een vergeefse komst anders te allen tijde voor uw rekening zullen komen.

Hoogachtend,

Afdeling Vastgoed
`;
  }
  if (stage === 1) {
    return `# ${subject}

${reference}

Geachte heer/mevrouw,

Wij gaan de ${thing} van uw woning onderhouden. Onze aannemer komt op ${when} tussen 8.00 en 12.00 uur, waarbij het noodzakelijk is dat de woning toegankelijk is.

Indien u verhinderd bent, dient u dit uiterlijk een week van tevoren aan ons door te geven, zodat wij een nieuwe afspraak kunnen maken.

Met vriendelijke groet,

Afdeling Vastgoed
`;
  }
  return `# ${subject}

${reference}

Beste {{huurder.naam}},

Wij gaan de ${thing} van uw woning onderhouden. Onze aannemer komt op ${when} tussen 8.00 en 12.00 uur. Wilt u dan thuis zijn?

Kunt u niet op die dag? Bel ons dan uiterlijk een week van tevoren. Dan maken we samen een nieuwe afspraak.

Heeft u vragen? Bel Sanne de Vries op 010-2345678.

Met vriendelijke groet,

Sanne de Vries
Woonconsulent
`;
}

const iso = (year, month, day, hour = 10) => new Date(Date.UTC(year, month, day, hour)).toISOString();
/** When a version reaches the main line: one written on a branch when its merge lands, two days later. */
const landed = (v) => Date.parse(v.date) + (v.branch ? 2 * 86400000 : 0);

/**
 * The plan for `count` letters over `year`: per letter its stages with dates (month 0-11) and
 * what happens around them. Pure data, so a test can derive what the report must show.
 */
export function historyPlan(count, year, { monthlyEdits = false } = {}) {
  const letters = [];
  for (let i = 0; i < count; i++) {
    const ref = `DL/${year}/${1000 + i}`;
    const topic = TOPICS[i % TOPICS.length];
    const path = `brieven/${FOLDERS[i % FOLDERS.length]}/${topic[1]}-${i}.md`;
    const when = (m) => `${DAYS[i % DAYS.length]} ${10 + (i % 15)} ${MONTHS[m]}`;
    const created = { stage: 0, date: iso(year, 0, 2 + (i % 20)), when: when(1) };
    const versions = [created];
    // i % 6 === 5 never improves; i % 6 === 4 only reaches B2; the others reach B1 or easier.
    const m1 = 1 + (i % 5);
    const m2 = m1 + 2 + (i % 4);
    if (i % 6 !== 5) {
      versions.push({ stage: 1, date: iso(year, m1, 3 + (i % 10)), when: when(m1) });
      // Some letters are edited twice in a month: only the month's last version counts.
      if (i % 3 === 0) versions.push({ stage: 1, date: iso(year, m1, 20), when: when(m1 + 1) });
    }
    const reachesB1 = i % 6 !== 5 && i % 6 !== 4;
    // Every seventh letter gets its improvement on a branch, merged two days later.
    const improvement = reachesB1 ? { stage: 2, date: iso(year, m2, 3 + (i % 10)), when: when(m2), branch: i % 7 === 2 ? `verbetering-${i}` : undefined } : undefined;
    if (improvement) versions.push(improvement);
    // Busy teams: every letter is touched again on the 25th of every month (a new date, same stage).
    if (monthlyEdits) {
      const planned = [...versions];
      for (let m = 0; m < 12; m++) {
        const date = iso(year, m, 25);
        const current = planned.filter((v) => landed(v) <= Date.parse(date)).at(-1);
        if (current) versions.push({ stage: current.stage, date, when: when((m + 1) % 12) });
      }
      versions.sort((a, b) => a.date.localeCompare(b.date));
    }
    const letter = { index: i, path, topic, ref, versions, reachesB1 };
    if (i === 1 && count > 1) letter.rename = { to: `brieven/planmatig/${topic[1]}-${i}.md`, date: iso(year, 6, 1) };
    if (i === count - 1 && count > 6) letter.deleted = iso(year, 9, 15);
    if (reachesB1 && !letter.deleted) {
      const at = landed(improvement);
      // Even letters: Anna asks Bob, Bob approves a day and three hours later. Odd letters that are
      // a multiple of three: Carla approves two days after the commit, without a request.
      if (i % 2 === 0) letter.review = { request: new Date(at + 3600000).toISOString(), approve: new Date(at + 27 * 3600000).toISOString(), by: 'bob' };
      else if (i % 3 === 0) letter.review = { approve: new Date(at + 48 * 3600000).toISOString(), by: 'carla' };
      // Letter 0 is edited again after its approval: its sign-off goes stale.
      if (i === 0) letter.afterApproval = { date: new Date(at + 5 * 86400000).toISOString(), when: `${DAYS[0]} 28 ${MONTHS[m2]}` };
    }
    letters.push(letter);
  }
  return letters;
}

function gitEnv(who, date) {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
}

/**
 * Builds the repository in `dir` (an empty folder) from `historyPlan(count, year)`. `review` is
 * @huurbrief/review (its addKey, requestReview and approve make the sign-offs). Returns the plan.
 */
export function buildHistoryRepo(dir, { count, year, review, monthlyEdits = false }) {
  const plan = historyPlan(count, year, { monthlyEdits });
  const git = (who, date, ...args) => execFileSync('git', args, { cwd: dir, env: gitEnv(who, date), encoding: 'utf8' });
  const write = (rel, text) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  const commit = (who, date, message) => {
    git(who, date, 'add', '-A');
    git(who, date, 'commit', '-q', '--allow-empty', '-m', message);
  };
  const { anna } = COLLEAGUES;
  git(anna, undefined, 'init', '-q', '-b', 'main');
  git(anna, undefined, 'config', 'commit.gpgsign', 'false');
  git(anna, undefined, 'config', 'user.name', anna.name);
  git(anna, undefined, 'config', 'user.email', anna.email);

  // Keys (ssh-keygen) and who may sign, committed before the year starts.
  const keys = {};
  const keyDir = mkdtempSync(join(tmpdir(), 'huurbrief-report-keys-'));
  for (const [id, who] of Object.entries(COLLEAGUES)) {
    keys[id] = join(keyDir, id);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', who.email, '-f', keys[id]]);
    review.addKey(who.email, keys[id] + '.pub', { cwd: dir });
  }
  write('huurbrief.config.json', JSON.stringify({ extends: ['huurbrief:recommended'] }, null, 2) + '\n');
  commit(anna, iso(year - 1, 11, 15), 'Collega\'s die brieven mogen goedkeuren');

  // Every event in date order: new versions, renames, deletions, merges, review records.
  const events = [];
  for (const l of plan) {
    const finalPath = l.rename ? l.rename.to : l.path;
    // A version written after the rename is written under the new name.
    const pathAt = (date) => (l.rename && date > l.rename.date ? l.rename.to : l.path);
    for (const v of l.versions) {
      const path = pathAt(v.date);
      events.push({ date: v.date, kind: v.branch ? 'branch' : 'write', branch: v.branch, path, text: letterText(v.stage, l.topic, v.when, l.ref), message: `${path}: versie ${v.stage}` });
      if (v.branch) events.push({ date: new Date(Date.parse(v.date) + 2 * 86400000).toISOString(), kind: 'merge', branch: v.branch });
    }
    if (l.rename) events.push({ date: l.rename.date, kind: 'rename', from: l.path, to: l.rename.to });
    if (l.deleted) events.push({ date: l.deleted, kind: 'delete', path: pathAt(l.deleted) });
    if (l.review?.request) events.push({ date: l.review.request, kind: 'request', path: finalPath });
    if (l.review) events.push({ date: l.review.approve, kind: 'approve', path: finalPath, by: l.review.by });
    if (l.afterApproval) events.push({ date: l.afterApproval.date, kind: 'write', path: finalPath, text: letterText(2, l.topic, l.afterApproval.when, l.ref), message: `${finalPath}: datum aangepast` });
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  for (const a of events) {
    const e = a;
    if (a.kind === 'write') {
      write(a.path, a.text);
      commit(anna, e.date, a.message);
    } else if (a.kind === 'branch') {
      // Written on a branch, merged (no fast-forward) two days later.
      git(anna, e.date, 'checkout', '-q', '-b', a.branch);
      write(a.path, a.text);
      commit(anna, e.date, a.message);
      git(anna, e.date, 'checkout', '-q', 'main');
    } else if (a.kind === 'merge') {
      git(anna, e.date, 'merge', '-q', '--no-ff', '-m', `Merge ${a.branch}`, a.branch);
    } else if (a.kind === 'rename') {
      mkdirSync(dirname(join(dir, a.to)), { recursive: true });
      renameSync(join(dir, a.from), join(dir, a.to));
      commit(anna, e.date, `${a.from} verplaatst naar ${a.to}`);
    } else if (a.kind === 'delete') {
      rmSync(join(dir, a.path));
      commit(anna, e.date, `${a.path} vervalt`);
    } else if (a.kind === 'request') {
      const r = review.requestReview(a.path, { cwd: dir, key: keys.anna, reviewer: COLLEAGUES.bob.email, comment: 'Wil je deze brief nakijken?', now: new Date(e.date) });
      if (!r.ok) throw new Error(`request ${a.path}: ${r.reason}`);
      commit(anna, e.date, `Review gevraagd: ${a.path}`);
    } else if (a.kind === 'approve') {
      const who = COLLEAGUES[a.by];
      const r = review.approve(a.path, { cwd: dir, key: keys[a.by], comment: 'Helder en vriendelijk.', now: new Date(e.date) });
      if (!r.ok) throw new Error(`approve ${a.path} by ${a.by}: ${r.reason}`);
      commit(who, e.date, `Goedgekeurd: ${a.path}`);
    }
  }
  rmSync(keyDir, { recursive: true, force: true });
  return plan;
}

// ---------------------------------------------------------------------------
// Run directly: the benchmark.

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const review = await import(join(root, 'packages/review/dist/index.js'));
  const count = Number(process.argv[2] ?? 50);
  const year = 2025;
  process.env.GIT_CONFIG_GLOBAL = '/dev/null';
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  console.log(`machine: ${availableParallelism()} CPUs, Node ${process.version}, load average at start ${loadavg()[0].toFixed(2)}`);
  // Two histories: letters that change a few times a year, and letters touched every month (every
  // month-end then holds a new version of every letter: the most the report ever lints).
  for (const monthlyEdits of [false, true]) {
    const dir = mkdtempSync(join(tmpdir(), 'huurbrief-bench-report-'));
    try {
      let t = performance.now();
      buildHistoryRepo(dir, { count, year, review, monthlyEdits });
      const commits = execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
      console.log(`\n${monthlyEdits ? 'every letter edited every month' : 'letters edited a few times a year'}: ${count} letters, ${commits} commits over ${year}, repository built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      // In-process once: wall and CPU time (on a busy machine the CPU time says what an idle one would take).
      const { collectReport } = await import(join(root, 'packages/cli/dist/report/collect.js'));
      const cpu0 = process.cpuUsage();
      t = performance.now();
      const { timings } = await collectReport({ paths: ['brieven'], cwd: dir, since: Date.UTC(year, 0, 1), until: Date.UTC(year + 1, 0, 1) - 1 });
      const cpu = process.cpuUsage(cpu0);
      console.log(
        `in-process: ${((performance.now() - t) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU of this process (git runs in child processes, not counted); ` +
          `${timings.versionsLinted} versions linted in ${(timings.lintMs / 1000).toFixed(2)} s, git ${(timings.gitMs / 1000).toFixed(2)} s, sign-offs ${(timings.reviewMs / 1000).toFixed(2)} s`,
      );
      const cli = join(root, 'packages/cli/bin/huurbrief.js');
      for (const [format, out] of [['html', 'rapport.html'], ['json', 'rapport.json']]) {
        const times = [];
        let stderr = '';
        for (let run = 0; run < 3; run++) {
          t = performance.now();
          const r = spawnSync(process.execPath, [cli, 'report', 'brieven', '--since', `${year}-01-01`, '--until', `${year}-12-31`, '--format', format, '--out', out], { cwd: dir, encoding: 'utf8' });
          times.push(performance.now() - t);
          if (r.status !== 0) throw new Error(`huurbrief report failed (${r.status}): ${r.stderr}`);
          stderr = r.stderr.trim();
        }
        times.sort((a, b) => a - b);
        console.log(`huurbrief report --format ${format}: median ${(times[1] / 1000).toFixed(2)} s of 3 (min ${(times[0] / 1000).toFixed(2)} s, max ${(times[2] / 1000).toFixed(2)} s), whole process; load average ${loadavg()[0].toFixed(2)}`);
        console.log(`  ${stderr}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
