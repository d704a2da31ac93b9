import { VERSION } from '@huurbrief/core';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Baselines } from './baselines.js';
import { FIX_ALL_KIND } from './code-actions.js';
import { ConfigProblems } from './config-problems.js';
import { Configs, uriToPath } from './configs.js';
import { Linter, WORKER_THRESHOLD } from './linter.js';
import { registerRequests } from './requests.js';
import { LintRunner, type LintOutcome } from './runner.js';
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './settings.js';

/** `initializationOptions` the server understands (all optional). */
export interface InitializationOptions {
  /** Debounce after a change in ms (default 150). */
  debounceMs?: number;
  /** Force push or pull diagnostics (default: pull when the client supports it). */
  diagnostics?: 'push' | 'pull';
  /** Lint documents from this size on in a worker thread (default 60,000 UTF-16 units). */
  workerThreshold?: number;
}

export interface Session {
  documents: TextDocuments<TextDocument>;
  runner: LintRunner;
  configs: Configs;
  baselines: Baselines;
  settingsFor(uri: string): Promise<Settings>;
  /** True when the client pulls diagnostics (then the server does not push them for open documents). */
  pull(): boolean;
  publish(outcome: LintOutcome): void;
  /** Letters that got pushed diagnostics from `huurbrief/lintWorkspace` while closed. */
  workspacePushed: Set<string>;
}

const options = (raw: unknown): InitializationOptions => (raw && typeof raw === 'object' ? (raw as InitializationOptions) : {});

/** Wires the huurbrief language server onto a connection (stdio, node-ipc or a test pipe). */
export function startServer(connection: Connection): Session {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let usePull = false;
  let configurationSupport = false;
  let refreshSupport = false;
  let pushedSettings: Settings = { ...DEFAULT_SETTINGS };
  const settingsCache = new Map<string, Promise<Settings>>();
  const configs = new Configs(() => folders);
  // window/showMessage (a notification): the writer is told, nothing waits for an answer.
  const problems = new ConfigProblems((message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }));
  const baselineProblems = new ConfigProblems(
    (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }),
    'huurbrief: fout in de baseline, alle bevindingen worden getoond.',
  );
  const baselines = new Baselines(
    (e) => baselineProblems.report(e),
    (file) => baselineProblems.resolved([file]),
  );
  let runner!: LintRunner;

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!configurationSupport) return Promise.resolve(pushedSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'huurbrief' }).then(normaliseSettings, () => ({ ...DEFAULT_SETTINGS }));
      settingsCache.set(uri, s);
    }
    return s;
  };

  const publish = (o: LintOutcome) => void connection.sendDiagnostics({ uri: o.uri, version: o.version, diagnostics: o.diagnostics });

  const relintAll = () => {
    runner.invalidate();
    if (usePull) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) runner.schedule(doc.uri, 0, publish);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = options(params.initializationOptions);
    const caps = params.capabilities;
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (!folders.length && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders = [root];
    }
    usePull = init.diagnostics ? init.diagnostics === 'pull' : Boolean(caps.textDocument?.diagnostic);
    configurationSupport = Boolean(caps.workspace?.configuration);
    refreshSupport = Boolean(caps.workspace?.diagnostics?.refreshSupport);
    runner = new LintRunner({
      documents,
      linter: new Linter(init.workerThreshold ?? WORKER_THRESHOLD),
      configs,
      baselines,
      settingsFor,
      onConfigError: (e) => problems.report(e),
      onConfigOk: (files) => problems.resolved(files),
      log: (m) => connection.console.error(m),
      debounceMs: typeof init.debounceMs === 'number' && init.debounceMs >= 0 ? init.debounceMs : 150,
    });
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'huurbrief', version: VERSION },
    };
    if (usePull) result.capabilities.diagnosticProvider = { identifier: 'huurbrief', interFileDependencies: false, workspaceDiagnostics: false };
    const dynamicWatch = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    const dynamicConfig = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    connection.onInitialized(() => {
      if (dynamicWatch) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/{huurbrief.config.json,.huurbriefrc.json}' }, { globPattern: '**/.huurbrief/baseline.json' }],
        });
      }
      if (dynamicConfig) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'huurbrief' });
      if (caps.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
          configs.clear();
          baselines.clear();
          relintAll();
        });
      }
    });
    return result;
  });

  connection.onDidChangeConfiguration((change) => {
    const raw = (change.settings as { huurbrief?: unknown } | null | undefined)?.huurbrief;
    if (raw !== undefined) pushedSettings = normaliseSettings(raw);
    settingsCache.clear();
    configs.clear();
    baselines.clear();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.map((c) => uriToPath(c.uri) ?? c.uri);
    const config = paths.some((p) => configs.isConfigFile(p));
    const baseline = paths.some((p) => Baselines.isBaselineFile(p));
    if (config) configs.clear();
    if (baseline) baselines.clear();
    if (config || baseline) relintAll();
  });

  // Document events. `onDidChangeContent` also fires right after open; open is handled on its own.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => {
    // A re-open (without close) starts again at its own version numbers: drop what was cached.
    runner.forget(document.uri);
    opening.add(document.uri);
    // Pulled diagnostics replace what "lint workspace" pushed for this letter: no duplicates.
    if (usePull && session.workspacePushed.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (!usePull) runner.schedule(document.uri, 0, publish);
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document.uri)) return;
    void settingsFor(document.uri).then((s) => {
      if (s.run === 'onType' && !usePull) runner.schedule(document.uri, 'debounce', publish);
    });
  });
  documents.onDidSave(({ document }) => {
    const path = uriToPath(document.uri);
    // Clients without file watching (Neovim 0.7): saving a config file in the editor reloads it.
    if (path && (configs.isConfigFile(path) || Baselines.isBaselineFile(path))) {
      configs.clear();
      baselines.clear();
      relintAll();
      return;
    }
    void settingsFor(document.uri).then((s) => {
      if (s.run !== 'onSave') return;
      if (!usePull) runner.schedule(document.uri, 0, publish);
      else if (refreshSupport) void runner.run(document.uri).then(() => connection.languages.diagnostics.refresh());
    });
  });
  documents.onDidClose(({ document }) => {
    opening.delete(document.uri);
    runner.forget(document.uri);
    settingsCache.delete(document.uri);
    if (!usePull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return { kind: 'full', items: [] };
    const s = await settingsFor(uri);
    const outcome = s.run === 'onSave' ? (runner.last(uri) ?? (await runner.run(uri))) : await runner.run(uri);
    if (!outcome) {
      // The document changed while linting: the client asks again for the new version.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'verouderd: de brief is intussen gewijzigd', { retriggerRequest: true });
    }
    return { kind: 'full', items: outcome.diagnostics };
  });

  const session: Session = { documents, get runner() { return runner; }, configs, baselines, settingsFor, pull: () => usePull, publish, workspacePushed: new Set() };
  registerRequests(connection, session);
  connection.onShutdown(() => runner?.dispose());
  documents.listen(connection);
  return session;
}
