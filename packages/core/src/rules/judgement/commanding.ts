import type { Rule } from '../../types.js';
import { phraseHits, phraseReport } from './shared.js';

export const commanding: Rule = {
  meta: {
    id: 'commanding',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Vraag iets, met de reden erbij, in plaats van te bevelen ("u dient", "gelieve", "u bent verplicht").',
    rationale:
      '"U dient", "gelieve" en "wij verzoeken u dringend" klinken als een loket dat bevelen geeft. Een huurder doet eerder mee als u het vraagt en zegt waarom: "Wilt u de meterstand voor 1 mei doorgeven? Dan klopt uw eindafrekening." Moet het echt, zeg dan ook wat er gebeurt als het niet lukt, en wie kan helpen.',
    presets: ['recommended'],
    fixable: false,
    messages: {
      command: 'Dit klinkt als een bevel ("{actual}"). Vraag het, en zeg waarom: "Wilt u ...? Dan ..."',
    },
    examples: {
      valid: [{ text: 'Wilt u de sleutels voor vrijdag 3 mei inleveren? Dan kan de nieuwe huurder op tijd verhuizen.' }],
      invalid: [
        { text: 'U dient de sleutels uiterlijk vrijdag in te leveren.', note: 'Wordt: "Wilt u de sleutels voor vrijdag 3 mei inleveren? Dan ..."' },
        { text: 'Gelieve de container aan de straat te zetten.' },
      ],
    },
  },
  check({ doc, report }) {
    for (const { hit } of phraseHits(doc, 'commanding')) report(phraseReport(doc, hit, 'command'));
  },
};
