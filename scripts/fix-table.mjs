#!/usr/bin/env node
// Writes the table of fixable word-list entries into docs/fixes.md (between
// the fix-table markers): per entry (and form), where its fix applies or why
// it has none, straight from the data files (`herstel`, `geenHerstel`).
// `--check` fails when the table is stale (run as a test).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = (name) => parse(readFileSync(join(root, 'packages/core/data', `${name}.yml`), 'utf8'));
const one = (v) => (typeof v === 'string' && v !== '') || (Array.isArray(v) && v.length === 1);
const first = (v) => (Array.isArray(v) ? v[0] : v);
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Rows: [list, entry, replacement, fix, why]. */
function rows() {
  const out = [];
  const add = (list, entry, forms, herstel, reason) => {
    for (const [form, repl] of forms) {
      const contexts = Array.isArray(herstel) ? herstel : herstel?.[form];
      out.push([list, form === entry ? `\`${entry}\`` : `\`${entry}\`: \`${form}\``, `"${repl}"`, contexts ? `yes: ${contexts.map((c) => `\`${c}\``).join(', ')}` : 'no', contexts ? '' : reason ?? '']);
    }
  };
  for (const e of data('plain-words')) {
    const forms = [];
    if (e.vormen) for (const [f, r] of Object.entries(e.vormen)) if (one(r)) forms.push([f, first(r)]);
    if (!(e.vormen && e.woord in e.vormen) && one(e.gebruik)) forms.push([e.woord, first(e.gebruik)]);
    if (forms.length) add('plain-words', e.woord, forms, e.herstel, e.geenHerstel);
  }
  for (const e of data('abbreviations')) add('abbreviations', e.afkorting, [[e.afkorting, e.voluit]], e.herstel, e.geenHerstel);
  for (const e of data('long-words')) if (one(e.gebruik)) add('long-words', e.woord, [[e.woord, first(e.gebruik)]], e.herstel, e.geenHerstel);
  for (const e of data('judgement-phrases')) if (e.vervang) add('stock-phrases', e.id, [[e.id, e.vervang]], e.herstel, e.geenHerstel);
  return out;
}

export function table() {
  const r = rows();
  const kept = r.filter((x) => x[3] !== 'no').length;
  let out = `${r.length} entries and forms with one replacement: ${kept} keep a fix, ${r.length - kept} are suggestions only.\n\n`;
  out += '| List | Entry (form) | Replacement | Fix | Why no fix |\n| --- | --- | --- | --- | --- |\n';
  for (const x of r) out += `| ${x.map(cell).join(' | ')} |\n`;
  return out;
}

const START = '<!-- fix-table:start -->';
const END = '<!-- fix-table:end -->';
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = join(root, 'docs/fixes.md');
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/fixes.md: markers ${START} ... ${END} missing`);
  const next = `${doc.slice(0, a + START.length)}\n${table()}${doc.slice(b)}`;
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/fixes.md: the fix table is stale (run node scripts/fix-table.mjs)');
      process.exit(1);
    }
  } else writeFileSync(file, next);
}
