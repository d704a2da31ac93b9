import type { Rule } from '../../types.js';
import { normalisePhrase } from './util.js';

interface Options {
  stijf: string[];
}

export const closing: Rule<Options> = {
  meta: {
    id: 'closing',
    category: 'structure',
    defaultSeverity: 'warning',
    description: 'De brief eindigt met een groet, zoals "Met vriendelijke groet".',
    rationale:
      'Een brief zonder groet houdt abrupt op en voelt als een formulier. "Hoogachtend" is stijf en afstandelijk; "Met vriendelijke groet" is gewoon en vriendelijk.',
    presets: ['recommended'],
    fixable: true,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { stijf: { type: 'array', items: { type: 'string' }, description: 'Afsluitingen die te stijf zijn.' } },
    },
    defaultOptions: { stijf: ['hoogachtend', 'met de meeste hoogachting'] },
    messages: {
      missing: 'De brief heeft geen afsluitende groet. Sluit af met "Met vriendelijke groet," en uw naam.',
      stiff: '"{closing}" is stijf. Schrijf "Met vriendelijke groet".',
    },
    examples: {
      valid: [{ text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nMet vriendelijke groet,\n\nJan de Vries\n' }],
      invalid: [
        { text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nJan de Vries\n', note: 'Geen groet.' },
        { text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n\nHoogachtend,\n\nJan de Vries\n', note: 'Stijf.' },
      ],
    },
  },
  check({ doc, options, config, report }) {
    const c = doc.blocks.find((b) => b.role === 'closing');
    if (!c) {
      if (doc.blocks.every((b) => b.role === 'heading')) return;
      // Point at the end of the body, where the closing belongs (not at an enclosure line under it).
      const body = doc.blocks.filter((b) => b.role === 'body');
      const last = body[body.length - 1] ?? doc.blocks[doc.blocks.length - 1];
      if (!last) return;
      report({ messageId: 'missing', start: last.start, end: last.end });
      return;
    }
    // stock-phrases reports "Hoogachtend" too (with a fix); one finding per place is enough.
    if (config.rules['stock-phrases']) return;
    const stiff = new Set(options.stijf.map(normalisePhrase));
    const s = c.sentences[0]!;
    // "Hoogachtend, Jan de Vries" in one paragraph: compare growing word prefixes.
    for (let n = 1; n <= Math.min(5, s.words.length); n++) {
      const phrase = s.words.slice(0, n).map((w) => w.lower).join(' ');
      if (stiff.has(normalisePhrase(phrase))) {
        const end = s.words[n - 1]!.end;
        const actual = doc.text.slice(s.start, end);
        report({ messageId: 'stiff', data: { closing: actual }, start: s.start, end, actual, expected: ['Met vriendelijke groet'] });
        return;
      }
    }
  },
};
