// Domain words of housing corporations: never reported as hard or long.
import { domainWords } from '../data/domain-words.generated.js';

interface Entry {
  woord: string;
  deel?: boolean;
  uitleg?: string;
}

const exact = new Map<string, Entry>();
const parts: string[] = [];
for (const e of domainWords as readonly Entry[]) {
  exact.set(e.woord, e);
  if (e.deel) parts.push(e.woord);
}
parts.sort((a, b) => b.length - a.length);

/**
 * True for a domain word ("huurtoeslag") or a compound that starts or ends with
 * a domain part ("huurverhoging", "onderhoudsmonteur", "keukenrenovatie").
 */
export function isDomainWord(lower: string): boolean {
  if (exact.has(lower)) return true;
  for (const p of parts) {
    if (lower.length > p.length && (lower.startsWith(p) || lower.endsWith(p) || lower.endsWith(`${p}s`) || lower.endsWith(`${p}en`))) return true;
  }
  return false;
}

/** A short explanation for the tenant, when the list has one. */
export function domainExplanation(lower: string): string | undefined {
  return exact.get(lower)?.uitleg;
}
