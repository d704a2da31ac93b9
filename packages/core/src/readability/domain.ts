// Domain words of housing corporations: never reported as hard or long.
import { domainWords } from '../data/domain-words.generated.js';
import { plainParts } from '../data/plain-parts.generated.js';
import { countSyllables } from './syllables.js';

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

// Compounds of plain parts. Dutch writes compounds as one word, so a syllable
// count alone calls "informatieavond" or "bewonersbijeenkomst" a hard word,
// while it is the plain word for the thing. A word that splits wholly into
// plain parts (data/plain-parts.yml and the domain parts), with a linking
// -s-, -e- or -en- between them, is not hard.
const parts = new Set<string>();
/** Parts that can be the head of a compound: nouns, not the verbs, adjectives and prepositions. */
const heads = new Set<string>();
for (const g of plainParts as readonly { groep: string; woorden: string[] }[]) {
  for (const w of g.woorden) {
    parts.add(w);
    if (g.groep !== 'doen' && g.groep !== 'eigenschap' && w.length >= 5) heads.add(w);
  }
}
for (const e of domainWords as readonly Entry[]) if (e.deel || !e.woord.includes(' ')) parts.add(e.woord);
const LINKS = ['', 's', 'e', 'en', 'er'];
const INFLECTIONS = ['', 'en', 's', 'e', 'n'];
const compoundCache = new Map<string, boolean>();

function isHead(s: string): boolean {
  for (const end of INFLECTIONS) if (s.endsWith(end) && heads.has(s.slice(0, s.length - end.length))) return true;
  return false;
}

function isPart(s: string): boolean {
  if (s.length < 2) return false;
  for (const end of INFLECTIONS) if (s.endsWith(end) && parts.has(s.slice(0, s.length - end.length))) return true;
  return false;
}

/** True when the word is a plain word of the list, or two or more plain parts: "huurachterstand", "incassokosten", "sleuteloverdracht". */
export function isPlainCompound(lower: string): boolean {
  const hit = compoundCache.get(lower);
  if (hit !== undefined) return hit;
  if (isPart(lower)) {
    compoundCache.set(lower, true);
    return true;
  }
  const w = lower.replace(/-/g, '');
  const memo = new Map<number, boolean>();
  // Can w[i..] be read as one or more parts?
  const rest = (i: number): boolean => {
    const m = memo.get(i);
    if (m !== undefined) return m;
    let ok = isPart(w.slice(i));
    for (let j = i + 2; !ok && j <= w.length - 2; j++) {
      if (!parts.has(w.slice(i, j))) continue;
      for (const link of LINKS) {
        if (w.startsWith(link, j) && j + link.length < w.length - 1 && rest(j + link.length)) {
          ok = true;
          break;
        }
      }
    }
    memo.set(i, ok);
    return ok;
  };
  // At least two parts: the first part ends before the end.
  let result = false;
  for (let j = 2; !result && j <= w.length - 2; j++) {
    if (!parts.has(w.slice(0, j))) continue;
    for (const link of LINKS) {
      if (w.startsWith(link, j) && j + link.length < w.length - 1 && rest(j + link.length)) {
        result = true;
        break;
      }
    }
  }
  // Or a short word in front of a plain head: "donderdag|ochtend", "overname|formulier",
  // "zolder|verdieping". The head says what the thing is; a front part of at most three
  // syllables only says which one. (A long front part — "verhuiskosten|vergoeding" — stays long.)
  for (let j = w.length - 5; !result && j >= 3; j--) {
    const head = w.slice(j);
    if (!isHead(head)) continue;
    const front = w.slice(0, j).replace(/(?:s|e|en)$/, '');
    if (front.length >= 3 && countSyllables(front) <= 3) result = true;
  }
  if (compoundCache.size > 20_000) compoundCache.clear();
  compoundCache.set(lower, result);
  return result;
}
