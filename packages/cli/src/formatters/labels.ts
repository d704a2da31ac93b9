import type { Category, Severity } from '@huurbrief/core';

/** Dutch names of severities, as writers read them. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'fout', warning: 'waarschuwing', info: 'melding' };

/** Dutch names of the categories (the ids stay English: they are config values). */
export const CATEGORY_LABEL: Record<Category, string> = {
  readability: 'leesbaarheid',
  'plain-language': 'eenvoudige taal',
  'no-phrasing': 'nee zeggen',
  tone: 'toon',
  structure: 'opbouw',
  template: 'sjabloon',
  privacy: 'privacy',
  spelling: 'spelling',
};

/** "1 fout", "2 fouten", ... */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
