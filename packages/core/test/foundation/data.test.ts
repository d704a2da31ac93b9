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

  describe('fix conditions (herstel) are checked with the data', () => {
    const fixSchema = { ...schema, herstel: { base: 'gebruik', forms: 'vormen' }, fields: { ...schema.fields, vormen: { type: 'object' }, herstel: { type: 'any' }, geenHerstel: { type: 'string' } } };
    const contexts = new Set(['overal', 'zinsbegin', 'modaal']);
    const loadFix = (yaml: string) => {
      const file = join(mkdtempSync(join(tmpdir(), 'huurbrief-data-')), 'lijst.yml');
      writeFileSync(file, yaml);
      return () => loadDataFile(file, fixSchema, contexts);
    };

    it('a new entry with one replacement must say where its fix applies, or why it has none', () => {
      expect(loadFix('- woord: indien\n  gebruik: [als]\n')).toThrow(/entry 1 \(indien\): no "herstel" or "geenHerstel" for "indien"/);
      expect(loadFix('- woord: indien\n  gebruik: [als]\n  herstel: [overal]\n')).not.toThrow();
      expect(loadFix("- woord: echter\n  gebruik: [maar]\n  geenHerstel: 'needs another word order'\n")).not.toThrow();
    });

    it('rejects an unknown context, an empty list and a fix where there is more than one replacement', () => {
      expect(loadFix('- woord: indien\n  gebruik: [als]\n  herstel: [overall]\n')).toThrow(/unknown context "overall"/);
      expect(loadFix('- woord: indien\n  gebruik: [als]\n  herstel: []\n')).toThrow(/non-empty list/);
      expect(loadFix('- woord: middels\n  gebruik: [met, door]\n  herstel: [overal]\n')).toThrow(/no form with exactly one replacement/);
    });

    it('per form: forms must exist and have one replacement; the rest need a reason', () => {
      const forms = '- woord: dienen\n  vormen: {dient: moet, diende: moest, dienden: [moesten, hoorden]}\n';
      expect(loadFix(`${forms}  herstel: {dient: [modaal], diende: [modaal]}\n`)).not.toThrow();
      expect(loadFix(`${forms}  herstel: {dient: [modaal]}\n`)).toThrow(/no "herstel" or "geenHerstel" for "diende"/);
      expect(loadFix(`${forms}  herstel: {dienden: [modaal]}\n`)).toThrow(/"dienden" is not a form with exactly one replacement/);
      expect(loadFix(`${forms}  herstel: {dient: [modaal], diende: [modaal]}\n  geenHerstel: x\n`)).toThrow(/every form has a "herstel"/);
    });
  });

  it('every fix context in the data has a check in the engine, and no check is unnamed', async () => {
    const { CONTEXT_NAMES, CONTEXT_CHECKS } = await import('../../src/engine/fix-contexts.js');
    expect([...CONTEXT_NAMES].sort()).toEqual(Object.keys(CONTEXT_CHECKS).sort());
  });

  it('the generated modules are up to date with the data files', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'scripts/build-data.mjs'), '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
