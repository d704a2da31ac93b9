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

  it('uses a shareable config installed under node_modules through extends (package name)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huurbrief-shared-'));
    const pkg = join(dir, 'node_modules/@woonstad/huurbrief-config');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@woonstad/huurbrief-config', version: '1.0.0', main: 'huisstijl.json' }));
    writeFileSync(join(pkg, 'huisstijl.json'), JSON.stringify({ extends: ['huurbrief:recommended', './extra.json'], level: 'A2', woorden: { negeren: ['WoonWijzer'] } }));
    writeFileSync(join(pkg, 'extra.json'), JSON.stringify({ rules: { 'passive-voice': 'off' } }));
    // A second package with no JSON main: its huurbrief.config.json is the config.
    const plain = join(dir, 'node_modules/huurbrief-config-incasso');
    mkdirSync(plain, { recursive: true });
    writeFileSync(join(plain, 'package.json'), JSON.stringify({ name: 'huurbrief-config-incasso', version: '1.0.0' }));
    writeFileSync(join(plain, 'huurbrief.config.json'), JSON.stringify({ rules: { threatening: 'warn' } }));
    mkdirSync(join(dir, 'brieven'));
    writeFileSync(join(dir, 'brieven/huurbrief.config.json'), JSON.stringify({ extends: ['@woonstad/huurbrief-config', 'huurbrief-config-incasso'], rules: { 'sentence-length': 'off' } }));
    const loaded = new ConfigLoader().forFile(join(dir, 'brieven/brief.md'));
    expect(loaded.config.level).toBe('A2');
    expect(loaded.config.woorden.negeren).toEqual(['WoonWijzer']);
    expect(loaded.config.rules['passive-voice']).toBeUndefined();
    expect(loaded.config.rules['sentence-length']).toBeUndefined();
    expect(loaded.config.rules['threatening']?.severity).toBe('warning');
    expect([...loaded.files]).toContain(join(pkg, 'huisstijl.json'));
  });

  it('names a shareable config that is not installed, and how to install it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huurbrief-missing-'));
    writeFileSync(join(dir, 'huurbrief.config.json'), JSON.stringify({ extends: ['huurbrief:recommended', '@woonstad/huurbrief-config'] }));
    const e = errorOf(() => new ConfigLoader().forFile(join(dir, 'brief.md')));
    expect([e.file, e.key]).toEqual([join(dir, 'huurbrief.config.json'), 'extends[1]']);
    expect(e.reason).toBe('kan het pakket "@woonstad/huurbrief-config" niet vinden vanuit deze map (installeer het met: npm install --save-dev @woonstad/huurbrief-config)');
  });

  it('detects extends cycles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'huurbrief-cycle-'));
    writeFileSync(join(dir, 'huurbrief.config.json'), JSON.stringify({ extends: ['./b.json'] }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ extends: ['./huurbrief.config.json'] }));
    expect(errorOf(() => new ConfigLoader().forFile(join(dir, 'brief.md'))).reason).toMatch(/kringverwijzing/);
  });
});
