import type { Rule } from '../../types.js';

export const disableWithoutReason: Rule = {
  meta: {
    id: 'disable-without-reason',
    category: 'structure',
    defaultSeverity: 'info',
    description: 'Wie een regel uitzet, schrijft erbij waarom.',
    rationale:
      'Een collega die de brief beoordeelt, moet kunnen zien waarom een melding bewust is weggelaten, bijvoorbeeld omdat een zin letterlijk uit de wet komt. Schrijf de reden na `--` in het commentaar.',
    presets: ['recommended'],
    fixable: false,
    messages: { missing: 'Schrijf na "--" waarom u {what} uitzet.' },
    examples: {
      valid: [{ text: '<!-- huurbrief-disable refusal -- wettelijk verplichte formulering -->\nBeste mevrouw Jansen,\n' }],
      invalid: [{ text: '<!-- huurbrief-disable refusal -->\nBeste mevrouw Jansen,\n' }],
    },
  },
  check({ doc, report }) {
    for (const c of doc.controls) {
      if (c.kind === 'enable' || c.reason) continue;
      const what = c.ids.length === 0 ? 'alle regels' : c.ids.length === 1 ? `de regel ${c.ids[0]!.id}` : 'deze regels';
      report({ messageId: 'missing', data: { what }, start: c.start, end: c.end });
    }
  },
};
