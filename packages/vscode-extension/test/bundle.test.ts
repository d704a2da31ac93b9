import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { startClient } from '../../language-server/test/helpers/client.js';
import { fixture, OpenDocument, REPO } from '../../language-server/test/helpers/documents.js';

// What the .vsix ships: the client, one CommonJS server file and its lint worker, no node_modules.
// Built once here (`package` bundles first), then both the .vsix and the bundled server are checked.
/** One entry of a zip file (via the central directory; stored or deflated), without an unzip tool. */
function zipEntry(zip: Buffer, name: string): string {
  for (let at = zip.indexOf('PK\x01\x02', 0, 'latin1'); at !== -1; at = zip.indexOf('PK\x01\x02', at + 4, 'latin1')) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) !== name) continue;
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
  }
  throw new Error(`${name} ontbreekt in het .vsix-bestand`);
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${ROOT}dist/`;

beforeAll(() => {
  execFileSync(process.execPath, [`${ROOT}scripts/package.mjs`], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

it('`package` builds a .vsix with client, server and worker bundles and no node_modules', () => {
  const vsix = `${ROOT}huurbrief.vsix`;
  const bytes = readFileSync(vsix);
  // A .vsix is a zip: the central directory lists every entry name in plain text.
  const names = bytes.toString('latin1');
  for (const f of ['extension/package.json', 'extension/dist/extension.cjs', 'extension/dist/server.cjs', 'extension/dist/lint-worker.cjs']) {
    expect(names).toContain(f);
  }
  expect(names).not.toContain('node_modules/');
  // The spelling word lists (Dutch and English, ~2 MB compressed) and their licences ship next to the server.
  for (const f of ['nl.btrie', 'en.btrie', 'nl.json', 'en.json', 'cspell.cjs', 'NOTICE.md']) expect(names).toContain(`extension/dist/spelling/${f}`);
  expect(zipEntry(bytes, 'extension/dist/spelling/NOTICE.md')).toContain('OpenTaal');
  expect(statSync(vsix).size).toBeLessThan(4 * 1024 * 1024);
  const manifest = JSON.parse(zipEntry(bytes, 'extension/package.json')) as Record<string, unknown>;
  expect(manifest['main']).toBe('./dist/extension.cjs');
  expect(manifest['dependencies']).toBeUndefined();
  // huurbrief.config.json gets completion and checks from the schema shipped in the .vsix, and the licence is in it.
  for (const f of ['extension/config-schema.json', 'extension/LICENSE', 'extension/icon.png']) expect(names).toContain(f);
  expect(manifest['icon']).toBe('icon.png');
  expect((manifest['contributes'] as { jsonValidation: unknown }).jsonValidation).toEqual([{ fileMatch: ['huurbrief.config.json', '.huurbriefrc.json'], url: './config-schema.json' }]);
  expect(JSON.parse(zipEntry(bytes, 'extension/config-schema.json')).properties.rules).toBeDefined();
});


describe('the bundled server (dist/server.cjs)', () => {
  it('lints a letter on the main thread and a large one in the bundled worker', async () => {
    const client = await startClient({ rootUri: pathToFileURL(REPO).href, serverBin: `${DIST}server.cjs` });
    const text = readFileSync(fixture('overlast.md'), 'utf8');
    const small = fixture('_bundle-small.md');
    const smallDone = client.nextDiagnostics(pathToFileURL(small).href, 1);
    await OpenDocument.open(client.connection, small, text);
    const diags = (await smallDone).diagnostics;
    expect(diags.some((d) => d.code === 'plain-words')).toBe(true);

    // The spelling rule finds its word lists in dist/spelling/, next to the bundled server.
    const typo = fixture('_bundle-typo.md');
    const typoDone = client.nextDiagnostics(pathToFileURL(typo).href, 1);
    await OpenDocument.open(client.connection, typo, 'Beste mevrouw Jansen,\n\nWij hebben u eerder geinformeerd over het onderhoud.\n\nMet vriendelijke groet,\n\nKarin de Vries\n');
    const typoDiags = (await typoDone).diagnostics;
    expect(typoDiags.filter((d) => d.code === 'spelling').map((d) => d.message)).toEqual(['Onbekend woord "geinformeerd": bedoelt u "geïnformeerd"?']);

    // Above the worker threshold (60,000 characters): dist/lint-worker.cjs must be found next to server.cjs.
    const large = fixture('_bundle-large.md');
    const largeDone = client.nextDiagnostics(pathToFileURL(large).href, 1);
    await OpenDocument.open(client.connection, large, Array.from({ length: 40 }, () => text.replace(/^---[\s\S]*?---\n/, '')).join('\n'));
    const largeDiags = (await largeDone).diagnostics;
    expect(largeDiags.filter((d) => d.code === 'plain-words').length).toBeGreaterThanOrEqual(40);
    expect(largeDiags.some((d) => d.code === 'internal-error')).toBe(false);
    // The worker thread loads the word lists too (no "Regel spelling faalde").
    expect(largeDiags.filter((d) => d.code === 'spelling')).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  }, 120_000);
});
