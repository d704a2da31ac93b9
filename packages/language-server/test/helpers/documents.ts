import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
export const fixture = (name: string) => `${REPO}fixtures/letters/${name}`;

/** A client-side copy of an open document: edits go to the server as incremental changes. */
export class OpenDocument {
  doc: TextDocument;

  constructor(
    private readonly connection: ProtocolConnection,
    readonly uri: string,
    text: string,
  ) {
    this.doc = TextDocument.create(uri, 'markdown', 1, text);
  }

  static async open(connection: ProtocolConnection, path: string, text = readFileSync(path, 'utf8')): Promise<OpenDocument> {
    const d = new OpenDocument(connection, pathToFileURL(path).href, text);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'markdown', version: 1, text } });
    return d;
  }

  get version(): number {
    return this.doc.version;
  }

  text(): string {
    return this.doc.getText();
  }

  /** Applies edits locally and sends them as incremental changes (last edit first, like editors do). */
  async edit(edits: TextEdit[]): Promise<number> {
    const sorted = [...edits].sort((a, b) => this.doc.offsetAt(b.range.start) - this.doc.offsetAt(a.range.start));
    const version = this.doc.version + 1;
    this.doc = TextDocument.create(this.uri, 'markdown', version, TextDocument.applyEdits(this.doc, edits));
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  /** Inserts text at an offset. */
  insert(offset: number, text: string): Promise<number> {
    const at = this.doc.positionAt(offset);
    return this.edit([{ range: { start: at, end: at }, newText: text }]);
  }

  close(): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri } });
  }
}

/** A diagnostic's message as text (LSP 3.18 types allow MarkupContent; this server sends strings). */
export const msg = (d: { message: string | { value: string } }): string => (typeof d.message === 'string' ? d.message : d.message.value);
