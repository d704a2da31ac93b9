// Dutch syllable counting.
//
// English counters (the `syllable` package used by retext-readability) are
// wrong for Dutch, and Dutch hyphenation patterns alone undercount: TeX/OpenTaal
// patterns never split off a one-letter first or last syllable (leftmin and
// rightmin are 2), so "ezel", "idee", "mede", "over" stay whole, and short
// words are not split at all. We therefore combine both:
//
//   1. the word is split into parts at hyphens and apostrophes ("cv-ketel",
//      "auto's");
//   2. each part is hyphenated with the Dutch patterns (`hyphen/nl`, vendored as hyphen-nl.generated.ts: only the Dutch patterns are shipped), which
//      know where syllables meet inside vowel sequences ("mu-se-um",
//      "the-a-ter", "koei-en") and at compound seams;
//   3. inside each pattern segment we count Dutch vowel groups (aa, ee, ie,
//      oe, eu, ei, ij, ui, ou, au, aai, ooi, oei, eeu, ieu, ...), where a
//      diaeresis always starts a new syllable ("ge-ïn-for-meerd", "Bel-gi-ë",
//      "ru-ï-ne"). This finds the edge syllables the patterns leave whole.
//
// A few loan words with a silent final e ("douche", "service", "update") are
// corrected explicitly. Results are cached per word.
import { hyphenateSync } from './hyphen-nl.generated.js';

const DIAERESIS: Record<string, string> = { ä: 'a', ë: 'e', ï: 'i', ö: 'o', ü: 'u', ÿ: 'y' };
const ACCENTED: Record<string, string> = {
  á: 'a', à: 'a', â: 'a', é: 'e', è: 'e', ê: 'e', í: 'i', ì: 'i', î: 'i', ó: 'o', ò: 'o', ô: 'o', ú: 'u', ù: 'u', û: 'u',
};
const VOWEL = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Vowel letter groups that are one syllable in Dutch (and in common loan words), longest first. */
const UNITS3 = new Set(['aai', 'ooi', 'oei', 'eeu', 'ieu', 'eau']);
const UNITS2 = new Set(['aa', 'ee', 'oo', 'uu', 'ie', 'oe', 'eu', 'ei', 'ij', 'ui', 'ou', 'au', 'ai', 'oi', 'ay', 'ey', 'oy', 'ea', 'oa']);

/**
 * Loan words whose written syllables (as the patterns split them) exceed the
 * spoken ones: a silent final e. Pattern, and how many syllables to subtract.
 */
const LOAN_CORRECTIONS: [RegExp, number][] = [
  [/douche(?!s$)/, 1], // "douches" keeps its schwa: dou-ches
  [/service(?!s$)/, 1],
  [/^(?:web|home)site/, 1],
  [/^update/, 1],
  [/^online$/, 1],
  [/^software/, 1],
  [/^voicemail/, 1],
  [/^lease/, 1],
  [/^games?$/, 1],
  [/^files?$/, 1],
];

interface Letter {
  ch: string;
  /** Carries a diaeresis: always starts a new syllable. */
  split: boolean;
}

function letters(part: string): Letter[] {
  const out: Letter[] = [];
  for (const c of part) {
    const d = DIAERESIS[c];
    if (d) out.push({ ch: d, split: true });
    else out.push({ ch: ACCENTED[c] ?? c, split: false });
  }
  return out;
}

function isVowelAt(ls: readonly Letter[], i: number): boolean {
  const l = ls[i];
  if (!l) return false;
  if (l.ch === 'y') {
    // "yoga", "royaal": y before a vowel is a consonant; "baby", "typisch": a vowel.
    const next = ls[i + 1];
    return !(next && VOWEL.has(next.ch) && next.ch !== 'y');
  }
  if (l.ch === 'u' && ls[i - 1]?.ch === 'q') return false; // "enquête", "quotum"
  return VOWEL.has(l.ch);
}

/** Counts vowel groups in one pattern segment. */
function vowelGroups(ls: readonly Letter[]): number {
  let count = 0;
  let i = 0;
  while (i < ls.length) {
    if (!isVowelAt(ls, i)) {
      i++;
      continue;
    }
    count++;
    // Extend to the longest unit; a letter with a diaeresis never continues a unit.
    const can = (k: number) => {
      const l = ls[k];
      return l !== undefined && !l.split;
    };
    const s3 = ls.slice(i, i + 3).map((l) => l.ch).join('');
    const s2 = s3.slice(0, 2);
    if (s3.length === 3 && can(i + 1) && can(i + 2) && UNITS3.has(s3)) i += 3;
    else if (s2.length === 2 && can(i + 1) && (UNITS2.has(s2) || s2 === 'ij')) i += 2;
    else i++;
  }
  return count;
}

function hyphenate(part: string): string[] {
  return hyphenateSync(part, { hyphenChar: '\u2010', minWordLength: 4 }).split('\u2010');
}

function partSyllables(part: string, clitic: boolean): number {
  if (part.length === 0) return 0;
  const ls = letters(part);
  let hasVowel = false;
  for (let i = 0; i < ls.length; i++) if (isVowelAt(ls, i)) hasVowel = true;
  if (!hasVowel) {
    // "'s", "'t", "z'n": no syllable of their own. "cv", "wc", "btw": spelled out, one per letter.
    if (clitic && part.length <= 2) return 0;
    return part.replace(/[^\p{L}]/gu, '').length;
  }
  let n = 0;
  for (const seg of hyphenate(part)) n += vowelGroups(letters(seg));
  for (const [re, delta] of LOAN_CORRECTIONS) if (re.test(part)) n -= delta;
  return Math.max(1, n);
}

const cache = new Map<string, number>();
const CACHE_LIMIT = 50_000;

/** Number of spoken syllables of a Dutch word (at least 1 for a word with letters). */
export function countSyllables(word: string): number {
  const raw = cache.get(word);
  if (raw !== undefined) return raw;
  const key = word.normalize('NFC').toLowerCase();
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.set(word, hit);
    return hit;
  }
  const hasApostrophe = /['’]/.test(key);
  const parts = key
    .replace(/[^\p{L}\p{N}'’-]/gu, '')
    .split(/[-'’]+/)
    .map((p) => p.replace(/\p{N}/gu, ''));
  let n = 0;
  for (const p of parts) n += partSyllables(p, hasApostrophe);
  if (n === 0 && /\p{L}/u.test(key)) n = 1;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, n);
  cache.set(word, n);
  return n;
}

const enCache = new Map<string, number>();
/**
 * A rough English syllable count for English letters (`lang: en`): vowel
 * groups, minus a silent final e ("make"), plus "-le" ("table"). Used for the
 * letter's metrics only; the English rules use retext-readability.
 */
export function countSyllablesEnglish(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return /\p{L}/u.test(word) ? 1 : 0;
  const hit = enCache.get(w);
  if (hit !== undefined) return hit;
  let n = (w.match(/[aeiouy]+/g) ?? []).length;
  if (w.length > 2 && /[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) n--;
  if (/[^aeiouy]e[sd]$/.test(w) && !/(?:[td]ed|[sxzh]es)$/.test(w)) n--;
  n = Math.max(1, n);
  if (enCache.size > 20_000) enCache.clear();
  enCache.set(w, n);
  return n;
}
