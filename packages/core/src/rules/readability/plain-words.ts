import { plainWords as data } from '../../data/plain-words.generated.js';
import { matchCase } from '../../engine/messages.js';
import { compilePhrases, matchPhrases } from '../../engine/phrases.js';
import type { Fix, Rule, Sentence } from '../../types.js';

interface Entry {
  woord: string;
  gebruik?: string[];
  vormen?: Record<string, string | string[]>;
  alleenMet?: string[];
  uitleg?: string;
}

interface Target {
  entry: Entry;
  suggestions: string[];
}

function buildIndex() {
  const pairs: [string, Target][] = [];
  for (const raw of data as readonly Entry[]) {
    const base = raw.gebruik ?? [];
    if (raw.vormen) {
      for (const [form, repl] of Object.entries(raw.vormen)) pairs.push([form, { entry: raw, suggestions: Array.isArray(repl) ? repl : [repl] }]);
    }
    if (!raw.vormen || !(raw.woord in raw.vormen)) {
      if (base.length > 0) pairs.push([raw.woord, { entry: raw, suggestions: base }]);
    }
  }
  return compilePhrases(pairs);
}

const index = buildIndex();

/** Particles of separable verbs: "door te geven" becomes "doorgeven" once "te" goes. */
const PARTICLES = new Set(['aan', 'af', 'bij', 'binnen', 'buiten', 'door', 'in', 'langs', 'mee', 'na', 'om', 'op', 'over', 'samen', 'terug', 'toe', 'uit', 'vast', 'voor', 'weg']);

/** Words after "te" that make a fixed phrase, not an infinitive. */
const FIXED_AFTER_TE = new Set(['allen tijde', 'allen', 'zijner tijd', 'goeder trouw', 'dien einde', 'gelegener tijd', 'bestemder plaatse', 'dezen', 'wapen']);

/**
 * "dienen/wensen ... te <verb>" become modal verbs ("moeten/willen <verb>"),
 * which take no "te": the fix replaces the verb and drops "te", joining a
 * separable particle ("U dient de meterstand door te geven" -> "U moet de
 * meterstand doorgeven").
 */
function modalFix(text: string, sentence: Sentence, last: number, start: number, replacement: string): Fix | undefined {
  const words = sentence.words;
  // The "te" of the infinitive, not of a fixed phrase ("te allen tijde", "te zijner tijd").
  const te = words.findIndex((w, i) => {
    if (i <= last || w.lower !== 'te') return false;
    const next = words[i + 1];
    if (!next || next.kind !== 'word' || !/(?:en|aan|oen|ien|ijn|aan|n)$/.test(next.lower)) return false;
    return !FIXED_AFTER_TE.has(`${next.lower} ${words[i + 2]?.lower ?? ''}`.trim()) && !FIXED_AFTER_TE.has(next.lower);
  });
  const verb = words[te + 1];
  if (te < 0 || !verb || verb.kind !== 'word') return undefined;
  const teWord = words[te]!;
  const before = words[te - 1];
  const joinParticle = before && te - 1 > last && PARTICLES.has(before.lower) && text.slice(before.end, teWord.start) === ' ';
  const middleEnd = joinParticle ? before.start : teWord.start;
  const middle = text.slice(words[last]!.end, middleEnd);
  const infinitive = (joinParticle ? before.text : '') + verb.text;
  return { range: [start, verb.end], text: `${replacement}${middle}${infinitive}` };
}

export const plainWords: Rule = {
  meta: {
    id: 'plain-words',
    category: 'plain-language',
    defaultSeverity: 'warning',
    description: 'Gewone woorden in plaats van ambtelijke taal ("indien" → "als").',
    rationale:
      'Ambtelijke woorden als "indien", "middels" en "derhalve" maken een brief afstandelijk en moeilijk. Huurders lezen ze als taal van een loket, niet van een mens. Het gewone woord is korter en duidelijker. Woorden uit het vak, zoals onderhoud, huurtoeslag en servicekosten, staan niet op de lijst: die legt u zo nodig uit.',
    presets: ['recommended'],
    fixable: true,
    messages: {
      plain: 'Schrijf "{expected}" in plaats van "{actual}".',
      plainMany: 'Schrijf liever {expected} in plaats van "{actual}".',
    },
    examples: {
      valid: [
        { text: 'Als u vragen heeft, bel ons gerust.' },
        { text: 'Wij hebben uw verzoek ontvangen.', note: '"verzoek" als zelfstandig naamwoord is gewoon Nederlands.' },
        { text: 'Het onderhoud aan uw woning begint op 4 maart.', note: 'Domeinwoorden worden nooit gemeld.' },
      ],
      invalid: [
        { text: 'Indien u vragen heeft, kunt u ons bellen.', note: 'Wordt: "Als u vragen heeft, ..."' },
        { text: 'U dient de meterstand door te geven.', note: 'Wordt: "U moet de meterstand doorgeven."' },
      ],
    },
  },
  check({ doc, config, report }) {
    const ignored = new Set(config.woorden.negeren.map((w) => w.toLowerCase()));
    for (const s of doc.sentences) {
      for (const m of matchPhrases(index, s)) {
        const { entry, suggestions } = m.value;
        const actual = doc.text.slice(m.start, m.end);
        if (ignored.has(actual.toLowerCase())) continue;
        if (entry.alleenMet) {
          const later = s.words.slice(m.last + 1).map((w) => w.lower);
          if (!entry.alleenMet.some((w) => later.includes(w))) continue;
        }
        const expected = suggestions.map((x) => matchCase(actual, x));
        const fix = entry.alleenMet?.includes('te') && expected.length === 1 ? modalFix(doc.text, s, m.last, m.start, expected[0]!) : undefined;
        report({
          ...(fix ? { fix } : {}),
          messageId: expected.length === 1 ? 'plain' : 'plainMany',
          data: { actual, expected: expected.length === 1 ? expected[0]! : expected.map((e) => `"${e}"`).join(' of ') },
          start: m.start,
          end: m.end,
          actual,
          expected,
          ...(entry.uitleg ? { note: entry.uitleg } : {}),
        });
      }
    }
  },
};
