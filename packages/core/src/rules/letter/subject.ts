import type { Rule } from '../../types.js';
import { normalisePhrase } from './util.js';

interface Options {
  vaag: string[];
}

/** Subjects that say nothing about the letter. */
const VAGUE = [
  'informatie',
  'info',
  'brief',
  'uw brief',
  'onze brief',
  'mededeling',
  'bericht',
  'belangrijk',
  'belangrijke informatie',
  'belangrijke mededeling',
  'belangrijk bericht',
  'nieuws',
  'update',
  'aankondiging',
  'kennisgeving',
  'diversen',
  'algemeen',
  'onderwerp',
  'betreft',
  'uw woning',
  'uw huur',
  'uw aanvraag',
  'uw vraag',
  'herinnering',
];

const FRONT_KEYS = ['onderwerp', 'subject', 'betreft'];
const LABEL = /^(?:onderwerp|betreft|inzake|subject)\s*[:\-–]\s*|^over\s*:\s*/i;

export const subject: Rule<Options> = {
  meta: {
    id: 'subject',
    category: 'structure',
    defaultSeverity: 'warning',
    description: 'De brief heeft een duidelijk onderwerp (front matter `onderwerp` of een eerste kop), niet "Informatie" of "Mededeling".',
    rationale:
      'Het onderwerp is het eerste wat een huurder leest. Daaraan ziet hij of de brief belangrijk is en wat hij ermee moet. "Informatie" of "Mededeling" zegt niets; "Onderhoud aan uw cv-ketel op 12 maart" wel. Zet het onderwerp in de front matter (`onderwerp: ...`) of als eerste kop (`# ...`).',
    presets: ['recommended'],
    fixable: false,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { vaag: { type: 'array', items: { type: 'string' }, description: 'Extra onderwerpen die te vaag zijn.' } },
    },
    defaultOptions: { vaag: [] },
    messages: {
      missing: 'Deze brief heeft geen onderwerp. Zet bovenaan `onderwerp: ...` in de front matter of begin met een kop (`# ...`).',
      vague: 'Het onderwerp "{subject}" zegt niet waar de brief over gaat. Noem het echte onderwerp, bijvoorbeeld "Onderhoud aan uw cv-ketel op 12 maart".',
    },
    examples: {
      valid: [
        { text: '---\nonderwerp: Onderhoud aan uw cv-ketel op 12 maart\n---\n\nBeste mevrouw Jansen,\n' },
        { text: '# Uw huur gaat per 1 juli omhoog\n\nBeste {{naam}},\n' },
      ],
      invalid: [
        { text: '---\nonderwerp: Informatie\n---\n\nBeste mevrouw Jansen,\n', note: 'Vaag onderwerp.' },
        { text: 'Beste mevrouw Jansen,\n\nOp 12 maart komt de monteur.\n', note: 'Geen onderwerp.' },
      ],
    },
  },
  check({ doc, options, report }) {
    const vague = new Set([...VAGUE, ...options.vaag.map(normalisePhrase)]);
    const isVague = (s: string) => {
      const n = normalisePhrase(s.replace(LABEL, '')).replace(/\s+(?:voor|aan)\s+(?:u|huurders|bewoners|de huurder|de bewoners)$/, '');
      return n === '' || vague.has(n);
    };
    const fm = doc.frontMatter;
    if (fm?.data) {
      for (const key of FRONT_KEYS) {
        const v = fm.data[key];
        if (v === undefined) continue;
        const value = typeof v === 'string' ? v : String(v ?? '');
        if (!isVague(value)) return;
        const source = doc.text.slice(fm.start, fm.end);
        const m = new RegExp(`^${key}\\s*:[ \\t]*(.*)$`, 'm').exec(source);
        const start = m ? fm.start + m.index + m[0].length - m[1]!.length : fm.start;
        const end = m ? start + Math.max(1, m[1]!.trimEnd().length) : fm.end;
        report({ messageId: 'vague', data: { subject: value.trim() }, start, end, actual: value.trim() });
        return;
      }
    }
    // A first heading, or an "Onderwerp:" / "Betreft:" line before the greeting.
    for (const b of doc.blocks) {
      if (b.role === 'greeting' || b.role === 'closing' || b.role === 'signature') break;
      // "**Onderwerp: ...**": emphasis around the line does not change what it is.
      const text = doc.text.slice(b.start, b.end).replace(/^#+\s*/, '').trim().replace(/^(\*\*|__|\*|_)(.*)\1$/s, '$2').trim();
      if (b.type === 'heading' || b.role === 'subject' || LABEL.test(text)) {
        if (isVague(text)) {
          const s = b.sentences[0]!;
          report({ messageId: 'vague', data: { subject: text.replace(LABEL, '') }, start: s.start, end: b.sentences[b.sentences.length - 1]!.end, actual: text });
        }
        return;
      }
      if (b.role === 'body') break;
    }
    // Point at the place the subject belongs: just above the greeting, else the first line of the body.
    const first = doc.blocks.find((b) => b.role === 'greeting') ?? doc.blocks.find((b) => b.role === 'body') ?? doc.blocks[0];
    const start = first?.start ?? fm?.end ?? 0;
    report({ messageId: 'missing', start, end: first ? first.sentences[0]!.words[0]!.end : start });
  },
};
