import type { Rule } from '../../types.js';

export const frontMatter: Rule = {
  meta: {
    id: 'front-matter',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'De front matter (het YAML-blok bovenaan) is geldig.',
    rationale:
      'In de front matter staan het onderwerp, de invulvelden en het soort brief. Is die kapot, dan kan huurbrief de brief niet goed controleren en kan de brief verkeerd worden samengevoegd.',
    presets: ['recommended'],
    fixable: false,
    messages: { invalid: '{reason}.' },
    examples: {
      valid: [{ text: '---\nonderwerp: Onderhoud aan uw cv-ketel\n---\n\nBeste mevrouw Jansen,\n' }],
      invalid: [{ text: '---\nonderwerp: [Onderhoud\n---\n\nBeste mevrouw Jansen,\n', note: 'De lijst wordt niet gesloten.' }],
    },
  },
  check({ doc, report }) {
    const err = doc.frontMatter?.error;
    if (!err) return;
    const lineEnd = doc.text.slice(err.offset).search(/\r?\n|\r|$/);
    report({ messageId: 'invalid', data: { reason: err.message.replace(/\.$/, '') }, start: err.offset, end: err.offset + Math.max(1, lineEnd) });
  },
};
