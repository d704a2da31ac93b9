// `pnpm bench:spelling`: what the spelling rule costs (issue 18).
//
//   load        the word lists in a fresh process: cspell.cjs, the Dutch and English
//               checkers, the suggester (edit costs), and the RSS each adds (median of 5)
//   per letter  the bench corpus (bench/corpus.mjs, --count N letters, default 300),
//               in-process, best of three alternating rounds: the parse floor (remark + retext, no rules), all recommended
//               rules without spelling, with spelling, and the spelling rule alone
//   suggestions time per unknown word, uncached, on fixtures/spelling/typfouten.yml
//   CLI         one letter as a whole process, spelling on and off (median of 5)
//
// Needs a build (`pnpm build`). Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (name, d) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : d;
};
const count = Number(value('--count', '300'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f1 = (x) => x.toFixed(1);
const coreDist = join(root, 'packages', 'core', 'dist');
const cli = join(root, 'packages', 'cli', 'bin', 'huurbrief.js');

console.log(`huurbrief spelling benchmark (node ${process.version}, load average ${loadavg()[0].toFixed(1)})`);

// 1. Loading, each step in a fresh process.
{
  const probe = `
    const t0 = performance.now(); const m0 = process.memoryUsage().rss;
    const node = await import(${JSON.stringify(pathToFileURL(join(coreDist, 'node.js')).href)});
    const t1 = performance.now(); const m1 = process.memoryUsage().rss;
    const nl = node.loadSpellingDictionary('nl'); nl.has('huis');
    const t2 = performance.now(); const m2 = process.memoryUsage().rss;
    nl.warm(); nl.suggest('huurrachterstand', 5);
    const t3 = performance.now(); const m3 = process.memoryUsage().rss;
    const en = node.loadSpellingDictionary('en'); en.has('house');
    const t4 = performance.now(); const m4 = process.memoryUsage().rss;
    console.log(JSON.stringify({ nodeEntry: t1 - t0, nl: t2 - t1, suggester: t3 - t2, en: t4 - t3, rssNl: (m2 - m1) / 1048576, rssSuggester: (m3 - m2) / 1048576, rssEn: (m4 - m3) / 1048576 }));`;
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    runs.push(JSON.parse(r.stdout));
  }
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(`load (fresh process, median of 5): Dutch list (cspell.cjs + checker) ${f1(m('nl'))} ms, +${f1(m('rssNl'))} MB RSS; Dutch suggester on first unknown word ${f1(m('suggester'))} ms, +${f1(m('rssSuggester'))} MB; English list ${f1(m('en'))} ms, +${f1(m('rssEn'))} MB`);
}

// 2. Per letter, in-process.
const core = await import(pathToFileURL(join(coreDist, 'index.js')).href);
const node = await import(pathToFileURL(join(coreDist, 'node.js')).href);
const { files } = buildCorpus({ count });
const texts = files.map((f) => readFileSync(f, 'utf8'));
{
  const req = createRequire(join(root, 'packages', 'core', 'package.json'));
  const load = async (name) => {
    const mod = await import(pathToFileURL(req.resolve(name)).href);
    return mod.default ?? mod;
  };
  const { unified } = await import(pathToFileURL(req.resolve('unified')).href);
  const { ParseDutch } = await import(pathToFileURL(req.resolve('parse-dutch')).href);
  const processor = unified().use(await load('remark-parse')).use(await load('remark-frontmatter'), ['yaml']).use(await load('remark-retext'), ParseDutch).freeze();
  const { VFile } = await import(pathToFileURL(req.resolve('vfile')).href);

  const withSpelling = core.resolveConfig([], core.allRules);
  const without = core.resolveConfig([{ file: '<bench>', config: { rules: { spelling: 'off' } } }], core.allRules);
  node.loadSpellingDictionary('nl').warm();
  const time = (fn) => {
    for (const t of texts.slice(0, 20)) fn(t); // warm-up
    const t0 = performance.now();
    for (const t of texts) fn(t);
    return (performance.now() - t0) / texts.length;
  };
  // Three rounds, the configurations in turn (the first round also warms the JIT): the best of each.
  let floor = Infinity;
  let off = Infinity;
  let on = Infinity;
  let rule = Infinity;
  for (let round = 0; round < 3; round++) {
    floor = Math.min(floor, time((t) => {
      const file = new VFile({ value: t });
      processor.runSync(processor.parse(file), file);
    }));
    off = Math.min(off, time((t) => core.lintText(t, { config: without })));
    const timings = new Map();
    on = Math.min(on, time((t) => core.lintText(t, { config: withSpelling, timings })));
    rule = Math.min(rule, (timings.get('spelling') ?? 0) / (texts.length + 20));
  }
  const findings = texts.reduce((n, t) => n + core.lintText(t, { config: withSpelling }).messages.filter((m) => m.ruleId === 'spelling').length, 0);
  console.log(
    `per letter (${texts.length} corpus letters, in-process, lists loaded, best of 3 rounds): parse floor ${f1(floor)} ms; recommended without spelling ${f1(off)} ms (${f1(off / floor)}× floor); with spelling ${f1(on)} ms (${f1(on / floor)}× floor); the spelling rule alone ${rule.toFixed(2)} ms (${f1((100 * rule) / floor)}% of the floor); ${findings} spelling findings`,
  );
}

// 3. Suggestions, uncached: every typo once, in a fresh dictionary (so nothing is cached).
{
  const { parse } = await import(pathToFileURL(createRequire(join(root, 'package.json')).resolve('yaml')).href);
  const typos = parse(readFileSync(join(root, 'fixtures', 'spelling', 'typfouten.yml'), 'utf8'));
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const node = await import(${JSON.stringify(pathToFileURL(join(coreDist, 'node.js')).href)});
       const d = node.loadSpellingDictionary('nl'); d.warm(); d.suggest('xyz', 5);
       const words = ${JSON.stringify(typos.map((t) => t.fout))};
       const times = words.map((w) => { const t = performance.now(); d.suggest(w, 5); return performance.now() - t; }).sort((a, b) => a - b);
       console.log(JSON.stringify({ p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1] }));`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const s = JSON.parse(r.stdout);
  console.log(`suggestions per unknown word (${typos.length} typos, uncached): p50 ${f1(s.p50)} ms, p95 ${f1(s.p95)} ms, max ${f1(s.max)} ms`);
}

// 4. One letter from the CLI, start-up included.
{
  const letter = join(root, 'fixtures', 'letters', 'onderhoud-cv-ketel.md');
  const run = (extra) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, [cli, 'lint', letter, ...extra], { encoding: 'utf8' });
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  const off = run(['--rule', 'spelling: off']);
  const on = run([]);
  console.log(`one letter from the CLI (median of 5): spelling off ${off.toFixed(0)} ms, on ${on.toFixed(0)} ms (+${(on - off).toFixed(0)} ms)`);
}
