import type * as vscode from 'vscode';
import { LETTER_INFO, LINT_WORKSPACE, REVIEW, type LetterInfo, type LintWorkspaceResult, type ReviewResult } from '@huurbrief/language-server/protocol';
import type { ClientLike, VscodeApi } from './api.js';
import { COMMANDS, FIX_ALL_KIND, LETTER_LANGUAGES, REPORT_SCHEME } from './commands.js';
import { reportMarkdown, statusView } from './status.js';

const basename = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Options a test (or a keybinding) can pass to the review commands instead of answering prompts. */
export interface ReviewArgs {
  comment?: string;
  reviewer?: string;
  /** approve: skip the confirmation dialog. */
  confirm?: boolean;
}

/**
 * Everything the extension does besides starting the client: status bar,
 * commands and the report. The VS Code API and the client are injected.
 */
export class Controller implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private level!: vscode.StatusBarItem;
  private review!: vscode.StatusBarItem;
  private readonly reports = new Map<string, string>();
  private reportChanged!: vscode.EventEmitter<vscode.Uri>;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last info shown (tests and the report read it). */
  lastInfo: LetterInfo | undefined;

  constructor(
    private readonly vscode: VscodeApi,
    private readonly client: ClientLike,
  ) {}

  async activate(): Promise<void> {
    const { window, workspace, commands, languages } = this.vscode;
    this.level = window.createStatusBarItem('huurbrief.level', this.vscode.StatusBarAlignment.Right, 101);
    this.level.name = 'huurbrief: taalniveau';
    this.level.command = COMMANDS.showReport;
    this.review = window.createStatusBarItem('huurbrief.review', this.vscode.StatusBarAlignment.Right, 100);
    this.review.name = 'huurbrief: beoordeling';
    this.review.command = COMMANDS.showReport;
    this.reportChanged = new this.vscode.EventEmitter<vscode.Uri>();
    this.disposables.push(
      this.level,
      this.review,
      this.reportChanged,
      workspace.registerTextDocumentContentProvider(REPORT_SCHEME, {
        onDidChange: this.reportChanged.event,
        provideTextDocumentContent: (uri) => this.reports.get(uri.toString()) ?? '',
      }),
      commands.registerCommand(COMMANDS.activate, () => window.showInformationMessage('huurbrief controleert nu Markdown- en tekstbestanden in deze werkmap.')),
      commands.registerCommand(COMMANDS.lintWorkspace, () => this.lintWorkspace()),
      commands.registerCommand(COMMANDS.fixAll, () => this.fixAll()),
      commands.registerCommand(COMMANDS.requestReview, (args?: ReviewArgs) => this.requestReview(args)),
      commands.registerCommand(COMMANDS.approve, (args?: ReviewArgs) => this.approve(args)),
      commands.registerCommand(COMMANDS.showReport, () => this.showReport()),
      commands.registerCommand(COMMANDS.restartServer, () => this.restart()),
      window.onDidChangeActiveTextEditor(() => void this.refresh()),
      workspace.onDidChangeTextDocument((e) => e.document === this.activeLetter() && this.scheduleRefresh()),
      workspace.onDidSaveTextDocument((d) => d === this.activeLetter() && this.scheduleRefresh()),
      languages.onDidChangeDiagnostics((e) => {
        const active = this.activeLetter();
        if (active && e.uris.some((u) => u.toString() === active.uri.toString())) this.scheduleRefresh();
      }),
    );
    await this.client.start();
    await this.refresh();
  }

  private activeLetter(): vscode.TextDocument | undefined {
    const doc = this.vscode.window.activeTextEditor?.document;
    return doc && LETTER_LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') ? doc : undefined;
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 300);
  }

  /** Asks the server for the active letter's figures and updates the status bar. */
  async refresh(): Promise<LetterInfo | undefined> {
    const doc = this.activeLetter();
    if (!doc) {
      this.level.hide();
      this.review.hide();
      return undefined;
    }
    let info: LetterInfo;
    try {
      info = await this.client.sendRequest<LetterInfo>(LETTER_INFO, { uri: doc.uri.toString() });
    } catch {
      return this.lastInfo; // changed while measuring, or the server restarts: the next event refreshes
    }
    this.lastInfo = info;
    const view = statusView(info);
    this.level.text = view.level.text;
    this.level.tooltip = view.level.tooltip;
    this.level.backgroundColor = info.configError ? new this.vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.review.text = view.review.text;
    this.review.tooltip = view.review.tooltip;
    this.level.show();
    this.review.show();
    return info;
  }

  private needLetter(): vscode.TextDocument | undefined {
    const doc = this.activeLetter();
    if (!doc) void this.vscode.window.showWarningMessage('huurbrief: open eerst een brief (Markdown of tekst).');
    return doc;
  }

  async lintWorkspace(): Promise<LintWorkspaceResult> {
    const { window } = this.vscode;
    const result = await window.withProgress(
      { location: this.vscode.ProgressLocation.Notification, title: 'huurbrief: brieven in de werkmap controleren…' },
      () => this.client.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE, {}),
    );
    const summary = `huurbrief: ${result.files} ${result.files === 1 ? 'brief' : 'brieven'} gecontroleerd: ${result.errors} fouten, ${result.warnings} waarschuwingen. Zie het venster Problemen.`;
    if (result.problems.length) void window.showWarningMessage(`${summary} Niet gecontroleerd: ${result.problems.join('; ')}`);
    else void window.showInformationMessage(summary);
    return result;
  }

  async fixAll(): Promise<boolean> {
    const doc = this.needLetter();
    if (!doc) return false;
    const range = new this.vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await this.vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', doc.uri, range, FIX_ALL_KIND);
    const action = actions?.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
    if (!action?.edit) {
      void this.vscode.window.showInformationMessage('huurbrief: er is niets automatisch te herstellen in deze brief.');
      return false;
    }
    return this.vscode.workspace.applyEdit(action.edit);
  }

  private async reviewRequest(kind: 'request' | 'approve', doc: vscode.TextDocument, args: ReviewArgs): Promise<ReviewResult> {
    const result = await this.client.sendRequest<ReviewResult>(REVIEW, {
      uri: doc.uri.toString(),
      kind,
      ...(args.comment ? { comment: args.comment } : {}),
      ...(args.reviewer ? { reviewer: args.reviewer } : {}),
    });
    if (result.ok) void this.vscode.window.showInformationMessage(`huurbrief: ${result.message}`);
    else void this.vscode.window.showWarningMessage(`huurbrief: ${result.message}`);
    await this.refresh();
    return result;
  }

  async requestReview(args: ReviewArgs = {}): Promise<ReviewResult | undefined> {
    const { window } = this.vscode;
    const doc = this.needLetter();
    if (!doc) return undefined;
    if (doc.isDirty && !(await doc.save())) return undefined;
    const reviewer = args.reviewer ?? (await window.showInputBox({ prompt: 'Welke collega beoordeelt de brief? (naam uit .huurbrief/allowed_signers; mag leeg blijven)' }));
    if (reviewer === undefined) return undefined;
    const comment = args.comment ?? (await window.showInputBox({ prompt: 'Toelichting voor de beoordelaar (mag leeg blijven)' }));
    if (comment === undefined) return undefined;
    return this.reviewRequest('request', doc, { reviewer, comment });
  }

  async approve(args: ReviewArgs = {}): Promise<ReviewResult | undefined> {
    const { window } = this.vscode;
    const doc = this.needLetter();
    if (!doc) return undefined;
    if (doc.isDirty && !(await doc.save())) return undefined;
    if (!args.confirm) {
      const choice = await window.showWarningMessage(
        `Deze versie van ${basename(doc.uri.fsPath)} goedkeuren? Uw goedkeuring wordt ondertekend met uw SSH-sleutel.`,
        { modal: true },
        'Goedkeuren',
      );
      if (choice !== 'Goedkeuren') return undefined;
    }
    const comment = args.comment ?? (await window.showInputBox({ prompt: 'Opmerking bij de goedkeuring (mag leeg blijven)' }));
    if (comment === undefined) return undefined;
    return this.reviewRequest('approve', doc, { comment });
  }

  async showReport(): Promise<vscode.Uri | undefined> {
    const doc = this.needLetter();
    if (!doc) return undefined;
    const info = await this.refresh();
    if (!info) return undefined;
    const name = basename(doc.uri.fsPath || doc.uri.path);
    const uri = this.vscode.Uri.parse(`${REPORT_SCHEME}:/Rapport ${name}.md?${encodeURIComponent(doc.uri.toString())}`);
    this.reports.set(uri.toString(), reportMarkdown(info, name));
    this.reportChanged.fire(uri);
    try {
      await this.vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      await this.vscode.window.showTextDocument(await this.vscode.workspace.openTextDocument(uri), { preview: true });
    }
    return uri;
  }

  async restart(): Promise<void> {
    await this.client.restart();
    void this.vscode.window.showInformationMessage('huurbrief: de controle is opnieuw gestart.');
    await this.refresh();
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}
