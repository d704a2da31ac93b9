// Test client: spawns the built server over stdio and talks LSP to it with
// vscode-languageserver-protocol (as unified-language-server's tests do).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  DiagnosticRefreshRequest,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER_BIN = fileURLToPath(new URL('../../bin/huurbrief-language-server.js', import.meta.url));

interface Waiter<T> {
  match: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Collects notifications and lets a test wait for the next one that matches (no sleeping). */
class Inbox<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.all.push(value);
    const hit = this.waiters.filter((w) => w.match(value));
    this.waiters = this.waiters.filter((w) => !w.match(value));
    for (const w of hit) w.resolve(value);
  }

  /** The next value (arriving after this call) that matches. */
  next(match: (value: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}

export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcess;
  initializeResult: InitializeResult;
  diagnostics: Inbox<PublishDiagnosticsParams>;
  messages: Inbox<ShowMessageParams>;
  stderr: () => string;
  /** The next diagnostics for `uri` (optionally of a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  shutdown(): Promise<number | null>;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  rootUri?: string | null;
  /** Answer for `workspace/configuration` (per item). */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Server script to run (default: the package's bin). */
  serverBin?: string;
}

export async function startClient(options: StartOptions = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [options.serverBin ?? SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Inbox<PublishDiagnosticsParams>();
  const messages = new Inbox<ShowMessageParams>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => diagnostics.push(p));
  connection.onNotification(ShowMessageNotification.type, (p) => messages.push(p));
  connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string }[] }) =>
    p.items.map((i) => (options.settings ? options.settings(i.scopeUri) : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest(DiagnosticRefreshRequest.type, () => undefined);
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions ?? {},
    workspaceFolders: null,
  });
  await connection.sendNotification('initialized', {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    connection,
    process: child,
    initializeResult,
    diagnostics,
    messages,
    stderr: () => err,
    nextDiagnostics: (uri, version) => diagnostics.next((p) => p.uri === uri && (version === undefined || p.version === version)),
    async shutdown() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
