/** Fills `{name}` placeholders in a rule message. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in data ? String(data[key]) : all));
}

/** Where a rule's documentation lives (generated into docs/rules/<id>.md). */
export const DOCS_BASE = 'https://github.com/huurbrief/huurbrief/blob/main/docs/rules/';
const urls = new Map<string, string>();
/** One string per rule, shared by all its findings (10,000 letters hold many findings). */
export const ruleUrl = (id: string) => {
  let url = urls.get(id);
  if (url === undefined) {
    url = `${DOCS_BASE}${id}.md`;
    urls.set(id, url);
  }
  return url;
};

/** Keeps the case pattern of `original` on `replacement`: "Indien" -> "Als", "INDIEN" -> "ALS". */
export function matchCase(original: string, replacement: string): string {
  if (!original || !replacement) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase();
  const first = original[0]!;
  if (first !== first.toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}
