// `pnpm bench`: huurbrief against the parse floor on a deterministic corpus.
//
//   pnpm bench            1,200 letters: floor, cold, warm cache, --concurrency 2,
//                         start-up for one letter, peak memory, per-rule timing
//   pnpm bench --peers    also textlint and alex on the same corpus (when installed)
//   pnpm bench --big      also a 10,000-letter run: time and peak memory
//   pnpm bench --count N  another corpus size; --repeat N: samples per figure (best counts)
//   pnpm bench --compare ../other-checkout
//                         also measure another built checkout (say, main before a change) in the
//                         same run, each figure right after this one's: before and after, per rule
//   pnpm bench --installed
//                         also one letter from an installed package: `pnpm pack` this checkout
//                         (and the --compare one), `npm install` the tarballs in a temporary
//                         folder (needs the npm registry), run the installed bin
//
// Every figure is a whole process (start-up included), like a user runs it.
// Needs a build (`pnpm build`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, d) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : d;
};
const count = Number(value('--count', '1200'));
const repeat = Math.max(1, Number(value('--repeat', '2')));
const started = performance.now();

if (!existsSync(join(root, 'packages', 'cli', 'dist', 'cli.js'))) {
  process.stderr.write('bench: no build found; run `pnpm build` first\n');
  process.exit(2);
}

const TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'true']).status === 0 ? '/usr/bin/time' : null;
const scratch = mkdtempSync(join(tmpdir(), 'huurbrief-bench-'));

/**
 * Runs a command to completion; wall time in ms and peak RSS in MB (GNU time's
 * maximum resident set size, or VmHWM sampled from /proc without it).
 */
function measure(command, argv, { cwd = root, stdin } = {}) {
  return new Promise((done, fail) => {
    const memFile = join(scratch, `mem-${Math.random().toString(36).slice(2)}`);
    const [cmd, full] = TIME ? [TIME, ['-f', '%M %U %S', '-o', memFile, command, ...argv]] : [command, argv];
    const t0 = performance.now();
    const child = spawn(cmd, full, { cwd, stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let hwm = 0;
    const sample = TIME
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwm = Math.max(hwm, Number(m[1]));
          } catch {
            // Gone already.
          }
        }, 20);
    if (stdin) child.stdin.end(stdin);
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (sample) clearInterval(sample);
      let kb = hwm;
      let cpu = NaN;
      if (TIME) {
        try {
          const [m, u, sys] = readFileSync(memFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
          kb = m;
          cpu = (u + sys) * 1000;
        } catch {
          kb = 0;
        }
      }
      // Exit 1 is "findings"; a stack trace means the build broke under us (e.g. a concurrent rebuild).
      if ((code !== 0 && code !== 1) || /^\s+at .+:\d+:\d+\)?$/m.test(stderr) || /interne fout/.test(stderr)) {
        fail(new Error(`${command} ${argv.join(' ')} exited with ${code}\n${stderr.slice(-2000)}`));
        return;
      }
      done({ ms, cpu, mb: kb / 1024, stderr, code });
    });
  });
}

/** One retry: on a shared machine the build can be rewritten while we measure. */
async function retry(fn) {
  try {
    return await fn();
  } catch (error) {
    process.stderr.write(`  … retrying after: ${String(error.message).split('\n').slice(0, 3).join(' | ')}\n`);
    return fn();
  }
}

async function best(n, fn) {
  let out;
  for (let i = 0; i < n; i++) {
    const r = await retry(fn);
    if (!out || r.ms < out.ms) out = { ...r, mb: Math.max(r.mb, out?.mb ?? 0) };
    else out.mb = Math.max(out.mb, r.mb);
  }
  return out;
}

const node = process.execPath;
const cliOf = (checkout) => join(checkout, 'packages', 'cli', 'bin', 'huurbrief.js');
const lintWith = (checkout) => (dir, ...extra) => [cliOf(checkout), 'lint', dir, '--no-config-lookup', '--format', 'json', ...extra];

function corpusInfo(files) {
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  return bytes;
}

function machine() {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'unknown CPU'}, ${c.length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform} ${process.arch}`;
}

const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (ms, floor) => `${(ms / floor).toFixed(2)}×`;

/** Parses the `--timing all` table from stderr. */
function parseTiming(stderr) {
  const rows = [];
  for (const line of stderr.split('\n')) {
    // Rules, and the work they share ("(gedeeld: ...)"), not "(n andere regels)" nor the total.
    const m = /^([a-z0-9-]+|\(gedeeld[^)]*\))\s+\|\s+([\d.]+)\s+\|/.exec(line);
    if (m && m[1] !== 'totaal') rows.push([m[1], Number(m[2])]);
  }
  return rows;
}

function findPeer(name) {
  const local = join(root, 'node_modules', '.bin', name);
  if (existsSync(local)) return [local];
  const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return [which.stdout.trim()];
  const npx = spawnSync('npx', ['--no-install', name, '--version'], { encoding: 'utf8', timeout: 20_000 });
  if (npx.status === 0) return ['npx', '--no-install', name];
  return null;
}

/** Packs the four packages of `checkout` and installs the tarballs in a fresh folder; the installed bin, or null with the reason. */
function install(checkout, label) {
  const dir = join(scratch, `installed-${label}`);
  const tarballs = join(dir, 'tarballs');
  const app = join(dir, 'app');
  spawnSync('mkdir', ['-p', tarballs, app]);
  for (const p of ['core', 'review', 'cli', 'language-server']) {
    const r = spawnSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(checkout, 'packages', p), encoding: 'utf8' });
    if (r.status !== 0) return { bin: null, reason: `pnpm pack failed in ${p}: ${r.stderr.trim().split('\n').pop()}` };
  }
  spawnSync('sh', ['-c', `echo '{"name":"corporatie","private":true}' > package.json`], { cwd: app });
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], { cwd: app, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) return { bin: null, reason: `npm install failed (registry unreachable?): ${r.stderr.trim().split('\n').pop()}` };
  spawnSync('cp', [join(root, 'fixtures', 'letters', 'overlast.md'), app]);
  return { bin: join(app, 'node_modules', '.bin', 'huurbrief'), app };
}

/** One letter, whole process: the median of 5 runs (after one run that fills the code cache). */
async function oneLetter(command, argv, cwd) {
  await measure(command, argv, { cwd });
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await measure(command, argv, { cwd }));
  runs.sort((a, b) => a.ms - b.ms);
  return runs[2];
}

async function main() {
  const compare = value('--compare', null);
  const checkouts = [['this', root]];
  if (compare) {
    const other = resolve(compare);
    if (!existsSync(cliOf(other))) {
      process.stderr.write(`bench: --compare ${compare}: no built CLI at ${cliOf(other)}\n`);
      process.exit(2);
    }
    checkouts.push(['compared', other]);
  }
  // Measure each CLI as `pnpm build` leaves it: with a fresh bundle.
  for (const [, checkout] of checkouts) spawnSync(node, [join(checkout, 'packages', 'cli', 'scripts', 'bundle.mjs')], { stdio: 'ignore' });
  const { files } = buildCorpus({ count });
  const dir = dirname(dirname(files[0]));
  const rel = relative(root, dir);
  const bytes = corpusInfo(files);
  process.stdout.write(`huurbrief bench: ${files.length} letters (${(bytes / 2 ** 20).toFixed(1)} MB, avg ${(bytes / files.length / 1024).toFixed(1)} KB) in ${rel}\n`);
  process.stdout.write(`machine: ${machine()}\n`);
  process.stdout.write(`each figure: best of ${repeat} whole-process runs (wall time; CPU = user+sys of that run); peak memory = max RSS of the process${TIME ? ' (GNU time)' : ' (VmHWM)'}\n`);
  if (compare) process.stdout.write(`compared with ${resolve(compare)} (${gitHead(resolve(compare))}); this checkout: ${gitHead(root)}; each figure of the two measured one after the other\n`);
  const loadStart = loadavg();
  process.stdout.write(`load average at start: ${loadStart.map((x) => x.toFixed(2)).join(' ')} (wall times are only comparable on an idle machine; the CPU ratios are steadier)\n\n`);

  const progress = (what) => process.stderr.write(`  … ${what}\n`);
  const results = new Map(checkouts.map(([label]) => [label, { rows: [], timing: [] }]));
  const each = async (what, fn) => {
    for (const [label, checkout] of checkouts) {
      progress(`${what}${compare ? ` (${label})` : ''}`);
      await fn(results.get(label), lintWith(checkout), checkout, label);
    }
  };

  progress('parse floor');
  const floor = await best(repeat, () => measure(node, [join(root, 'bench', 'floor.mjs'), dir]));

  await each('lint, cold', async (res, lint) => {
    const cold = await best(repeat, async () => {
      const r = await measure(node, lint(rel, '--timing', 'all'));
      res.timing = parseTiming(r.stderr);
      return r;
    });
    res.cold = cold;
    res.rows.push(['huurbrief lint, all recommended rules, cold', cold, 1.5]);
  });
  await each('lint, warm cache', async (res, lint, checkout, label) => {
    const cacheFile = join(scratch, `cache-${label}`);
    const prime = await measure(node, lint(rel, '--cache', '--cache-location', cacheFile));
    const warm = await best(repeat, () => measure(node, lint(rel, '--cache', '--cache-location', cacheFile)));
    res.rows.push(['huurbrief lint --cache, warm', warm, 0.25]);
    res.rows.push(['huurbrief lint --cache, cold (filling the cache)', prime, null]);
  });
  await each('lint, --concurrency 2', async (res, lint) => {
    const conc = await best(repeat, () => measure(node, lint(rel, '--concurrency', '2')));
    res.rows.push(['huurbrief lint --concurrency 2', conc, 1.0]);
  });
  await each('start-up, one letter', async (res, lint, checkout) => {
    res.startup = await oneLetter(node, [cliOf(checkout), 'lint', join('fixtures', 'letters', 'overlast.md'), '--no-config-lookup'], root);
  });
  if (flag('--installed')) {
    await each('start-up, one letter from an installed package (pack + npm install)', async (res, lint, checkout, label) => {
      const inst = install(checkout, label);
      res.installed = inst.bin ? await oneLetter(inst.bin, ['lint', 'overlast.md', '--no-config-lookup'], inst.app) : { reason: inst.reason };
    });
  }
  const bare = await best(3, () => measure(node, ['-e', '0']));

  let big;
  if (flag('--big')) {
    progress('10,000 letters (corpus, then lint)');
    const bigFiles = buildCorpus({ count: 10_000 }).files;
    const bigRel = relative(root, dirname(dirname(bigFiles[0])));
    const bigFloor = await measure(node, [join(root, 'bench', 'floor.mjs'), bigRel]);
    const bigRun = await measure(node, lintWith(root)(bigRel));
    big = { floor: bigFloor, run: bigRun, files: bigFiles.length };
  }

  const peers = [];
  if (flag('--peers')) {
    for (const [name, extra] of [
      ['textlint', ['--rule', 'sentence-length']],
      ['alex', []],
    ]) {
      progress(name);
      const cmd = findPeer(name);
      if (!cmd) {
        peers.push([name, null, 'not installed']);
        continue;
      }
      try {
        const r = await measure(cmd[0], [...cmd.slice(1), ...extra, rel]);
        peers.push([name, r, name === 'textlint' ? 'one rule: sentence-length' : 'default rules']);
      } catch (error) {
        peers.push([name, null, `failed: ${String(error.message).split('\n')[0]}`]);
      }
    }
  }

  // The tables.
  const out = [];
  const verdicts = [];
  const allRows = [['parse floor (remark-parse + frontmatter + retext parse-dutch, no rules)', floor, null], ...results.get('this').rows];
  const w = Math.max(...allRows.map((r) => r[0].length), 40);
  const header = () => {
    out.push(`${'measurement'.padEnd(w)}  ${'time'.padStart(8)}  ${'× floor'.padStart(8)}  ${'target'.padStart(7)}  ${'peak RSS'.padStart(9)}  ${'CPU'.padStart(8)}  ${'CPU × floor'.padStart(11)}`);
    out.push('-'.repeat(w + 64));
  };
  const row = (label, r, target, judge) => {
    const x = r.ms / floor.ms;
    const t = target === null ? '' : `≤ ${target.toFixed(2)}×`;
    const ok = target === null ? '' : x <= target ? ' ✓' : ' ✗';
    if (judge && target !== null) verdicts.push([label, x <= target]);
    out.push(`${label.padEnd(w)}  ${fmtS(r.ms).padStart(8)}  ${ratio(r.ms, floor.ms).padStart(8)}  ${t.padStart(7)}${ok.padEnd(2)}  ${`${r.mb.toFixed(0)} MB`.padStart(7)}  ${fmtS(r.cpu).padStart(8)}  ${ratio(r.cpu, floor.cpu).padStart(11)}`);
  };
  const startupLine = (what, r, judge) => {
    if (!r) return;
    if (r.reason) {
      out.push(`${what}: not measured (${r.reason})`);
      return;
    }
    const ok = r.ms <= 400;
    if (judge) verdicts.push([what, ok]);
    out.push(`${what} (median of 5): ${r.ms.toFixed(0)} ms, CPU ${r.cpu.toFixed(0)} ms (target ≤ 400 ms${ok ? ' ✓' : ' ✗'}), peak RSS ${r.mb.toFixed(0)} MB`);
  };
  for (const [label, checkout] of checkouts) {
    const res = results.get(label);
    if (compare) out.push(`${label === 'this' ? 'AFTER: this checkout' : 'BEFORE: compared checkout'} (${gitHead(checkout)})`);
    header();
    row(allRows[0][0], floor, null, false);
    for (const [l, r, target] of res.rows) row(l, r, target, label === 'this');
    for (const [name, r, note] of label === 'this' ? peers : []) {
      if (r) out.push(`${`${name} (${note})`.padEnd(w)}  ${fmtS(r.ms).padStart(8)}  ${ratio(r.ms, floor.ms).padStart(8)}  ${''.padStart(9)}  ${`${r.mb.toFixed(0)} MB`.padStart(7)}`);
      else out.push(`${name.padEnd(w)}  ${note}`);
    }
    startupLine('start-up, one letter from the checkout', res.startup, label === 'this');
    startupLine('start-up, one letter from an installed package', res.installed, label === 'this');
    out.push(`per letter, cold: ${(res.cold.ms / files.length).toFixed(2)} ms; floor: ${(floor.ms / files.length).toFixed(2)} ms; rules + document model on top of the floor: ${(((res.cold.ms - floor.ms) / floor.ms) * 100).toFixed(0)}% (CPU: ${(((res.cold.cpu - floor.cpu) / floor.cpu) * 100).toFixed(0)}%)`);
    out.push('');
  }
  out.push(`bare \`node -e 0\`: ${bare.ms.toFixed(0)} ms`);
  if (big) {
    const memOk = big.run.mb <= 300;
    verdicts.push(['peak memory, 10,000 letters', memOk]);
    out.push(`10,000 letters: lint ${fmtS(big.run.ms)} (${ratio(big.run.ms, big.floor.ms)} its floor of ${fmtS(big.floor.ms)}; CPU ${ratio(big.run.cpu, big.floor.cpu)}), peak RSS ${big.run.mb.toFixed(0)} MB (floor ${big.floor.mb.toFixed(0)} MB; target ≤ 300 MB${memOk ? ' ✓' : ' ✗'})`);
  } else out.push('peak memory for 10,000 letters: run `pnpm bench --big`');

  // Per rule (the cold run's --timing; wall-clock ms, so read the shares rather than the absolute figures on a busy machine).
  const mine = results.get('this').timing;
  if (mine.length) {
    const other = compare ? new Map(results.get('compared').timing) : null;
    const total = mine.reduce((t, [, ms]) => t + ms, 0);
    const otherTotal = other ? [...other.values()].reduce((t, ms) => t + ms, 0) : 0;
    out.push('');
    out.push(`per-rule time (cold run, --timing): ${mine.length} rules, ${total.toFixed(0)} ms together = ${((total / floor.ms) * 100).toFixed(1)}% of the floor${other ? `; before: ${otherTotal.toFixed(0)} ms = ${((otherTotal / floor.ms) * 100).toFixed(1)}%` : ''}`);
    const iw = Math.max(...mine.map(([id]) => id.length));
    const shown = compare || flag('--all-rules') ? mine : mine.slice(0, 15);
    for (const [id, ms] of shown) {
      const was = other?.get(id);
      const before = other ? `   before ${was === undefined ? '     –' : `${was.toFixed(0).padStart(6)} ms  ${((was / floor.ms) * 100).toFixed(1).padStart(5)}% of floor`}` : '';
      out.push(`  ${id.padEnd(iw)}  ${ms.toFixed(0).padStart(6)} ms  ${((ms / floor.ms) * 100).toFixed(1).padStart(5)}% of floor  ${(ms / files.length).toFixed(3)} ms/letter${before}`);
    }
    if (shown.length < mine.length) out.push(`  … ${mine.length - shown.length} more rules: ${mine.slice(shown.length).reduce((t, [, ms]) => t + ms, 0).toFixed(0)} ms`);
  }
  out.push('');
  const failed = verdicts.filter(([, ok]) => !ok).map(([l]) => l);
  out.push(failed.length ? `targets missed: ${failed.join('; ')}` : 'all targets met');
  out.push(`load average at start ${loadStart.map((x) => x.toFixed(2)).join(' ')}, at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function gitHead(checkout) {
  const r = spawnSync('git', ['-C', checkout, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().slice(0, 72) : 'not a git checkout';
}

try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
