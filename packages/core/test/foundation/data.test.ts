import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without types
import { loadDataFile } from '../../../../scripts/build-data.mjs';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const schema = { key: 'woord', fields: { woord: { type: 'string', required: true }, gebruik: { type: 'array' } } };
const load = (yaml: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'huurbrief-data-')), 'lijst.yml');
  writeFileSync(file, yaml);
  return () => loadDataFile(file, schema);
};

describe('rule data files are loaded strictly', () => {
  it('accepts a well-formed list', () => {
    expect(load('- woord: indien\n  gebruik: [als]\n')()).toEqual([{ woord: 'indien', gebruik: ['als'] }]);
  });

  it('rejects an unknown key, naming the entry', () => {
    expect(load('- woord: indien\n  gebruk: [als]\n')).toThrow(/entry 1 \(indien\): unknown key "gebruk"/);
  });

  it('rejects a duplicate entry, naming both', () => {
    expect(load('- woord: indien\n- woord: reeds\n- woord: Indien\n')).toThrow(/entry 3 \(Indien\): duplicate of entry 1/);
  });

  it('rejects a missing required key and a wrong type', () => {
    expect(load('- gebruik: [als]\n')).toThrow(/missing key "woord"/);
    expect(load('- woord: indien\n  gebruik: als\n')).toThrow(/key "gebruik" should be array, is string/);
  });

  it('the generated modules are up to date with the data files', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'scripts/build-data.mjs'), '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
