/** A wrong flag value or combination: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

// V8's JSON.parse messages (Node 20) in Dutch, for the one-line errors writers read.
// Kept in step with jsonReasonNl in packages/core/src/node/config.ts.
const JSON_REASONS: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
  [/^Unexpected end of JSON input/, 'de JSON houdt midden in op'],
  [/^Expected ':' after property name/, 'dubbele punt verwacht na de naam'],
  [/^Expected ',' or '\}' after property value/, 'komma of } verwacht na een waarde'],
  [/^Expected ',' or '\]' after array element/, 'komma of ] verwacht na een element van de lijst'],
  [/^Expected property name or '\}'/, 'naam tussen dubbele aanhalingstekens of } verwacht'],
  [/^Expected double-quoted property name/, 'naam tussen dubbele aanhalingstekens verwacht, of er staat een komma te veel'],
  [/^Unterminated string/, 'tekst zonder afsluitend aanhalingsteken'],
  [/^Unexpected non-whitespace character after JSON/, 'er staat nog iets na het einde van de JSON'],
  [/^Unexpected token '(.+?)'/, (m) => `onverwacht teken '${m[1]}'`],
  [/^Bad escaped character/, 'ongeldige \\-code in een tekst'],
  [/^Bad control character in string literal/, 'tab of regeleinde binnen een tekst'],
  [/^(No number after minus sign|Unterminated fractional number|Exponent part is missing a number)/, 'onvolledig getal'],
];

/** A JSON.parse error message as a short Dutch reason (the original when unknown). */
export function jsonReasonNl(message: string): string {
  for (const [re, nl] of JSON_REASONS) {
    const m = re.exec(message);
    if (m) return typeof nl === 'string' ? nl : nl(m);
  }
  return message;
}
