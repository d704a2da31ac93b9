import { createHash } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { allRules, VERSION, type LintResult, type ResolvedConfig } from '@huurbrief/core';

/** Default cache file, in the current directory (`--cache-location` moves it). */
export const CACHE_FILE = '.huurbriefcache';

/** Bumped when the file layout changes: an older file is then ignored. */
const FORMAT = 1;

interface Entry {
  /** sha1 of the file's bytes. */
  h: string;
  /** Hash of the resolved config the file was linted with. */
  c: string;
  r: LintResult;
}

interface CacheFile {
  huurbriefCache: number;
  /** VERSION + rule set; any difference drops every entry. */
  engine: string;
  entries: Record<string, Entry>;
}

let engineKey: string | undefined;
/**
 * huurbrief version + the rule set: every rule's id, meta (messages, defaults,
 * presets) and the source of its check. A new or changed rule invalidates the
 * whole cache, so a cached result never hides a finding a new rule would make.
 */
export function engineHash(): string {
  if (engineKey) return engineKey;
  const h = createHash('sha1').update(`huurbrief ${VERSION}\n`);
  for (const rule of allRules) {
    const { examples: _examples, rationale: _rationale, ...meta } = rule.meta;
    h.update(JSON.stringify(meta)).update(rule.check.toString());
  }
  engineKey = h.digest('hex');
  return engineKey;
}

const configKeys = new WeakMap<ResolvedConfig, string>();
/** Hash of a resolved config (memoised per config object: one per folder). */
export function configHash(config: ResolvedConfig): string {
  let key = configKeys.get(config);
  if (!key) {
    key = createHash('sha1').update(stableJson(config)).digest('hex');
    configKeys.set(config, key);
  }
  return key;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const contentHash = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

function isEntry(v: unknown): v is Entry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Partial<Entry>;
  const r = e.r as Partial<LintResult> | undefined;
  return typeof e.h === 'string' && typeof e.c === 'string' && !!r && typeof r === 'object' && Array.isArray(r.messages) && typeof r.language === 'string' && !!r.metrics && typeof r.metrics === 'object';
}

/**
 * The lint cache (`--cache`): one JSON file mapping absolute paths to the
 * result of the last lint, valid while the file's bytes, its resolved config,
 * the huurbrief version and the rule set are the same. A missing, corrupt or
 * foreign file is ignored and rebuilt, never an error; it is written atomically
 * (temporary file + rename), so an interrupted run cannot leave half a file.
 */
export class LintCache {
  private readonly engine = engineHash();
  private entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(readonly location: string) {
    let text: string;
    try {
      text = readFileSync(location, 'utf8');
    } catch {
      return; // No cache yet (or unreadable): start empty.
    }
    try {
      const data = JSON.parse(text) as Partial<CacheFile> | null;
      if (!data || typeof data !== 'object' || data.huurbriefCache !== FORMAT || data.engine !== this.engine) {
        this.dirty = true;
        return;
      }
      const entries = data.entries;
      if (!entries || typeof entries !== 'object') {
        this.dirty = true;
        return;
      }
      for (const [path, entry] of Object.entries(entries)) {
        if (isEntry(entry)) this.entries[path] = entry;
        else this.dirty = true;
      }
    } catch {
      // Corrupt (truncated, not JSON, another tool's file): rebuild it.
      this.dirty = true;
    }
  }

  /** The cached result, when the bytes and the config are unchanged. */
  get(path: string, hash: string, config: ResolvedConfig): LintResult | undefined {
    const e = this.entries[path];
    if (e && e.h === hash && e.c === configHash(config)) {
      this.hits++;
      return e.r;
    }
    this.misses++;
    return undefined;
  }

  set(path: string, hash: string, config: ResolvedConfig, result: LintResult): void {
    this.entries[path] = { h: hash, c: configHash(config), r: result };
    this.dirty = true;
  }

  /** A file that can no longer be linted (deleted, now binary): forget it. */
  delete(path: string): void {
    if (path in this.entries) {
      delete this.entries[path];
      this.dirty = true;
    }
  }

  /** Writes the cache when it changed. A failure to write is not fatal: returns the reason. */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    const data: CacheFile = { huurbriefCache: FORMAT, engine: this.engine, entries: this.entries };
    const tmp = `${this.location}.${process.pid}.${Date.now()}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.location);
      this.dirty = false;
      return undefined;
    } catch (error) {
      try {
        unlinkSync(tmp);
      } catch {
        // Nothing was written.
      }
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
  }
}
