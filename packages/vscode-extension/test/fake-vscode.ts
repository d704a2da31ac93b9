// A small stand-in for the `vscode` module: enough of the API for the controller, recording
// what the extension shows and registers. VS Code itself runs in the e2e suite (code-server).
import type { ClientLike, VscodeApi } from '../src/api.js';

type Listener<T> = (e: T) => unknown;

class Emitter<T> {
  private listeners: Listener<T>[] = [];
  event = (l: Listener<T>) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

export class FakeUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query = '',
  ) {}
  get fsPath() {
    return this.path;
  }
  static parse(value: string) {
    const m = /^([\w-]+):(\/\/)?([^?]*)(?:\?(.*))?$/.exec(value)!;
    return new FakeUri(m[1]!, m[3]!, m[4] ?? '');
  }
  static file(path: string) {
    return new FakeUri('file', path);
  }
  toString() {
    return `${this.scheme}:${this.scheme === 'file' ? '//' : ''}${this.path}${this.query ? `?${this.query}` : ''}`;
  }
}

export interface FakeDocument {
  uri: FakeUri;
  languageId: string;
  isDirty: boolean;
  lineCount: number;
  saved: number;
  save(): Promise<boolean>;
}

export function fakeDocument(path: string, languageId = 'markdown', isDirty = false): FakeDocument {
  return {
    uri: FakeUri.file(path),
    languageId,
    isDirty,
    lineCount: 20,
    saved: 0,
    async save() {
      this.saved++;
      this.isDirty = false;
      return true;
    },
  };
}

export interface StatusItem {
  id: string;
  text: string;
  tooltip: string;
  command?: string;
  name?: string;
  visible: boolean;
  backgroundColor?: unknown;
  show(): void;
  hide(): void;
  dispose(): void;
}

export function createFakeVscode() {
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const executed: { command: string; args: unknown[] }[] = [];
  const shown: { level: 'info' | 'warning'; message: string; modal?: boolean }[] = [];
  const items: StatusItem[] = [];
  const appliedEdits: unknown[] = [];
  const providers = new Map<string, { provideTextDocumentContent(uri: FakeUri): string }>();
  const activeEditorChanged = new Emitter<unknown>();
  const diagnosticsChanged = new Emitter<{ uris: FakeUri[] }>();
  const state = {
    activeDocument: undefined as FakeDocument | undefined,
    inputAnswers: [] as (string | undefined)[],
    warningAnswer: undefined as string | undefined,
    codeActions: [] as unknown[],
  };
  const api = {
    window: {
      get activeTextEditor() {
        return state.activeDocument ? { document: state.activeDocument } : undefined;
      },
      createStatusBarItem(id: string) {
        const item: StatusItem = {
          id,
          text: '',
          tooltip: '',
          visible: false,
          show() {
            this.visible = true;
          },
          hide() {
            this.visible = false;
          },
          dispose() {},
        };
        items.push(item);
        return item;
      },
      showInformationMessage: async (message: string) => void shown.push({ level: 'info', message }),
      showWarningMessage: async (message: string, options?: { modal?: boolean }) => {
        shown.push({ level: 'warning', message, ...(typeof options === 'object' && options?.modal ? { modal: true } : {}) });
        return typeof options === 'object' && options?.modal ? state.warningAnswer : undefined;
      },
      showInputBox: async () => state.inputAnswers.shift(),
      withProgress: async (_o: unknown, task: () => Promise<unknown>) => task(),
      onDidChangeActiveTextEditor: activeEditorChanged.event,
      showTextDocument: async () => undefined,
    },
    workspace: {
      registerTextDocumentContentProvider(scheme: string, provider: { provideTextDocumentContent(uri: FakeUri): string }) {
        providers.set(scheme, provider);
        return { dispose() {} };
      },
      onDidChangeTextDocument: new Emitter<unknown>().event,
      onDidSaveTextDocument: new Emitter<unknown>().event,
      applyEdit: async (edit: unknown) => {
        appliedEdits.push(edit);
        return true;
      },
      openTextDocument: async () => undefined,
    },
    commands: {
      registerCommand(id: string, handler: (...args: unknown[]) => unknown) {
        commands.set(id, handler);
        return { dispose: () => commands.delete(id) };
      },
      async executeCommand(command: string, ...args: unknown[]) {
        executed.push({ command, args });
        if (command === 'vscode.executeCodeActionProvider') return state.codeActions;
        return commands.get(command)?.(...args);
      },
    },
    languages: { onDidChangeDiagnostics: diagnosticsChanged.event },
    Uri: FakeUri,
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { Notification: 15 },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    Range: class {
      constructor(...args: number[]) {
        Object.assign(this, { args });
      }
    },
    EventEmitter: Emitter,
  };
  return { api: api as unknown as VscodeApi, commands, executed, shown, items, appliedEdits, providers, state, activeEditorChanged, diagnosticsChanged };
}

export function createFakeClient(responses: Record<string, (params: unknown) => unknown>) {
  const requests: { method: string; params: unknown }[] = [];
  const calls: string[] = [];
  const client: ClientLike = {
    start: async () => void calls.push('start'),
    stop: async () => void calls.push('stop'),
    restart: async () => void calls.push('restart'),
    async sendRequest<R>(method: string, params?: unknown): Promise<R> {
      requests.push({ method, params });
      const respond = responses[method];
      if (!respond) throw new Error(`unexpected request ${method}`);
      return respond(params) as R;
    },
  };
  return { client, requests, calls };
}
