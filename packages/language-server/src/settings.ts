import type { Level } from '@huurbrief/core';

/** Per-resource settings (VS Code: `huurbrief.*`, scope `resource`). */
export interface Settings {
  enable: boolean;
  /** A config file to use instead of looking one up (relative to the workspace folder). */
  configPath: string;
  /** Overrides the config's target level; '' keeps the config's level (same findings as the CLI). */
  level: '' | Level;
  run: 'onType' | 'onSave';
}

export const DEFAULT_SETTINGS: Settings = { enable: true, configPath: '', level: '', run: 'onType' };

const LEVELS: readonly string[] = ['A2', 'B1', 'B2', 'C1'];

/** Reads what a client returned for `workspace/configuration`; anything odd falls back to the default. */
export function normaliseSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_SETTINGS };
  const r = raw as Record<string, unknown>;
  return {
    enable: typeof r['enable'] === 'boolean' ? r['enable'] : DEFAULT_SETTINGS.enable,
    configPath: typeof r['configPath'] === 'string' ? r['configPath'].trim() : '',
    level: typeof r['level'] === 'string' && LEVELS.includes(r['level']) ? (r['level'] as Level) : '',
    run: r['run'] === 'onSave' ? 'onSave' : 'onType',
  };
}
