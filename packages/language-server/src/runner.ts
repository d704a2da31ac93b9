import { ConfigError, type LintMessage, type Metrics, type ResolvedConfig } from '@huurbrief/core';
import { DiagnosticSeverity, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Baselines } from './baselines.js';
import { uriToPath, type Configs } from './configs.js';
import { baselineErrorDiagnostic, configErrorDiagnostic, shiftForBom, SOURCE, toDiagnostic } from './diagnostics.js';
import { Cancelled, type Linter } from './linter.js';
import { collectAfterLint } from './memory.js';
import type { Settings } from './settings.js';
import { SpellingWarmup } from './spelling.js';

/** The result of linting one version of one document. */
export interface LintOutcome {
  uri: string;
  version: number;
  text: string;
  /** Every finding, the ones the baseline accepted included (hover and quick fixes work on those too). */
  messages: LintMessage[];
  /** The findings the baseline accepted (shown as hints, not counted). */
  accepted: ReadonlySet<LintMessage>;
  metrics: Metrics | null;
  config: ResolvedConfig | null;
  configFile: string | null;
  configError: ConfigError | null;
  diagnostics: Diagnostic[];
}

export interface RunnerDeps {
  documents: TextDocuments<TextDocument>;
  linter: Linter;
  configs: Configs;
  baselines: Baselines;
  settingsFor(uri: string): Promise<Settings>;
  /** A broken config (shown to the writer once per distinct error). */
  onConfigError(error: ConfigError): void;
  /** Config files that loaded fine (their earlier errors are resolved). */
  onConfigOk(files: readonly string[]): void;
  log(message: string): void;
  /** Debounce after a change, in ms (default 150). */
  debounceMs: number;
}

/** Large documents wait longer after a keystroke: a run costs seconds, so run only when the writer pauses. */
export function delayFor(length: number, base: number): number {
  if (length < 60_000) return base;
  return Math.max(base, Math.min(2000, Math.round(length / 1000)));
}

/**
 * Lints documents: one run per document version, debounced after changes,
 * outdated runs cancelled or discarded (version check before and after),
 * results cached by version for hover, code actions and pull diagnostics.
 */
export class LintRunner {
  private readonly outcomes = new Map<string, LintOutcome>();
  private readonly inflight = new Map<string, { version: number; generation: number; promise: Promise<LintOutcome | undefined> }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped when config or settings change: cached outcomes no longer count. */
  private generation = 0;
  private readonly spelling: SpellingWarmup;

  constructor(private readonly deps: RunnerDeps) {
    this.spelling = new SpellingWarmup(deps.log);
  }

  /** Lints after the debounce and hands a still-current outcome to `publish`. */
  schedule(uri: string, delay: number | 'debounce', publish: (o: LintOutcome) => void): void {
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    const doc = this.deps.documents.get(uri);
    if (!doc) return;
    const ms = delay === 'debounce' ? delayFor(doc.getText().length, this.deps.debounceMs) : delay;
    // A worker run for an older version is useless now: stop it.
    if (this.deps.linter.busy(uri)) this.deps.linter.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.run(uri).then(
        (o) => {
          if (o && o.version === this.deps.documents.get(uri)?.version) publish(o);
        },
        (error: unknown) => this.deps.log(`huurbrief: controle mislukt voor ${uri}: ${String(error)}`),
      );
    }, ms);
    this.timers.set(uri, timer);
  }

  /** The outcome for the document's current version (linting it now if needed); undefined when outdated or closed. */
  run(uri: string): Promise<LintOutcome | undefined> {
    const doc = this.deps.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const cached = this.latest(uri);
    if (cached) return Promise.resolve(cached);
    const fl = this.inflight.get(uri);
    if (fl && fl.version === doc.version && fl.generation === this.generation) return fl.promise;
    const promise = this.compute(doc);
    const entry = { version: doc.version, generation: this.generation, promise };
    this.inflight.set(uri, entry);
    void promise.finally(() => {
      if (this.inflight.get(uri) === entry) this.inflight.delete(uri);
    });
    return promise;
  }

  /**
   * For hover and code actions: the current outcome, linting now only when that is quick
   * (documents below the worker threshold). A large document being linted answers nothing yet.
   */
  async quick(uri: string): Promise<LintOutcome | undefined> {
    const cached = this.latest(uri);
    if (cached) return cached;
    const doc = this.deps.documents.get(uri);
    if (!doc || doc.getText().length >= this.deps.linter.threshold) return undefined;
    return this.run(uri);
  }

  /** The cached outcome of the current version, if any. */
  latest(uri: string): LintOutcome | undefined {
    const o = this.outcomes.get(uri);
    return o && o.version === this.deps.documents.get(uri)?.version ? o : undefined;
  }

  /** The last outcome of any version (for `run: onSave`). */
  last(uri: string): LintOutcome | undefined {
    return this.outcomes.get(uri);
  }

  /** Config or settings changed: nothing cached is valid any more. */
  invalidate(): void {
    this.generation++;
    this.outcomes.clear();
  }

  forget(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.deps.linter.cancel(uri);
    this.outcomes.delete(uri);
    this.inflight.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.spelling.dispose();
    this.deps.linter.dispose();
  }

  private async compute(doc: TextDocument): Promise<LintOutcome | undefined> {
    const { uri, version } = doc;
    const generation = this.generation;
    const current = () => this.deps.documents.get(uri)?.version === version && this.generation === generation;
    const settings = await this.deps.settingsFor(uri);
    if (!current()) return undefined;
    const text = doc.getText();
    const base: LintOutcome = { uri, version, text, messages: [], accepted: new Set(), metrics: null, config: null, configFile: null, configError: null, diagnostics: [] };
    if (!settings.enable) return this.store(base, generation);

    let loaded;
    try {
      loaded = this.deps.configs.forDocument(uri, settings);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.deps.onConfigError(error);
      return this.store({ ...base, configError: error, diagnostics: [configErrorDiagnostic(error)] }, generation);
    }
    this.deps.onConfigOk(loaded.files);

    const bom = text.charCodeAt(0) === 0xfeff;
    let result;
    try {
      result = await this.deps.linter.lint({ uri, text: bom ? text.slice(1) : text, config: loaded.config, filePath: this.deps.configs.lookupPath(uri) });
    } catch (error) {
      if (error instanceof Cancelled) return undefined;
      // Not a rule error (those are findings already): the engine itself failed. Say so, keep serving.
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.log(`huurbrief: controle van ${uri} mislukt: ${reason}`);
      const failed: Diagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        code: 'internal-error',
        source: SOURCE,
        message: `De controle is mislukt: ${reason}`,
      };
      return this.store({ ...base, config: loaded.config, configFile: loaded.file ?? null, diagnostics: [failed] }, generation);
    }
    this.spelling.afterLint(loaded.config, result.language);
    if (!current()) return undefined;
    const messages = bom ? shiftForBom(result.messages) : result.messages;
    const baseline = this.deps.baselines.match(uriToPath(uri), messages, loaded.config);
    const diagnostics = messages.map((m) => toDiagnostic(m, uri, version, baseline.accepted.has(m)));
    if (baseline.error) diagnostics.unshift(baselineErrorDiagnostic(baseline.error));
    return this.store(
      {
        ...base,
        messages,
        accepted: baseline.accepted,
        metrics: result.metrics,
        config: loaded.config,
        configFile: loaded.file ?? null,
        diagnostics,
      },
      generation,
    );
  }

  private store(outcome: LintOutcome, generation: number): LintOutcome {
    if (generation === this.generation) this.outcomes.set(outcome.uri, outcome);
    // The lint's garbage and the outcome this one replaced are dead now: collect them once the diagnostics are out.
    collectAfterLint();
    return outcome;
  }
}
