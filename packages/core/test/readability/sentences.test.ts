import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/engine/document.js';

const sentences = (text: string) => buildDocument(text, { lang: 'nl', delimiters: [] }).doc.sentences.map((s) => s.text);

describe('sentence splitting for readability', () => {
  it('ends a sentence after the pronoun "u." (parse-dutch reads it as an initial)', () => {
    expect(sentences('De controle is gratis voor u. Wilt u thuis zijn? Wij bellen u. Daarna komt de monteur.')).toEqual([
      'De controle is gratis voor u.',
      'Wilt u thuis zijn?',
      'Wij bellen u.',
      'Daarna komt de monteur.',
    ]);
  });

  it('keeps initials inside a sentence', () => {
    expect(sentences('Daarna komt J. de Vries bij u langs.')).toEqual(['Daarna komt J. de Vries bij u langs.']);
  });
});
