import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, ConfigError, resolveConfig } from '../../src/index.js';
import { ConfigLoader, findConfigFile } from '../../src/node.js';

const resolve = (config: unknown) => resolveConfig([{ file: 'huurbrief.config.json', config }], allRules);
const errorOf = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('resolveConfig', () => {
  it('uses the recommended preset without extends', () => {
    const c = resolve({});
    expect(c.rules['sentence-length']).toEqual({ severity: 'error', options: { warning: 20, error: 30 } });
    expect(c.level).toBe('B1');
    expect(c.lang).toBe('nl');
  });

  it('applies severities and options over the preset', () => {
    const c = resolve({ extends: ['huurbrief:recommended'], rules: { 'sentence-length': ['warn', { warning: 15 }], 'plain-words': 'off' } });
    expect(c.rules['sentence-length']).toEqual({ severity: 'warning', options: { warning: 15, error: 30 } });
    expect(c.rules['plain-words']).toBeUndefined();
  });

  it('names the file and key of an unknown rule, with a suggestion', () => {
    const e = errorOf(() => resolve({ rules: { 'sentence-lenght': 'warn' } }));
    expect(e.file).toBe('huurbrief.config.json');
    expect(e.key).toBe('rules.sentence-lenght');
    expect(e.reason).toBe('onbekende regel "sentence-lenght" (bedoelt u "sentence-length"?)');
  });

  it('rejects a bad severity, a bad option and an unknown option', () => {
    expect(errorOf(() => resolve({ rules: { 'plain-words': 'warning' } })).reason).toMatch(/ongeldig niveau "warning"/);
    const bad = errorOf(() => resolve({ rules: { 'sentence-length': ['warn', { warning: 'twintig' }] } }));
    expect([bad.key, bad.reason]).toEqual(['rules.sentence-length.warning', 'moet een geheel getal zijn']);
    const unknown = errorOf(() => resolve({ rules: { 'sentence-length': ['warn', { maximum: 3 }] } }));
    expect(unknown.key).toBe('rules.sentence-length.maximum');
    expect(unknown.reason).toMatch(/^onbekende sleutel/);
  });

  it('rejects unknown top-level keys, levels and presets', () => {
    expect(errorOf(() => resolve({ regels: {} })).key).toBe('regels');
    expect(errorOf(() => resolve({ level: 'B3' })).reason).toMatch(/"A2", "B1", "B2", "C1"/);
    expect(errorOf(() => resolve({ extends: ['huurbrief:recomended'] })).reason).toMatch(/bedoelt u "huurbrief:recommended"/);
  });
});

describe('config files on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'huurbrief-config-'));
  mkdirSync(join(root, 'team/brieven'), { recursive: true });
  writeFileSync(join(root, 'basis.json'), JSON.stringify({ level: 'A2', rules: { 'plain-words': 'error' } }));
  writeFileSync(join(root, 'team/huurbrief.config.json'), JSON.stringify({ extends: ['huurbrief:recommended', '../basis.json'], rules: { 'sentence-length': 'off' } }));

  it('finds the nearest config upwards and follows extends', () => {
    expect(findConfigFile(join(root, 'team/brieven'))).toBe(join(root, 'team/huurbrief.config.json'));
    const loaded = new ConfigLoader().forFile(join(root, 'team/brieven/brief.md'));
    expect(loaded.config.level).toBe('A2');
    expect(loaded.config.rules['plain-words']?.severity).toBe('error');
    expect(loaded.config.rules['sentence-length']).toBeUndefined();
    expect([...loaded.files].sort()).toEqual([join(root, 'basis.json'), join(root, 'team/huurbrief.config.json')]);
  });

  it('reports malformed JSON with the file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huurbrief-bad-'));
    writeFileSync(join(dir, '.huurbriefrc.json'), '{\n  "level": "B1",\n  "rules": { "plain-words": "warn", }\n}\n');
    const e = errorOf(() => new ConfigLoader().forFile(join(dir, 'brief.md')));
    expect(e.file).toBe(join(dir, '.huurbriefrc.json'));
    expect(e.key).toMatch(/^regel 3, kolom \d+$/);
    expect(e.reason).toMatch(/^geen geldige JSON/);
  });

  it('detects extends cycles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huurbrief-cycle-'));
    writeFileSync(join(dir, 'huurbrief.config.json'), JSON.stringify({ extends: ['./b.json'] }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ extends: ['./huurbrief.config.json'] }));
    expect(errorOf(() => new ConfigLoader().forFile(join(dir, 'brief.md'))).reason).toMatch(/kringverwijzing/);
  });
});
