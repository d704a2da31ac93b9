import { plainWords as data } from '../../data/plain-words.generated.js';
import { matchCase } from '../../engine/messages.js';
import { contextsFor, wordListFix, type Herstel } from '../../engine/fix-contexts.js';
import { compilePhrases, matchPhrases } from '../../engine/phrases.js';
import type { LetterDocument, ResolvedConfig, Rule } from '../../types.js';
import { judgementRules } from '../judgement/index.js';

interface Entry {
  woord: string;
  gebruik?: string[];
  vormen?: Record<string, string | string[]>;
  alleenMet?: string[];
  /** No finding when one of these words is in the sentence ("u zich genoodzaakt voelde": the tenant's feeling, said as people say it). */
  nietMet?: string[];
  /** Rules that report these words better (a stock phrase, a threat): no plain-words finding in a sentence where one of them reports. */
  wijktVoor?: string[];
  uitleg?: string;
  herstel?: Herstel;
}

interface Target {
  entry: Entry;
  /** The form in the list that matched (a key of `vormen`, or `woord`). */
  form: string;
  suggestions: string[];
}

function buildIndex() {
  const pairs: [string, Target][] = [];
  for (const raw of data as readonly Entry[]) {
    const base = raw.gebruik ?? [];
    if (raw.vormen) {
      for (const [form, repl] of Object.entries(raw.vormen)) pairs.push([form, { entry: raw, form, suggestions: Array.isArray(repl) ? repl : [repl] }]);
    }
    if (!raw.vormen || !(raw.woord in raw.vormen)) {
      if (base.length > 0) pairs.push([raw.woord, { entry: raw, form: raw.woord, suggestions: base }]);
    }
  }
  return compilePhrases(pairs);
}

const index = buildIndex();

/**
 * "dan wel" is officialese for "or" between two alternatives ("schriftelijk dan wel telefonisch"),
 * but plain Dutch as "then ... (indeed)" after a pronoun or a finite verb ("laat het ons dan wel
 * weten", "we hebben dan wel het proces-verbaal nodig") or before "weer", "even", ...
 */
const DAN_WEL_BEFORE = new Set(['ons', 'het', 'je', 'jij', 'u', 'we', 'wij', 'ik', 'hij', 'zij', 'ze', 'jullie', 'hem', 'haar', 'hebben', 'heeft', 'hebt', 'heb', 'is', 'zijn', 'ben', 'bent', 'moet', 'moeten', 'kan', 'kunnen', 'kunt', 'wordt', 'worden', 'begint', 'beginnen', 'krijgt', 'krijg', 'krijgen', 'gaat', 'gaan', 'komt', 'komen', 'zit', 'zitten', 'staat', 'staan', 'betaalt', 'betaal', 'betalen']);
const DAN_WEL_AFTER = new Set(['weer', 'even', 'graag', 'nog', 'ook', 'eerst', 'zelf', 'wat', 'iets', 'meteen', 'direct', 'zeker']);

/**
 * Where the rules named by `wijktVoor` really report in this letter: each is run here on the same
 * document, so a yield follows the other rule's own filters (a threat only as a threat, a refusal
 * only without its alternative), not the bare phrase hits. The shared sentence analysis and the
 * pattern hits are cached per document, so this costs little. (An inline "huurbrief-disable" of the
 * other rule is applied later by the engine; such a sentence then gets neither finding.)
 */
function yieldSpans(doc: LetterDocument, config: ResolvedConfig, cache: Map<string, { start: number; end: number }[]>, ruleIds: readonly string[]) {
  const spans: { start: number; end: number }[] = [];
  for (const id of ruleIds) {
    const setting = config.rules[id];
    if ((setting?.severity ?? 'off') === 'off') continue;
    let found = cache.get(id);
    if (!found) {
      const rule = judgementRules.find((r) => r.meta.id === id);
      const collected: { start: number; end: number }[] = [];
      if (rule) rule.check({ doc, config, options: setting?.options ?? {}, report: (d) => collected.push({ start: d.start, end: d.end }) });
      found = collected;
      cache.set(id, found);
    }
    spans.push(...found);
  }
  return spans;
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
    limits: [
      {
        text: 'Alleen woorden en vaste woordgroepen uit de lijst, in de vormen die erin staan; een ambtelijk woord dat er niet in staat, mist hij.',
        example: 'Onverminderd uw recht op bezwaar blijft de huur gelijk.',
      },
    ],
  },
  check({ doc, config, report }) {
    const ignored = new Set(config.woorden.negeren.map((w) => w.toLowerCase()));
    const yieldCache = new Map<string, { start: number; end: number }[]>();
    for (const s of doc.sentences) {
      for (const m of matchPhrases(index, s)) {
        const { entry, form, suggestions } = m.value;
        const actual = doc.text.slice(m.start, m.end);
        if (ignored.has(actual.toLowerCase())) continue;
        if (entry.alleenMet) {
          const later = s.words.slice(m.last + 1).map((w) => w.lower);
          if (!entry.alleenMet.some((w) => later.includes(w))) continue;
        }
        if (entry.nietMet && s.words.some((w) => entry.nietMet!.includes(w.lower))) continue;
        // After a comma it is the officialese "or" ("dat u thuis bent, dan wel de sleutel bij de buren afgeeft").
        const afterComma = m.first > 0 && doc.text.slice(s.words[m.first - 1]!.end, m.start).includes(',');
        // Without the comma, only between two alternatives of the same kind: after an infinitive ("zelf
        // gaat bewonen dan wel de sleutels inlevert", "aanwezig te zijn dan wel ...") or an adverb
        // ("schriftelijk dan wel telefonisch"). "draag dan wel handschoenen" is "then".
        const danWelPrev = s.words[m.first - 1]?.lower ?? '';
        const danWelOr = /(?:en|lijk|isch)$/.test(danWelPrev) || (danWelPrev === 'zijn' && s.words[m.first - 2]?.lower === 'te');
        if (entry.woord === 'dan wel' && !afterComma && (!danWelOr || DAN_WEL_BEFORE.has(danWelPrev) || DAN_WEL_AFTER.has(s.words[m.last + 1]?.lower ?? ''))) continue;
        // The whole sentence: "Bijgaand treft u ... aan" is one formula that stock-phrases reports by its verb.
        if (entry.wijktVoor && yieldSpans(doc, config, yieldCache, entry.wijktVoor).some((y) => y.start < s.end && s.start < y.end)) continue;
        const expected = suggestions.map((x) => matchCase(actual, x));
        // A fix only where the data say it is grammatical (`herstel`), checked in this sentence.
        const fix = expected.length === 1 ? wordListFix({ text: doc.text, sentence: s, first: m.first, last: m.last }, contextsFor(entry.herstel, form), expected[0]!) : undefined;
        report({
          fix: fix ?? false,
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
