// In-process breakdown of where lint time goes, for finding hot spots:
//   node bench/profile.mjs [--count 1200] [--cpu-prof]   (needs a build)
// Prints, per letter: the parse floor, the document model on top of it, every
// rule (sorted), metrics. With --cpu-prof, run under `node --cpu-prof` instead
// and open the profile in Chrome DevTools.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const args = process.argv.slice(2);
const at = (name, d) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : d;
};
const count = Number(at('--count', '1200'));
const core = await import(new URL('../packages/core/dist/index.js', import.meta.url).href);
const req = createRequire(new URL('../packages/core/package.json', import.meta.url));
const load = async (name) => import(pathToFileURL(req.resolve(name)).href);
const { unified } = await load('unified');
const { ParseDutch } = await load('parse-dutch');
const remarkParse = (await load('remark-parse')).default;
const remarkFrontmatter = (await load('remark-frontmatter')).default;
const remarkRetext = (await load('remark-retext')).default;
const { VFile } = await load('vfile');
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkRetext, ParseDutch).freeze();

const texts = buildCorpus({ count }).files.map((f) => readFileSync(f, 'utf8'));
const config = core.defaultConfig();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Warm up the JIT on a slice, then measure each phase over the whole corpus.
for (const t of texts.slice(0, 50)) core.lintText(t, { config });

let c0 = cpu();
for (const t of texts) {
  const file = new VFile({ value: t });
  processor.runSync(processor.parse(file), file);
}
const floor = cpu() - c0;

c0 = cpu();
for (const t of texts) core.buildDocument(t, { lang: config.lang, delimiters: config.placeholders.delimiters });
const build = cpu() - c0;

const timings = new Map();
c0 = cpu();
const w0 = performance.now();
let messages = 0;
for (const t of texts) messages += core.lintText(t, { config, timings }).messages.length;
const lint = cpu() - c0;
// Rule timings are wall-clock: scale them to CPU time (matters on a busy machine).
const scale = lint / (performance.now() - w0);
for (const [id, ms] of timings) timings.set(id, ms * scale);
const rules = [...timings.values()].reduce((s, v) => s + v, 0);

const per = (ms) => `${(ms / texts.length).toFixed(3)} ms/letter`;
const pct = (ms) => `${((ms / floor) * 100).toFixed(1)}% of floor`;
console.log(`${texts.length} letters, ${messages} findings, CPU time in one process (JIT warm)`);
console.log(`parse floor            ${floor.toFixed(0).padStart(6)} ms  ${per(floor)}`);
console.log(`buildDocument          ${build.toFixed(0).padStart(6)} ms  ${per(build)}  (document model on top of the parse: ${pct(build - floor)})`);
console.log(`lintText               ${lint.toFixed(0).padStart(6)} ms  ${per(lint)}  (${(lint / floor).toFixed(2)}× floor)`);
console.log(`  rules together       ${rules.toFixed(0).padStart(6)} ms  ${per(rules)}  (${pct(rules)}; target ≤ 50%)`);
console.log(`  rest (messages, control, metrics) ${(lint - build - rules).toFixed(0)} ms`);
for (const [id, ms] of [...timings].sort((a, b) => b[1] - a[1])) console.log(`    ${id.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms  ${pct(ms)}`);
