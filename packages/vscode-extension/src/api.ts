import type * as vscode from 'vscode';

/** The part of the VS Code API the extension uses (injected, so tests can pass a fake). */
export type VscodeApi = Pick<
  typeof vscode,
  'window' | 'workspace' | 'commands' | 'languages' | 'Uri' | 'StatusBarAlignment' | 'ProgressLocation' | 'ThemeColor' | 'Range' | 'EventEmitter'
>;

/** What the controller needs from vscode-languageclient's LanguageClient. */
export interface ClientLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  sendRequest<R>(method: string, params?: unknown): Promise<R>;
}
