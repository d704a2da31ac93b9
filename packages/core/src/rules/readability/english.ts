// English letters (`lang: en`): the retext plugins, run on the parse tree the
// engine already built with retext-english's parser (doc.nlcst), mapped to
// our rule ids, categories and message shape. The Dutch rules do not run on
// English letters (they declare `languages: ['nl']`).
import type { Root } from 'nlcst';
import retextPassive from 'retext-passive';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import { VFile } from 'vfile';
import type { Level, LetterDocument, Rule } from '../../types.js';

interface Found {
  start: number;
  end: number;
  actual: string;
  expected: string[];
  ruleId: string;
}

type Transform = (tree: Root, file: VFile) => void;

function offsetOf(p: unknown): number | undefined {
  if (p && typeof p === 'object' && 'offset' in p && typeof (p as { offset: unknown }).offset === 'number') return (p as { offset: number }).offset;
  return undefined;
}

/** Runs one retext plugin on the letter's tree and returns its messages as offsets (outside opaque spans). */
function run(doc: LetterDocument, transform: Transform): Found[] {
  const file = new VFile({ value: doc.text });
  transform(doc.nlcst, file);
  const out: Found[] = [];
  for (const m of file.messages) {
    const place = m.place as unknown;
    let start: number | undefined;
    let end: number | undefined;
    if (place && typeof place === 'object' && 'start' in place) {
      const range = place as { start?: unknown; end?: unknown };
      start = offsetOf(range.start);
      end = offsetOf(range.end);
    } else {
      start = offsetOf(place);
      end = start;
    }
    if (start === undefined || end === undefined || doc.isOpaque(start)) continue;
    const e = m as unknown as { actual?: string; expected?: string[] };
    out.push({ start, end, actual: e.actual ?? doc.text.slice(start, end), expected: e.expected ?? [], ruleId: m.ruleId ?? '' });
  }
  return out;
}

const AGE: Record<Level, number> = { A2: 12, B1: 14, B2: 16, C1: 18 };

export const enReadability: Rule<{ minWords: number }> = {
  meta: {
    id: 'en-readability',
    category: 'readability',
    defaultSeverity: 'warning',
    description: 'Engelse brieven: zinnen die volgens de Engelse leesbaarheidsformules te moeilijk zijn (retext-readability).',
    rationale:
      'Voor Engelse brieven gebruiken we de Engelse formules (Flesch, Dale-Chall, SMOG en andere) via retext-readability. Een zin wordt gemeld als de meeste formules hem te moeilijk vinden voor de doelgroep. De leeftijdsgrens volgt het doelniveau: A2 12 jaar, B1 14 jaar, B2 16 jaar, C1 18 jaar.',
    presets: ['recommended'],
    fixable: false,
    languages: ['en'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { minWords: { type: 'integer', minimum: 1, description: 'Kortere zinnen worden niet beoordeeld.' } },
    },
    defaultOptions: { minWords: 8 },
    messages: {
      hard: 'Deze Engelse zin is moeilijk te lezen (volgens de meeste Engelse leesbaarheidsformules). Schrijf korter en met gewone woorden.',
    },
    examples: {
      valid: [{ text: '---\nlang: en\n---\nOur engineer will visit you on Tuesday 12 March. The check takes about half an hour.' }],
      invalid: [
        {
          text: '---\nlang: en\n---\nNotwithstanding the aforementioned considerations, the corporation is unable to accommodate individual modifications to the specifications of the renovation programme.',
        },
      ],
    },
  },
  check({ doc, config, options, report }) {
    const transform = retextReadability({ age: AGE[config.level], minWords: options.minWords }) as unknown as Transform;
    for (const f of run(doc, transform)) report({ messageId: 'hard', start: f.start, end: f.end });
  },
};

export const enSimplify: Rule = {
  meta: {
    id: 'en-simplify',
    category: 'plain-language',
    defaultSeverity: 'warning',
    description: 'Engelse brieven: eenvoudiger woorden in plaats van formele (retext-simplify).',
    rationale:
      'Ook in het Engels leest een gewoon woord makkelijker dan een formeel woord: "use" in plaats van "utilize", "help" in plaats van "assistance". Deze regel gebruikt de lijst van retext-simplify.',
    presets: ['recommended'],
    fixable: false,
    languages: ['en'],
    messages: {
      simplify: 'Eenvoudiger Engels: gebruik {expected} in plaats van "{actual}".',
      omit: 'Eenvoudiger Engels: laat "{actual}" weg.',
    },
    examples: {
      valid: [{ text: '---\nlang: en\n---\nPlease use the form to tell us your meter reading.' }],
      invalid: [{ text: '---\nlang: en\n---\nPlease utilize the form to submit your meter reading.' }],
    },
  },
  check({ doc, report }) {
    for (const f of run(doc, retextSimplify() as unknown as Transform)) {
      // retext-simplify's one replacement "remove" (for "aforementioned") means: leave the word out.
      const expected = f.expected.length === 1 && f.expected[0] === 'remove' ? [] : f.expected;
      report({
        messageId: expected.length ? 'simplify' : 'omit',
        data: { actual: f.actual, expected: expected.map((x) => `"${x}"`).join(' of ') },
        start: f.start,
        end: f.end,
        actual: f.actual,
        expected,
      });
    }
  },
};

export const enPassive: Rule = {
  meta: {
    id: 'en-passive',
    category: 'readability',
    defaultSeverity: 'info',
    strictSeverity: 'warning',
    description: 'Engelse brieven: lijdende vorm (retext-passive).',
    rationale:
      'In de lijdende vorm staat niet wie iets doet ("Your boiler was taken away"). Een actieve zin is korter en persoonlijker ("We took your boiler away"). retext-passive kent alleen onregelmatige Engelse deelwoorden (taken, given, broken, ...), dus niet elke lijdende vorm wordt gevonden.',
    presets: ['recommended'],
    fixable: false,
    languages: ['en'],
    messages: {
      passive: 'Lijdende vorm in het Engels: "{actual}". Zeg wie het doet.',
    },
    examples: {
      valid: [{ text: '---\nlang: en\n---\nWe will replace your boiler on Tuesday.' }],
      invalid: [{ text: '---\nlang: en\n---\nYour old boiler will be taken away on Tuesday.' }],
    },
  },
  check({ doc, report }) {
    for (const f of run(doc, retextPassive() as unknown as Transform)) {
      // retext-passive marks the participle; show the auxiliary with it when it is right before.
      const before = doc.text.slice(Math.max(0, f.start - 12), f.start);
      const aux = /\b(?:be|been|being|is|are|was|were|am)\s+$/i.exec(before);
      const start = aux ? f.start - aux[0].length : f.start;
      const actual = doc.text.slice(start, f.end);
      report({ messageId: 'passive', data: { actual }, start, end: f.end, actual });
    }
  },
};
