// The parse-only floor: the same pipeline @huurbrief/core uses (remark-parse +
// remark-frontmatter + remark-retext with parse-dutch), no rules, whole process.
// Any unified-based linter pays at least this.  node bench/floor.mjs <dir>
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const core = createRequire(new URL('../packages/core/package.json', import.meta.url));
const load = async (name) => (await import(pathToFileURL(core.resolve(name)).href)).default ?? (await import(pathToFileURL(core.resolve(name)).href));
const { unified } = await import(pathToFileURL(core.resolve('unified')).href);
const { ParseDutch } = await import(pathToFileURL(core.resolve('parse-dutch')).href);
const remarkParse = await load('remark-parse');
const remarkFrontmatter = await load('remark-frontmatter');
const remarkRetext = await load('remark-retext');
const { VFile } = await import(pathToFileURL(core.resolve('vfile')).href);

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkRetext, ParseDutch).freeze();

const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.md')) files.push(p);
  }
};
walk(process.argv[2] ?? 'bench/.corpus');
files.sort();
let sentences = 0;
for (const f of files) {
  const file = new VFile({ value: readFileSync(f, 'utf8') });
  const tree = processor.runSync(processor.parse(file), file);
  for (const p of tree.children) if (p.type === 'ParagraphNode') sentences += p.children.length;
}
process.stdout.write(`${files.length} files, ${sentences} sentence-ish nodes\n`);
