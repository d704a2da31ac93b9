import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { LETTER_LANGUAGES } from './commands.js';
import { chooseServer } from './server-choice.js';

/** The language client: starts the workspace's server or the bundled one (dist/server.cjs) over IPC. */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const bundledVersion = (context.extension?.packageJSON as { version?: string } | undefined)?.version ?? '?';
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const choice = chooseServer(context.asAbsolutePath('dist/server.cjs'), bundledVersion, folders, vscode.workspace.isTrusted ?? false);
  const module = choice.module;
  // No node flags: the server sets its own heap flags at start (language-server/src/memory.ts). The
  // --max-semi-space-size=2 used before, on top of those, cost 60% more server CPU over 1,000 edits
  // (6,500 scavenges instead of 1,000) for 20 MB less RSS (docs/performance.md).
  const execArgv: string[] = [];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LETTER_LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: {
      configurationSection: 'huurbrief',
      // Config files: a change relints every open letter (the server clears its config cache).
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{huurbrief.config.json,.huurbriefrc.json}'),
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
    outputChannelName: 'huurbrief',
  };
  // Id "huurbrief": the client reads the `huurbrief.trace.server` setting.
  const client = new LanguageClient('huurbrief', 'huurbrief', serverOptions, clientOptions);
  client.outputChannel.appendLine(`huurbrief-taalserver: ${choice.label}`);
  return client;
}
