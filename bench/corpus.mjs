// Builds a deterministic corpus of varied Dutch tenant letters from the
// fixtures, for `pnpm bench`. Same count → byte-identical corpus, every run.
//
//   node bench/corpus.mjs [--count 1200] [--out bench/.corpus]
//
// Each letter takes the front matter, title, greeting and closing of one
// fixture and a body of ~3.5–4.5 KB drawn from the paragraphs of all of them:
// seeded shuffles of paragraphs, sentences mixed between paragraphs, names,
// dates, amounts and streets substituted, some paragraphs turned into lists,
// headings and placeholders added. About 4 KB per letter, like real letters.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
function shuffle(r, list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Every Markdown letter under fixtures/ (letters, templates, judgement, ...), sorted. */
function fixtureFiles(dir = join(root, 'fixtures')) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      // English letters would be a different pipeline: the corpus is Dutch.
      if (e.isDirectory()) {
        if (e.name !== 'english') walk(p);
      }
      else if (/\.md$/i.test(e.name) && statSync(p).size < 64 * 1024) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const GREETING = /^(beste|geachte|lieve|hallo|dag|goedemorgen|goedemiddag)\b/i;
const CLOSING = /^(met\s+(vriendelijke|hartelijke)\s+groet|hoogachtend|vriendelijke groet)/i;

/** Splits a fixture into front matter, title, greeting, body paragraphs, closing and signature. */
function dissect(text) {
  text = text.replace(/\r\n/g, '\n').replace(/^\ufeff/, '');
  let front = '';
  const fm = /^---\n[\s\S]*?\n---\n/.exec(text);
  if (fm) {
    front = fm[0];
    text = text.slice(fm[0].length);
  }
  const raw = text.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);
  // A template section ({{#if x}} … {{/if}}) spanning paragraphs stays one unit.
  const blocks = [];
  let depth = 0;
  for (const b of raw) {
    if (depth > 0) blocks[blocks.length - 1] += `\n\n${b}`;
    else blocks.push(b);
    depth += (b.match(/\{\{\s*[#^]/g) ?? []).length - (b.match(/\{\{\s*\//g) ?? []).length;
    if (depth < 0) depth = 0;
  }
  let title = '';
  let greeting = '';
  let closing = [];
  const body = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!title && /^# /.test(b)) title = b;
    else if (!greeting && GREETING.test(b)) greeting = b;
    else if (CLOSING.test(b)) {
      closing = blocks.slice(i);
      break;
    } else if (!/^<!--/.test(b)) body.push(b);
  }
  return { front, title, greeting, closing, body };
}

const SURNAMES = ['Yilmaz', 'Bakker', 'de Vries', 'Jansen', 'El Amrani', 'van den Berg', 'Visser', 'Smit', 'Öztürk', 'Mulder', 'de Boer', 'Kaya', 'Peters', 'Hendriks', 'Bouzid', 'van Dijk'];
const FIRST = ['Sanne', 'Lotte', 'Ahmed', 'Fatma', 'Jan', 'Priya', 'Kees', 'Noor', 'Daan', 'Mila', 'Youssef', 'Ingrid'];
const STREETS = ['Lindelaan', 'Kastanjestraat', 'Vogelbuurt', 'Merelhof', 'Populierendreef', 'Zuiderkade', 'Beukenplein', 'Dorpsstraat'];
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DAYS = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'];
const HEADINGS = ['## Wat betekent dit voor u?', '## Wat vragen we van u?', '## Wat gebeurt er nu?', '## Heeft u vragen?', '## Wanneer?', '## Wat kost het?'];
const EXTRA = [
  'Heeft u vragen? Bel ons op 010-2345678. We helpen u graag.',
  'Wij verzoeken u vriendelijk doch dringend om binnen de gestelde termijn zorg te dragen voor betaling van het openstaande bedrag, teneinde verdere maatregelen te voorkomen.',
  'U kunt ook langskomen op ons kantoor aan de {{kantoor.adres}}. We zijn open van 9.00 tot 17.00 uur.',
  'Indien u niet in de gelegenheid bent om aanwezig te zijn, verzoeken wij u dit tijdig kenbaar te maken, zodat wij in overleg met u een nieuwe afspraak kunnen inplannen.',
  'Dank u wel voor uw begrip. We doen ons best om de overlast zo klein mogelijk te houden.',
  'Meer informatie vindt u op https://www.woonstad.nl/onderhoud of mail naar info@woonstad.nl.',
];

function substitute(r, s) {
  return s
    .replace(/\b(heer|mevrouw) (?!\/)([A-Z][\p{L}]+)/gu, (_, t) => `${t} ${pick(r, SURNAMES)}`)
    .replace(/\b(\d{1,2}) (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/g, () => `${1 + Math.floor(r() * 28)} ${pick(r, MONTHS)}`)
    .replace(/\b(maandag|dinsdag|woensdag|donderdag|vrijdag)\b/g, () => pick(r, DAYS))
    .replace(/€ ?(\d{1,3}(?:\.\d{3})*),(\d{2})/g, () => `€ ${(10 + Math.floor(r() * 1900)).toLocaleString('nl-NL')},${String(Math.floor(r() * 100)).padStart(2, '0')}`)
    .replace(/\b(Lindelaan|Vogelbuurt)\b/g, () => pick(r, STREETS))
    .replace(/\b(Sanne|Lotte) (de Vries|Visser)\b/g, () => `${pick(r, FIRST)} ${pick(r, SURNAMES)}`);
}

/** Sentences: a terminator, white space, then a capital or a placeholder (keeps "m.b.t.", "19.30", e-mail addresses whole). */
const sentences = (p) => p.split(/(?<=[.!?])\s+(?=[\p{Lu}{«])/u);
const isBlock = (p) => /^(?:[-*#>]|\d+\.\s)/.test(p) || isSection(p);
const isSection = (p) => /\{\{\s*[#^/]/.test(p);

/** One letter, fully determined by `index` and the fixtures. */
export function makeLetter(index, parts, pool) {
  const r = rng(0x9e3779b9 ^ Math.imul(index + 1, 2654435761));
  const base = parts[index % parts.length];
  const target = 3500 + Math.floor(r() * 1000);
  const body = [];
  let size = base.front.length + base.title.length + base.greeting.length + base.closing.join('\n\n').length;
  const order = shuffle(r, pool);
  let k = 0;
  while (size < target && order.length) {
    let p = order[k++ % order.length];
    // About one letter in five is a template with conditional sections (one section each).
    if (isSection(p)) {
      if (index % 5 !== 0 || body.some(isSection)) {
        if (k > order.length * 3) break;
        continue;
      }
    }
    const roll = r();
    if (roll < 0.25) {
      // Mix sentences from two paragraphs.
      const other = pick(r, pool);
      if (!isBlock(p) && !isBlock(other)) p = shuffle(r, [...sentences(p), ...sentences(other).slice(0, 2)]).join(' ');
    } else if (roll < 0.33 && !isBlock(p)) {
      // A paragraph as a list.
      p = sentences(p).map((x) => `- ${x}`).join('\n');
    } else if (roll < 0.4 && !/^#/.test(body.at(-1) ?? '#')) {
      body.push(pick(r, HEADINGS));
    } else if (roll < 0.48) {
      p = pick(r, EXTRA);
    }
    if (/^#/.test(p) && /^#/.test(body.at(-1) ?? '#')) continue;
    p = substitute(r, p);
    body.push(p);
    size += p.length + 2;
  }
  const greeting = substitute(r, base.greeting || 'Beste {{huurder.naam}},');
  const closing = base.closing.map((c) => substitute(r, c));
  const front = base.front ? substitute(r, base.front) : '';
  return `${front}\n${base.title ? `${substitute(r, base.title)}\n\n` : ''}${greeting}\n\n${body.join('\n\n')}\n\n${closing.join('\n\n')}\n`.replace(/^\n/, '');
}

/** Writes `count` letters into `out` (reused when already complete and identical). Returns the file list. */
export function buildCorpus({ count = 1200, out = join(root, 'bench', '.corpus', String(count)) } = {}) {
  const files = fixtureFiles();
  const parts = files.map((f) => dissect(readFileSync(f, 'utf8'))).filter((p) => p.body.length > 0);
  if (!parts.length) throw new Error('no fixture letters found under fixtures/');
  const pool = parts.flatMap((p) => p.body);
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
  for (const f of files) hash.update(relative(root, f)).update(readFileSync(f));
  const stamp = `${count}:${hash.digest('hex').slice(0, 16)}`;
  const stampFile = join(out, '.stamp');
  const names = Array.from({ length: count }, (_, i) => join(out, `d${String(Math.floor(i / 1000)).padStart(2, '0')}`, `brief-${String(i).padStart(5, '0')}.md`));
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { files: names, bytes: -1, fixtures: files.length };
  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = makeLetter(i, parts, pool);
    mkdirSync(dirname(names[i]), { recursive: true });
    writeFileSync(names[i], text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(stampFile, stamp);
  return { files: names, bytes, fixtures: files.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = (name, d) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : d;
  };
  const count = Number(at('--count', '1200'));
  const out = resolve(at('--out', join(root, 'bench', '.corpus', String(count))));
  const res = buildCorpus({ count, out });
  process.stdout.write(`${res.files.length} brieven in ${relative(process.cwd(), out) || out} (uit ${res.fixtures} fixtures)\n`);
}
