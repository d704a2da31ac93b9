// Domain words of housing corporations: never reported as hard or long.
import { domainWords } from '../data/domain-words.generated.js';

interface Entry {
  woord: string;
  deel?: boolean;
  uitleg?: string;
}

const exact = new Map<string, Entry>();
const prefixes: string[] = [];
const suffixes: string[] = [];
for (const e of domainWords as readonly Entry[]) {
  exact.set(e.woord, e);
  if (e.deel) {
    prefixes.push(e.woord);
    suffixes.push(e.woord, `${e.woord}s`, `${e.woord}en`);
  }
}
const cache = new Map<string, boolean>();

/**
 * True for a domain word ("huurtoeslag") or a compound that starts or ends with
 * a domain part ("huurverhoging", "onderhoudsmonteur", "keukenrenovatie").
 */
export function isDomainWord(lower: string): boolean {
  const hit = cache.get(lower);
  if (hit !== undefined) return hit;
  let result = exact.has(lower);
  if (!result) result = prefixes.some((p) => lower.length > p.length && lower.startsWith(p));
  if (!result) result = suffixes.some((p) => lower.length > p.length && lower.endsWith(p));
  if (cache.size > 20_000) cache.clear();
  cache.set(lower, result);
  return result;
}

/** A short explanation for the tenant, when the list has one. */
export function domainExplanation(lower: string): string | undefined {
  return exact.get(lower)?.uitleg;
}
