import { didYouMean, getRule, allRules, type ConfigLayer } from '@huurbrief/core';
import { jsonReasonNl, UsageError } from '../errors.js';

const LEVELS = ['off', 'info', 'warn', 'error'];

/**
 * Parses `--rule` values into one config layer over every file's config:
 *   'plain-words: off'
 *   'sentence-length: ["warn", {"warning": 15}]'
 *   '{"plain-words": "off", "sentence-length": "error"}'
 * Levels and options are checked by the config resolver like a config file's
 * (errors name `--rule` and the key).
 */
export function parseRuleFlags(values: readonly string[]): ConfigLayer[] {
  if (values.length === 0) return [];
  const rules: Record<string, unknown> = {};
  for (const raw of values) {
    const value = raw.trim();
    if (value.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch (error) {
        throw new UsageError(`--rule ${JSON.stringify(raw)}: geen geldige JSON (${error instanceof Error ? jsonReasonNl(error.message) : String(error)})`);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--rule ${JSON.stringify(raw)}: verwacht {"regel": "niveau"}`);
      for (const [id, setting] of Object.entries(parsed)) rules[checkId(id, raw)] = setting;
      continue;
    }
    const colon = value.indexOf(':');
    if (colon === -1) throw new UsageError(`--rule ${JSON.stringify(raw)}: schrijf 'regel: niveau', bijvoorbeeld 'plain-words: off'`);
    const id = checkId(value.slice(0, colon).trim(), raw);
    const setting = value.slice(colon + 1).trim();
    if (setting.startsWith('[') || setting.startsWith('"')) {
      try {
        rules[id] = JSON.parse(setting);
      } catch (error) {
        throw new UsageError(`--rule ${JSON.stringify(raw)}: geen geldige JSON na de dubbele punt (${error instanceof Error ? jsonReasonNl(error.message) : String(error)})`);
      }
    } else if (LEVELS.includes(setting)) {
      rules[id] = setting;
    } else {
      throw new UsageError(`--rule ${JSON.stringify(raw)}: onbekend niveau "${setting}"; kies uit ${LEVELS.join(', ')} of ["niveau", {opties}]`);
    }
  }
  return [{ file: '--rule', config: { rules } }];
}

function checkId(id: string, raw: string): string {
  if (getRule(id)) return id;
  const near = didYouMean(id, allRules.map((r) => r.meta.id));
  throw new UsageError(`--rule ${JSON.stringify(raw)}: onbekende regel "${id}"${near ? ` (bedoelt u "${near}"?)` : ''}; zie huurbrief rules`);
}
