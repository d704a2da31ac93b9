import { parseDocument } from 'yaml';

export interface DataParse {
  data?: Record<string, unknown>;
  /** Dutch reason and the offset it applies to. */
  error?: { message: string; offset: number };
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
      const at = /position (\d+)/.exec(message);
      return { error: { message: `ongeldige JSON (${message.split('\n')[0]})`, offset: at ? Number(at[1]) : 0 } };
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
