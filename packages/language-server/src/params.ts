import { ErrorCodes, ResponseError } from 'vscode-languageserver/node.js';

/** A malformed request gets an LSP error (InvalidParams), never a crash. */
export function invalid(method: string, reason: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${reason}`);
}

/** The `textDocument.uri` or `uri` of request params, or an InvalidParams error. */
export function requireUri(method: string, params: unknown, nested: boolean): string {
  if (!params || typeof params !== 'object') throw invalid(method, 'parameters ontbreken');
  const holder = nested ? (params as { textDocument?: unknown }).textDocument : params;
  const uri = holder && typeof holder === 'object' ? (holder as { uri?: unknown }).uri : undefined;
  if (typeof uri !== 'string' || !uri) throw invalid(method, nested ? 'textDocument.uri (tekst) ontbreekt' : 'uri (tekst) ontbreekt');
  return uri;
}

export function requirePosition(method: string, params: unknown): { line: number; character: number } {
  const p = (params as { position?: unknown }).position as { line?: unknown; character?: unknown } | undefined;
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || (p.line as number) < 0 || (p.character as number) < 0) {
    throw invalid(method, 'position {line, character} (gehele getallen ≥ 0) ontbreekt');
  }
  return { line: p.line as number, character: p.character as number };
}
