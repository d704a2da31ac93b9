// VS Code entry (bundled to dist/extension.cjs by scripts/build.mjs).
import * as vscode from 'vscode';
import { createClient } from './client.js';
import { Controller } from './controller.js';

let controller: Controller | undefined;
let stopClient: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Controller> {
  const client = createClient(context);
  stopClient = () => client.stop();
  controller = new Controller(vscode, client);
  context.subscriptions.push(controller);
  await controller.activate();
  return controller;
}

export async function deactivate(): Promise<void> {
  await stopClient?.();
}
