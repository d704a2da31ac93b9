// `pnpm bench:lsp`: the language server as an editor sees it, over stdio.
//
//   start → first diagnostics     spawn, initialize, didOpen of a three-page letter, first publish
//   didChange → publishDiagnostics 200 edits, debounce 0 (initializationOptions.debounceMs = 0):
//                                  the server's own latency; then 50 edits with the default 150 ms
//                                  debounce (what the writer sees; includes the debounce)
//   memory                         server RSS after 1,000 edits
//   typing letter by letter        new words typed one letter per edit, debounce 0: every prefix
//                                  ("huurachters") is an unknown word for the spelling rule, which
//                                  looks for suggestions (its worst case while typing)
//   core alone                     lintText on the same edits in this process (the adapter's share
//                                  is the difference)
//   --bundle                       run the bundled server of the VS Code extension (dist/server.cjs)
//   --checkout <dir>               run the server of another built checkout (before/after)
//   --start-only                   only start → first diagnostics, 5 times (median and best)
//   --large                        also a 2 MB document: time to its diagnostics (worker thread)
//                                  and how fast a small letter is answered meanwhile
//   --no-spelling                  the same with the spelling rule off (the letters sit in a temporary
//                                  folder with the fixtures' config plus "spelling": "off"): the
//                                  rule's share is the difference
//
// Needs a build (`pnpm build`). Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'packages', 'language-server', 'package.json'));
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');
const bundle = process.argv.includes('--bundle');
const checkoutAt = process.argv.indexOf('--checkout');
const serverRoot = checkoutAt > 0 && process.argv[checkoutAt + 1] ? resolve(process.argv[checkoutAt + 1]) : root;
const SERVER = bundle ? join(serverRoot, 'packages', 'vscode-extension', 'dist', 'server.cjs') : join(serverRoot, 'packages', 'language-server', 'bin', 'huurbrief-language-server.js');
const large = process.argv.includes('--large');
const noSpelling = process.argv.includes('--no-spelling');
/** Where the bench's letters live: the fixtures' folder (its config applies), or a copy of that config without spelling. */
const letters = (() => {
  if (!noSpelling) return join(root, 'fixtures', 'letters');
  const dir = mkdtempSync(join(tmpdir(), 'huurbrief-bench-lsp-'));
  const config = JSON.parse(readFileSync(join(root, 'fixtures', 'letters', 'huurbrief.config.json'), 'utf8'));
  delete config.$schema;
  writeFileSync(join(dir, 'huurbrief.config.json'), JSON.stringify({ ...config, rules: { ...config.rules, spelling: 'off' } }));
  return dir;
})();

const body = (name) => readFileSync(join(root, 'fixtures', 'letters', `${name}.md`), 'utf8').replace(/^---[\s\S]*?---\n/, '').replace(/^# .*\n/m, '');
/** A three-page letter (about 1,400 words): front matter, greeting, the bodies of four fixture letters, closing. */
function threePageLetter() {
  const names = ['overlast', 'renovatie', 'huurverhoging', 'betalingsherinnering', 'afwijzing-verzoek', 'onderhoud-cv-ketel', 'welkom', 'afwijzing-met-alternatief', 'reparatie-bevestiging'];
  const parts = [...names, ...names].map((n) =>
    body(n).replace(/^(Geachte|Beste) .*\n/m, '').replace(/^(Met vriendelijke groet|Hoogachtend),?[\s\S]*$/m, '').trim(),
  );
  let text = '---\nonderwerp: Uw woning en uw huur\n---\n\n# Uw woning en uw huur\n\nGeachte heer Yilmaz,\n\n';
  for (const p of parts) if (text.split(/\s+/).length < 1400) text += `${p}\n\n`;
  return `${text}Met vriendelijke groet,\n\nTeam Wonen\n`;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
/** CPU time (user + system) of a process so far, in ms (Linux /proc; NaN elsewhere). */
const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
};
const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

async function startServer(initializationOptions) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of waiters.splice(0)) (w.match(p) ? w.resolve : (x) => waiters.push(w))(p);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions });
  await connection.sendNotification('initialized', {});
  const next = (uri, version) => new Promise((r) => waiters.push({ match: (p) => p.uri === uri && p.version === version, resolve: r }));
  return { child, connection, next, t0 };
}

async function open(server, name, text) {
  const uri = pathToFileURL(join(letters, name)).href;
  const first = server.next(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const published = await first;
  return { uri, doc: TextDocument.create(uri, 'markdown', 1, text), published };
}

/** Alternately types and removes a sentence with an officialese word (each edit waits for its diagnostics). */
async function edits(server, state, count) {
  const times = [];
  const at = state.doc.getText().indexOf('Met vriendelijke groet');
  const sentence = 'Indien u vragen heeft, belt u ons. ';
  for (let i = 0; i < count; i++) {
    const pos = state.doc.positionAt(at);
    const typing = state.doc.getText().slice(at, at + sentence.length) !== sentence;
    const range = typing ? { start: pos, end: pos } : { start: pos, end: state.doc.positionAt(at + sentence.length) };
    const change = { range, text: typing ? sentence : '' };
    const version = state.doc.version + 1;
    state.doc = TextDocument.create(state.uri, 'markdown', version, TextDocument.applyEdits(state.doc, [{ range, newText: change.text }]));
    const published = server.next(state.uri, version);
    const t = performance.now();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: state.uri, version }, contentChanges: [change] });
    await published;
    times.push(performance.now() - t);
  }
  return times;
}

/** Types each word one letter per edit before the closing, then a space (each edit waits for its diagnostics). */
async function typeWords(server, state, words) {
  const times = [];
  for (const word of words) {
    for (const ch of `${word} `) {
      const at = state.doc.getText().indexOf('Met vriendelijke groet');
      const pos = state.doc.positionAt(at);
      const version = state.doc.version + 1;
      state.doc = TextDocument.create(state.uri, 'markdown', version, TextDocument.applyEdits(state.doc, [{ range: { start: pos, end: pos }, newText: ch }]));
      const published = server.next(state.uri, version);
      const t = performance.now();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: state.uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: ch }] });
      await published;
      times.push(performance.now() - t);
    }
  }
  return times;
}

async function stop(server) {
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
  await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.on('exit', r)));
  server.connection.dispose();
}

const letter = threePageLetter();
console.log(`huurbrief language server benchmark (node ${process.version}, ${bundle ? 'bundled server' : 'bin'}${serverRoot === root ? '' : ` of ${serverRoot}`}${noSpelling ? ', spelling off' : ''}, load average ${loadavg()[0].toFixed(1)}); letter: ${letter.length} characters, ${letter.split(/\s+/).length} words`);

// 1. Start to first diagnostics (process start, module load, initialize, first lint).
{
  const runs = process.argv.includes('--start-only') ? 5 : 1;
  const times = [];
  const cpu = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const server = await startServer({});
    const { published } = await open(server, '_bench-start.md', letter);
    times.push(performance.now() - server.t0);
    cpu.push(cpuMs(server.child.pid));
    findings = published.diagnostics.length;
    await stop(server);
  }
  const extra = runs > 1 ? ` (median of ${runs}; best ${ms(Math.min(...times))})` : '';
  console.log(`start → first diagnostics: ${ms(pct(times, 50))}${extra}, server CPU ${ms(pct(cpu, 50))} (clock ticks of 10 ms), ${findings} findings`);
  if (process.argv.includes('--start-only')) process.exit(0);
}

// 2. didChange → publishDiagnostics, and memory after 1,000 edits.
{
  const server = await startServer({ debounceMs: 0 });
  const state = await open(server, '_bench-edit.md', letter);
  await edits(server, state, 20); // warm-up
  const times = await edits(server, state, 200);
  console.log(`didChange → publishDiagnostics, debounce excluded (0 ms), 200 edits: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}, max ${ms(Math.max(...times))}`);
  const rss220 = rssMb(server.child.pid);
  await edits(server, state, 1000 - 220);
  console.log(`server RSS after 220 edits: ${rss220.toFixed(0)} MB; after 1,000 edits: ${rssMb(server.child.pid).toFixed(0)} MB`);
  await stop(server);
}
{
  const server = await startServer({});
  const state = await open(server, '_bench-debounce.md', letter);
  const times = await edits(server, state, 50);
  console.log(`didChange → publishDiagnostics with the default 150 ms debounce, 50 edits: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
  await stop(server);
}

{
  const server = await startServer({ debounceMs: 0 });
  const state = await open(server, '_bench-typing.md', letter);
  await typeWords(server, state, ['Vriendelijk']); // warm-up (and the spelling lists' background warm-up)
  await new Promise((r) => setTimeout(r, 1000));
  const words = ['Woningaanpassingen', 'servicekostenafrekening', 'sleuteloverdracht', 'huurdersvereniging', 'onderhoudsmonteurs', 'betalingsregelingen', 'eindinspectie', 'schotelantennes'];
  const times = await typeWords(server, state, words);
  console.log(`typing ${words.length} new words letter by letter (debounce 0, ${times.length} edits; every prefix is an unknown word): p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}, max ${ms(Math.max(...times))}`);
  await stop(server);
}

// The core alone on the same texts, in this process (what the adapter adds is the difference).
{
  const { lintText: lint } = await import(pathToFileURL(join(root, 'packages', 'core', 'dist', 'index.js')).href);
  // The node entry registers the spelling word lists and loads the config, as in the server.
  const { ConfigLoader } = await import(pathToFileURL(join(root, 'packages', 'core', 'dist', 'node.js')).href);
  const config = new ConfigLoader().forFile(join(letters, '_bench-core.md')).config;
  const lintText = (text) => lint(text, { config });
  const sentence = 'Indien u vragen heeft, belt u ons. ';
  const at = letter.indexOf('Met vriendelijke groet');
  const texts = [letter.slice(0, at) + sentence + letter.slice(at), letter];
  for (let i = 0; i < 20; i++) lintText(texts[i % 2]);
  const times = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    lintText(texts[i % 2]);
    times.push(performance.now() - t);
  }
  console.log(`core alone (lintText in-process, same edits), 200 runs: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
}

// 3. A 2 MB document (worker thread): the server keeps answering.
if (large) {
  const server = await startServer({});
  let huge = '';
  while (huge.length < 2_000_000) huge += `${letter.replace(/^---[\s\S]*?---\n/, '')}\n`;
  const uri = pathToFileURL(join(letters, '_bench-2mb.md')).href;
  const t = performance.now();
  const done = server.next(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: huge } });
  const small = await open(server, '_bench-small.md', letter);
  console.log(`2 MB document open: a normal letter still gets diagnostics after ${ms(performance.now() - t)} (${small.published.diagnostics.length} findings)`);
  const published = await done;
  console.log(`2 MB document: diagnostics after ${(performance.now() - t) / 1000} s (${published.diagnostics.length} findings); server RSS ${rssMb(server.child.pid).toFixed(0)} MB`);
  await stop(server);
}
