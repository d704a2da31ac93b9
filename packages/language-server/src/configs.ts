import { basename, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILES, ConfigLoader, type LoadedConfig } from '@huurbrief/core/node';
import type { Settings } from './settings.js';

/** The file system path of a document URI, or undefined for `untitled:` and other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Config lookup for open documents, through the same `ConfigLoader` as the CLI
 * (same files, same resolution, so the same findings). One loader per
 * combination of the `configPath` and `level` settings; all of them are
 * cleared when a config file changes.
 */
export class Configs {
  private readonly loaders = new Map<string, ConfigLoader>();
  /** Every config file that went into a loaded config (for file-change events). */
  private readonly known = new Set<string>();

  constructor(private readonly folders: () => readonly string[]) {}

  /** The workspace folders (or the cwd when there are none). */
  roots(): readonly string[] {
    const folders = this.folders();
    return folders.length ? folders : [process.cwd()];
  }

  /** The folder a document belongs to: its workspace folder, else the first folder, else the cwd. */
  folderFor(path: string | undefined): string {
    const folders = this.folders();
    if (path) {
      const match = folders.filter((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
      if (match) return match;
    }
    return folders[0] ?? process.cwd();
  }

  /** The letter path used for config lookup: the file itself, or `untitled.md` in the workspace folder. */
  lookupPath(uri: string): string {
    return uriToPath(uri) ?? join(this.folderFor(undefined), 'untitled.md');
  }

  /** Finds and resolves the config for a document. Throws `ConfigError` for a broken config. */
  forDocument(uri: string, settings: Settings): LoadedConfig {
    const path = this.lookupPath(uri);
    const configFile = settings.configPath
      ? isAbsolute(settings.configPath)
        ? settings.configPath
        : resolve(this.folderFor(uriToPath(uri)), settings.configPath)
      : '';
    const key = `${configFile}\u0000${settings.level}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new ConfigLoader({
        ...(configFile ? { configFile } : {}),
        ...(settings.level ? { overrides: [{ file: 'instelling huurbrief.level', config: { level: settings.level } }] } : {}),
      });
      this.loaders.set(key, loader);
    }
    const loaded = loader.forFile(path);
    for (const f of loaded.files) this.known.add(f);
    return loaded;
  }

  /** True when a changed file can affect a config: a config file name, or a file some config extends. */
  isConfigFile(path: string): boolean {
    return (CONFIG_FILES as readonly string[]).includes(basename(path)) || this.known.has(resolve(path));
  }

  clear(): void {
    for (const loader of this.loaders.values()) loader.clear();
    this.loaders.clear();
    this.known.clear();
  }
}
