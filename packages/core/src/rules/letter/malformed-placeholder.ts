import type { Rule } from '../../types.js';
import { templateTree } from './util.js';

const NAME = /[\p{L}_][\p{L}\p{N}_.\-]*/u;
const VALID_NAME = /^(?:\.\.\/)*(?:@root\.|this\.)?[\p{L}_@][\p{L}\p{N}_.\-]*$|^\.$|^this$/u;

export const malformedPlaceholder: Rule = {
  meta: {
    id: 'malformed-placeholder',
    category: 'template',
    defaultSeverity: 'error',
    description: 'Invulvelden en secties zijn goed geopend en gesloten.',
    rationale:
      'Een invulveld dat niet goed gesloten is (`{{naam`, `{naam}}`, `«naam}}`) of een sectie zonder einde (`{{#if}}` zonder `{{/if}}`) wordt bij het samenvoegen niet ingevuld: de huurder krijgt accolades en codes te zien, of een heel stuk brief valt weg. Het samenvoegprogramma meldt dat vaak niet.',
    presets: ['recommended'],
    // Never fixed automatically: a fix never changes what a merge inserts (the message names the fix).
    fixable: false,
    messages: {
      unclosed: 'Het invulveld "{raw}" is niet gesloten. Schrijf "{fixed}".',
      empty: 'Dit invulveld is leeg: er staat geen naam tussen de tekens.',
      strayClose: 'Hier staan sluittekens "{raw}" zonder begin. Is een invulveld half weggehaald?',
      singleBrace: 'Het invulveld "{raw}" heeft één accolade te weinig. Schrijf "{fixed}".',
      mixed: 'Het invulveld "{raw}" mengt twee soorten tekens. Gebruik {{...}} of «...», niet allebei.',
      badName: 'De naam "{name}" in dit invulveld bevat tekens die niet in een naam horen.',
      sectionUnclosed: 'De sectie "{raw}" wordt niet gesloten. Zet "{{/{expected}}}" aan het eind.',
      sectionStray: 'Hier wordt een sectie gesloten ("{raw}") die niet geopend is.',
      sectionMismatch: 'Deze sluittag "{raw}" past niet bij "{open}". Schrijf "{{/{expected}}}".',
      elseOutside: '"{raw}" staat buiten een sectie: er is geen {{#if}} of {{#each}} om heen.',
    },
    examples: {
      valid: [{ text: 'Beste {{huurder.naam}},\n\n{{#if hond}}\nWilt u uw hond binnen houden?\n{{/if}}\n' }],
      invalid: [
        { text: 'Beste {{huurder.naam,\n\nOp dinsdag komt de monteur.\n', note: 'De sluitaccolades ontbreken.' },
        { text: 'Beste {huurder.naam}},\n', note: 'Eén accolade te weinig.' },
        { text: 'Beste {{naam}},\n\n{{#if hond}}\nWilt u uw hond binnen houden?\n', note: 'De sectie wordt niet gesloten.' },
      ],
    },
  },
  check({ doc, report }) {
    let reportedUntil = -1;
    // An HTML comment is a note for the template's writer ("<!-- velden tussen « » -->"), never merged.
    const comments: { start: number; end: number }[] = [];
    for (let at = doc.text.indexOf('<!--'); at !== -1; at = doc.text.indexOf('<!--', at + 4)) {
      const end = doc.text.indexOf('-->', at + 4);
      comments.push({ start: at, end: end === -1 ? doc.text.length : end + 3 });
    }
    for (const p of doc.placeholderProblems) {
      if (p.start < reportedUntil) continue;
      if (comments.some((c) => p.start >= c.start && p.start < c.end)) continue;
      const raw = p.raw.trim();
      if (p.reason === 'unclosed') {
        const merge = raw.startsWith('«');
        const otherClose = merge ? raw.indexOf('}}') : raw.search(/»/);
        if (otherClose > 0) {
          const end = p.start + otherClose + (merge ? 2 : 1);
          report({ messageId: 'mixed', data: { raw: doc.text.slice(p.start, end) }, start: p.start, end });
          reportedUntil = end;
          continue;
        }
        const open = merge ? '«' : raw.startsWith('{{{') ? '{{{' : '{{';
        const name = NAME.exec(raw.slice(open.length).trimStart());
        if (name && raw.slice(open.length).trimStart().startsWith(name[0])) {
          const nameEnd = p.start + raw.indexOf(name[0], open.length) + name[0].length;
          const shown = doc.text.slice(p.start, nameEnd);
          const close = merge ? '»' : open === '{{{' ? '}}}' : '}}';
          report({ messageId: 'unclosed', data: { raw: shown, fixed: shown + close }, start: p.start, end: nameEnd, expected: [shown + close] });
          reportedUntil = nameEnd;
        } else {
          report({ messageId: 'unclosed', data: { raw: open, fixed: `${open}naam${merge ? '»' : '}}'}` }, start: p.start, end: p.start + open.length, fix: false });
          reportedUntil = p.start + open.length;
        }
      } else if (p.reason === 'empty') {
        report({ messageId: 'empty', start: p.start, end: p.end });
        reportedUntil = p.end;
      } else if (p.reason === 'stray-close') {
        report({ messageId: 'strayClose', data: { raw }, start: p.start, end: p.end });
        reportedUntil = p.end;
      } else if (p.reason === 'single-brace') {
        const name = raw.replace(/[{}]/g, '');
        report({ messageId: 'singleBrace', data: { raw, fixed: `{{${name}}}` }, start: p.start, end: p.end, expected: [`{{${name}}}`] });
        reportedUntil = p.end;
      } else {
        report({ messageId: 'mixed', data: { raw }, start: p.start, end: p.end });
        reportedUntil = p.end;
      }
    }
    for (const p of doc.placeholders) {
      if (p.syntax !== 'mustache' || p.kind !== 'variable') continue;
      const name = p.name.trim();
      if (/\s/.test(name)) continue; // a helper call: `{{formatDatum datum}}`
      if (!VALID_NAME.test(name)) report({ messageId: 'badName', data: { name }, start: p.start, end: p.end, actual: name });
    }
    const tree = templateTree(doc);
    for (const s of tree.problems) {
      if (s.reason === 'section-unclosed') {
        report({ messageId: 'sectionUnclosed', data: { raw: s.raw, expected: s.expected ?? '' }, start: s.start, end: s.end });
      } else if (s.reason === 'section-stray-close') {
        report({ messageId: 'sectionStray', data: { raw: s.raw }, start: s.start, end: s.end });
      } else if (s.reason === 'section-mismatch') {
        const fixed = `{{/${s.expected ?? ''}}}`;
        report({
          messageId: 'sectionMismatch',
          data: { raw: s.raw, open: s.opener?.raw ?? '', expected: s.expected ?? '' },
          start: s.start,
          end: s.end,
          expected: [fixed],
          ...(s.opener ? { cause: { offset: s.opener.start, message: `geopend met ${s.opener.raw}` } } : {}),
        });
      } else {
        report({ messageId: 'elseOutside', data: { raw: s.raw }, start: s.start, end: s.end });
      }
    }
  },
};
