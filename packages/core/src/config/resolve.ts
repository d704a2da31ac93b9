import type { HuurbriefConfig, Level, ResolvedConfig, ResolvedRule, Rule, Severity, SeveritySetting } from '../types.js';
import { ConfigError } from './errors.js';
import { configShape } from './schema.js';
import { validate } from './validate.js';

export const PRESETS = ['huurbrief:recommended', 'huurbrief:strict'] as const;
export type PresetName = (typeof PRESETS)[number];

/** One parsed config file (or an object given in code). */
export interface ConfigLayer {
  /** Where it came from, for error messages. */
  file: string;
  config: unknown;
}

const SEVERITIES: Record<SeveritySetting, Severity | null> = { off: null, info: 'info', warn: 'warning', error: 'error' };

export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** "bedoelt u ...?" for near misses, or ''. */
export function didYouMean(name: string, known: Iterable<string>): string {
  let best = '';
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : '';
}

/** The rules a preset turns on, with their severities and options. */
export function presetRules(preset: PresetName, rules: readonly Rule[]): Record<string, ResolvedRule> {
  const out: Record<string, ResolvedRule> = {};
  for (const r of rules) {
    const m = r.meta;
    const inRecommended = m.presets.includes('recommended');
    if (preset === 'huurbrief:recommended' && inRecommended) {
      out[m.id] = { severity: m.defaultSeverity, options: { ...(m.defaultOptions ?? {}) } };
    } else if (preset === 'huurbrief:strict' && (inRecommended || m.presets.includes('strict'))) {
      out[m.id] = {
        severity: m.strictSeverity ?? m.defaultSeverity,
        options: { ...(m.defaultOptions ?? {}), ...(m.strictOptions ?? {}) },
      };
    }
  }
  return out;
}

function parseSetting(
  rule: Rule,
  setting: unknown,
  file: string,
  key: string,
): { severity: Severity | null; options: Record<string, unknown> | undefined } {
  let level: unknown = setting;
  let options: unknown;
  if (Array.isArray(setting)) {
    if (setting.length < 1 || setting.length > 2) throw new ConfigError(file, key, 'verwacht "off" | "info" | "warn" | "error" of [niveau, {opties}]');
    level = setting[0];
    options = setting[1];
  }
  if (typeof level !== 'string' || !(level in SEVERITIES)) {
    throw new ConfigError(file, key, `ongeldig niveau ${JSON.stringify(level)}: gebruik "off", "info", "warn" of "error"`);
  }
  if (options !== undefined) {
    const schema = rule.meta.options ?? { type: 'object' as const, additionalProperties: false, properties: {} };
    const problem = validate(schema, options, '');
    if (problem) throw new ConfigError(file, problem.key ? `${key}.${problem.key}` : key, problem.reason);
  }
  return { severity: SEVERITIES[level as SeveritySetting], options: options as Record<string, unknown> | undefined };
}

/**
 * Merges config layers (earliest first) over the presets they extend into one
 * resolved config. Pure: the node entry reads the files. Without any `extends`
 * the recommended preset is the base. Every problem is a ConfigError naming
 * the file and the key.
 */
export function resolveConfig(layers: readonly ConfigLayer[], rules: readonly Rule[]): ResolvedConfig {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const resolved: ResolvedConfig = {
    lang: 'nl',
    level: 'B1',
    rules: {},
    placeholders: { delimiters: [], syllables: 2, fields: [] },
    organisatie: { iban: [], telefoon: [], domeinen: [] },
    woorden: { vermijden: [], voorkeur: [], negeren: [] },
    ignorePatterns: [],
  };
  const anyExtends = layers.some((l) => l.config && typeof l.config === 'object' && 'extends' in (l.config as object));
  if (!anyExtends) resolved.rules = presetRules('huurbrief:recommended', rules);

  for (const layer of layers) {
    const problem = validate(configShape, layer.config, '');
    if (problem) throw new ConfigError(layer.file, problem.key, problem.reason);
    const c = layer.config as HuurbriefConfig;
    for (const [i, name] of (c.extends ?? []).entries()) {
      if (name.startsWith('.') || name.startsWith('/')) continue; // files: expanded by the node loader
      if (!(PRESETS as readonly string[]).includes(name)) {
        const near = didYouMean(name, PRESETS);
        throw new ConfigError(layer.file, `extends[${i}]`, `onbekende preset "${name}"${near ? ` (bedoelt u "${near}"?)` : ''}; kies uit ${PRESETS.join(', ')}`);
      }
      resolved.rules = { ...resolved.rules, ...presetRules(name as PresetName, rules) };
    }
    if (c.lang) resolved.lang = c.lang;
    if (c.level) resolved.level = c.level as Level;
    if (c.placeholders?.delimiters) {
      for (const [i, d] of c.placeholders.delimiters.entries()) {
        if (d.length !== 2 || !d[0] || !d[1]) throw new ConfigError(layer.file, `placeholders.delimiters[${i}]`, 'verwacht een paar ["open", "sluit"], bijv. ["[", "]"]');
      }
      resolved.placeholders.delimiters = c.placeholders.delimiters;
    }
    if (c.placeholders?.syllables !== undefined) resolved.placeholders.syllables = c.placeholders.syllables;
    if (c.placeholders?.fields) resolved.placeholders.fields = [...new Set([...resolved.placeholders.fields, ...c.placeholders.fields])];
    if (c.organisatie) {
      const o = c.organisatie;
      if (o.naam !== undefined) resolved.organisatie.naam = o.naam;
      if (o.iban) resolved.organisatie.iban = o.iban;
      if (o.telefoon) resolved.organisatie.telefoon = o.telefoon;
      if (o.domeinen) resolved.organisatie.domeinen = o.domeinen;
    }
    if (c.woorden) {
      if (c.woorden.vermijden) resolved.woorden.vermijden = c.woorden.vermijden;
      if (c.woorden.voorkeur) resolved.woorden.voorkeur = c.woorden.voorkeur;
      if (c.woorden.negeren) resolved.woorden.negeren = c.woorden.negeren;
    }
    if (c.ignorePatterns) resolved.ignorePatterns = [...resolved.ignorePatterns, ...c.ignorePatterns];
    for (const [id, setting] of Object.entries(c.rules ?? {})) {
      const key = `rules.${id}`;
      const rule = byId.get(id);
      if (!rule) {
        const near = didYouMean(id, byId.keys());
        throw new ConfigError(layer.file, key, `onbekende regel "${id}"${near ? ` (bedoelt u "${near}"?)` : ''}`);
      }
      const { severity, options } = parseSetting(rule, setting, layer.file, key);
      if (severity === null) {
        delete resolved.rules[id];
        continue;
      }
      const base = resolved.rules[id]?.options ?? { ...(rule.meta.defaultOptions ?? {}) };
      resolved.rules[id] = { severity, options: options ? { ...base, ...options } : base };
    }
  }
  return resolved;
}
