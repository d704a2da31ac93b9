import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ConfigError, lintText, type LintMessage } from '@huurbrief/core';
import { findLetterFiles, InputError, readLetterFile } from '@huurbrief/core/node';
import type { CodeActionParams, Connection, HoverParams } from 'vscode-languageserver/node.js';
import { codeActions } from './code-actions.js';
import { uriToPath } from './configs.js';
import { toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { letterInfo } from './letter-info.js';
import { invalid, requirePosition, requireUri } from './params.js';
import { LETTER_INFO, LINT_WORKSPACE, REVIEW, type LetterInfo, type LintWorkspaceResult, type ReviewParams, type ReviewResult } from './protocol.js';
import { reviewStateFor, runReview } from './review-status.js';
import type { LintOutcome } from './runner.js';
import type { Session } from './session.js';

const readOrUndefined = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Hover, code actions and the custom requests. Every handler validates its params (InvalidParams, not a crash). */
export function registerRequests(connection: Connection, session: Session): void {
  const { documents } = session;
  const current = async (uri: string): Promise<LintOutcome | undefined> => session.runner.latest(uri) ?? (await session.runner.run(uri));
  const quick = (uri: string) => session.runner.quick(uri);
  const openDoc = (method: string, uri: string) => {
    const doc = documents.get(uri);
    if (!doc) throw invalid(method, `document is niet geopend: ${uri}`);
    return doc;
  };

  connection.onHover(async (params: HoverParams) => {
    const uri = requireUri('textDocument/hover', params, true);
    const position = requirePosition('textDocument/hover', params);
    if (!documents.get(uri)) return null;
    const outcome = await quick(uri);
    return outcome ? hoverAt(outcome, position) : null;
  });

  connection.onCodeAction(async (params: CodeActionParams) => {
    const uri = requireUri('textDocument/codeAction', params, true);
    if (!params.context || !Array.isArray(params.context.diagnostics)) throw invalid('textDocument/codeAction', 'context.diagnostics ontbreekt');
    const doc = documents.get(uri);
    if (!doc) return [];
    return codeActions(doc, params, await quick(uri));
  });

  connection.onRequest(LETTER_INFO, async (params: unknown): Promise<LetterInfo> => {
    const uri = requireUri(LETTER_INFO, params, false);
    const doc = openDoc(LETTER_INFO, uri);
    const outcome = await current(uri);
    if (!outcome) throw invalid(LETTER_INFO, 'de brief is tijdens het meten gewijzigd; vraag opnieuw');
    return letterInfo(outcome, await reviewStateFor(uriToPath(uri), doc.getText()));
  });

  connection.onRequest(REVIEW, async (params: unknown): Promise<ReviewResult> => {
    const uri = requireUri(REVIEW, params, false);
    const p = params as Partial<ReviewParams>;
    if (p.kind !== 'request' && p.kind !== 'approve') throw invalid(REVIEW, 'kind moet "request" of "approve" zijn');
    if (p.comment !== undefined && typeof p.comment !== 'string') throw invalid(REVIEW, 'comment moet tekst zijn');
    if (p.reviewer !== undefined && typeof p.reviewer !== 'string') throw invalid(REVIEW, 'reviewer moet tekst zijn');
    const doc = openDoc(REVIEW, uri);
    const path = uriToPath(uri);
    if (!path) throw invalid(REVIEW, 'alleen opgeslagen bestanden kunnen beoordeeld worden');
    return runReview({ uri, kind: p.kind, ...(p.comment ? { comment: p.comment } : {}), ...(p.reviewer ? { reviewer: p.reviewer } : {}) }, path, doc.getText(), readOrUndefined(path));
  });

  connection.onRequest(LINT_WORKSPACE, async (): Promise<LintWorkspaceResult> => {
    const result: LintWorkspaceResult = { files: 0, errors: 0, warnings: 0, infos: 0, accepted: 0, problems: [] };
    for (const root of session.configs.roots()) {
      const settings = await session.settingsFor(pathToFileURL(root).href);
      let ignorePatterns: string[] = [];
      try {
        ignorePatterns = session.configs.forDocument(pathToFileURL(`${root}/x.md`).href, settings).config.ignorePatterns;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        result.problems.push(`fout in configuratie: ${error.message}`);
        continue;
      }
      const { files, errors } = await findLetterFiles([root], root, ignorePatterns);
      result.problems.push(...errors.map((e) => e.message));
      for (const abs of files) {
        const uri = pathToFileURL(abs).href;
        // Open letters are linted from the editor's text (with their own diagnostics).
        const open = documents.get(uri);
        try {
          let found: LintMessage[];
          let accepted: ReadonlySet<LintMessage>;
          if (open) {
            const outcome = await session.runner.run(uri);
            found = outcome?.messages ?? [];
            accepted = outcome?.accepted ?? new Set();
          } else {
            const letter = readLetterFile(abs);
            const config = session.configs.forDocument(uri, settings).config;
            found = lintText(letter.text, { config, filePath: abs }).messages;
            accepted = session.baselines.match(abs, found, config).accepted;
          }
          result.files++;
          for (const m of found) {
            if (accepted.has(m)) result.accepted!++;
            else if (m.severity === 'error') result.errors++;
            else if (m.severity === 'warning') result.warnings++;
            else result.infos++;
          }
          if (!open) {
            session.workspacePushed.add(uri);
            void connection.sendDiagnostics({ uri, diagnostics: found.map((m) => toDiagnostic(m, uri, 0, accepted.has(m))) });
          }
        } catch (error) {
          if (error instanceof InputError || error instanceof ConfigError) result.problems.push(error.message);
          else throw error;
        }
        await new Promise((r) => setImmediate(r)); // keep answering the editor between files
      }
    }
    return result;
  });
}
