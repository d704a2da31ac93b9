import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSimpleMap, readFrontMatter } from '../../src/engine/frontmatter.js';

// The front matter of most letters is read without the YAML parser (parseSimpleMap). Whatever it
// accepts must give exactly the data the parser gives; everything else must be left to the parser.
const viaYaml = (source: string): unknown => {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length ? { errors: doc.errors.length } : doc.toJS();
};

/** A seeded generator of front matter: mostly simple maps, with every kind of YAML it must refuse mixed in. */
function* generated(count: number): Generator<string> {
  let seed = 20;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
  const keys = ['onderwerp', 'type', 'variabelen', 'lang', 'taal', 'Onderwerp', 'datum', 'huurder_naam', 'a-b', 'true', 'Null', 'x', 'y', 'no', 'on', '1a', 'ké'];
  const words = ['Huurverhoging', 'per', '1', 'juli', 'cv-ketel', '«Datum»', '€ 32,23', "'s", 'true', 'false', 'NULL', 'null', '~', 'yes', 'No', 'on', 'Off', '12', '0x1F', '1e3', '.inf', '-', '- a', ':', 'a:b', 'a: b', '#', 'a #b', 'a#b', '{{naam}}', '{a}', '[x]', 'a,', '"q"', "'q'", '&a', '*a', '!t', '|', '>', '%', '@', '`', '?', 'é', 'Ölm', '\u00a0', 'a\u00a0', '\u00ad', '\t', '\\n', 'Infinity', 'NaN', '2026-03-12', '12:30'];
  const items = ['naam', 'huurder.naam', 'adres', 'Datum', 'a_b', 'a-b', 'true', 'null', '1', 'a b', '', '"x"', 'a:b', 'x]', '[y', 'é'];
  for (let i = 0; i < count; i++) {
    const lines: string[] = [];
    const n = 1 + rnd(4);
    for (let k = 0; k < n; k++) {
      const key = pick(keys);
      const sep = pick([': ', ':  ', ':', ': ', ':\t', ' : ']);
      let value: string;
      if (rnd(3) === 0) {
        const list = Array.from({ length: rnd(4) }, () => pick(items));
        value = `[${list.join(pick([', ', ',', ' , ']))}]${pick(['', '', ' ', ' x'])}`;
      } else {
        value = Array.from({ length: 1 + rnd(4) }, () => pick(words)).join(pick([' ', ' ', '  ']));
      }
      lines.push(`${pick(['', '', '', ' '])}${key}${sep}${value}${pick(['', '', ' ', '  '])}`);
      if (rnd(8) === 0) lines.push(pick(['', '# opmerking', '  - a', '   vervolg']));
    }
    yield `${lines.join(pick(['\n', '\n', '\r\n']))}\n`;
  }
}

describe('front matter without the YAML parser', () => {
  it('gives the YAML parser’s data for every map it reads, and leaves the rest to it', () => {
    let fast = 0;
    for (const source of generated(20_000)) {
      const simple = parseSimpleMap(source);
      if (simple === undefined) continue;
      fast++;
      expect(simple, JSON.stringify(source)).toEqual(viaYaml(source));
      expect(Object.keys(simple)).toEqual(Object.keys(viaYaml(source) as object));
    }
    // Both kinds occur often enough to mean something.
    expect(fast).toBeGreaterThan(500);
    expect(fast).toBeLessThan(19_000);
  });

  it('reads the front matter of the fixture letters as before', () => {
    const dir = new URL('../../../../fixtures/letters/', import.meta.url);
    let read = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      const fm = readFrontMatter(text);
      if (!fm?.data) continue;
      const source = text.slice(text.indexOf('\n') + 1, fm.end).replace(/(?:\r?\n|\r)?---[ \t]*$/, '');
      expect(fm.data).toEqual(viaYaml(source));
      read++;
    }
    expect(read).toBeGreaterThan(5);
  });

  it('leaves duplicate keys, booleans, numbers and empty lists to the parser', () => {
    for (const source of ['a: x\na: y\n', 'a: true\n', 'a: 12\n', 'a: []\n', 'a: [x, ]\n', 'a:\n', 'a: "x"\n', 'a: x # c\n', 'a: x\n  b: y\n', 'true: x\n']) {
      expect(parseSimpleMap(source), source).toBeUndefined();
    }
    expect(parseSimpleMap('onderwerp: Uw huur  in 2027 \r\nvariabelen: [naam,huurder.naam , adres]\n\n')).toEqual({
      onderwerp: 'Uw huur  in 2027',
      variabelen: ['naam', 'huurder.naam', 'adres'],
    });
  });
});
