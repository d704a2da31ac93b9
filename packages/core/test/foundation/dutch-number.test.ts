import { describe, expect, it } from 'vitest';
import { formatDutchNumber } from '../../src/engine/dutch-number.js';

// letter-length writes the number of pages without Intl (its first use costs ~12 ms of start-up);
// the text must stay exactly what toLocaleString('nl-NL') gives.
describe('formatDutchNumber', () => {
  it('writes every page count as toLocaleString("nl-NL") does', () => {
    for (let words = 0; words <= 2_000_000; words += words < 20_000 ? 1 : 997) {
      const pages = Math.round((words / 400) * 10) / 10;
      expect(formatDutchNumber(pages)).toBe(pages.toLocaleString('nl-NL'));
    }
  });

  it('writes other numbers as toLocaleString("nl-NL") does, or leaves them to it', () => {
    const values = [0, -0, 1, -1, 0.5, 0.25, 0.125, 0.0625, 1e-7, 999, 1000, 1234.5, -1234.567, 1e21, 123456789.123, Number.NaN, Infinity, -Infinity, 2 / 3];
    for (const v of values) expect(formatDutchNumber(v)).toBe(v.toLocaleString('nl-NL'));
  });
});
