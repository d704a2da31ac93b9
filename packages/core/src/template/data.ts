import { parseDocument } from 'yaml';

export interface DataParse {
  data?: Record<string, unknown>;
  /** Dutch reason and the offset it applies to. */
  error?: { message: string; offset: number };
}

/**
 * Offset of the first syntax error in JSON text (a small recursive-descent
 * check; only called after JSON.parse has failed, to point at the place).
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
      if (!m) fail();
      i += m![0].length;
    }
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : 0;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : 0;
  }
}

/**
 * Parses render data (JSON or YAML) for `renderTemplate`. Pure: the caller
 * reads the file. The data must be an object of names and values.
 */
export function parseTemplateData(text: string, format: 'json' | 'yaml'): DataParse {
  const source = text.replace(/^\uFEFF/, '');
  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(source);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Newer V8 versions no longer say where; find the place ourselves.
      const pos = /position (\d+)/.exec(message);
      const offset = pos ? Number(pos[1]) : jsonErrorOffset(source);
      return { error: { message: `ongeldige JSON (${message.split('\n')[0]})`, offset } };
    }
  } else {
    const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) return { error: { message: `ongeldige YAML (${err.message.split('\n')[0]})`, offset: err.pos[0] } };
    data = doc.toJS();
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { error: { message: 'de gegevens moeten namen met waarden zijn, bijvoorbeeld {"huurder": {"naam": "mevrouw Jansen"}}', offset: 0 } };
  }
  return { data: data as Record<string, unknown> };
}
