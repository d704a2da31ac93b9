// The hand-checked fix corpus (fixtures/fixes/*.yml): every sentence is fixed
// as `huurbrief lint --fix` fixes it (the core's fix loop, recommended preset)
// and compared byte for byte with the output written by hand. `uit: =` means
// the sentence must stay exactly as it is. Every entry and form that the word
// lists allow a fix for (`herstel`) must be in the corpus: at least twice, and
// at least once where the fix is applied.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultConfig, fixText, lintText } from '../../src/index.js';
import { plainWords } from '../../src/data/plain-words.generated.js';
import { abbreviations } from '../../src/data/abbreviations.generated.js';
import { longWords } from '../../src/data/long-words.generated.js';
import { judgementPhrases } from '../../src/data/judgement-phrases.generated.js';

const dir = fileURLToPath(new URL('../../../../fixtures/fixes/', import.meta.url));

interface Case {
  in: string;
  uit: string;
  file: string;
}

function corpus(): Case[] {
  const out: Case[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml')).sort()) {
    const list = parse(readFileSync(join(dir, file), 'utf8')) as { in: unknown; uit: unknown }[];
    for (const [i, c] of list.entries()) {
      const keys = Object.keys(c).sort().join(',');
      if (keys !== 'in,uit' || typeof c.in !== 'string' || typeof c.uit !== 'string') throw new Error(`${file}: case ${i + 1} needs exactly "in" and "uit" (strings)`);
      out.push({ in: c.in, uit: c.uit === '=' ? c.in : c.uit, file });
    }
  }
  return out;
}

const cases = corpus();
const config = defaultConfig();
const fix = (text: string) => fixText(text, (t) => lintText(t, { config }));

describe('fix corpus (fixtures/fixes)', () => {
  it('has at least 300 hand-checked sentences, and no sentence twice', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.in)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.file}: ${c.in}`, () => {
      expect(fix(c.in).output).toBe(c.uit);
    });
  }

  it('covers every entry and form that has a fix: twice, once fixed', () => {
    // Findings by (rule, matched text) over the corpus, and which of them were fixed.
    const seen = new Map<string, number>();
    const fixed = new Set<string>();
    const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
    const count = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);
    for (const c of cases) {
      const r = fix(c.in);
      for (const m of lintText(c.in, { config }).messages) {
        if (m.actual) count(`${m.ruleId}:${norm(m.actual)}`);
        // Phrase patterns match several spellings: count them by their replacement too.
        if (m.ruleId === 'stock-phrases' && m.expected?.length === 1) count(`stock-phrases>${norm(m.expected[0]!)}`);
      }
      for (const m of r.applied) {
        if (m.actual) fixed.add(`${m.ruleId}:${norm(m.actual)}`);
        // Two rules may offer the same fix for a phrase (gaarne): whichever applies it covers both.
        fixed.add(`stock-phrases>${norm(m.fix!.text)}`);
      }
    }
    const missing: string[] = [];
    const need = (key: string, alternatives: string[] = [key]) => {
      const n = alternatives.reduce((a, k) => a + (seen.get(k) ?? 0), 0);
      if (n < 2 || !alternatives.some((k) => fixed.has(k))) missing.push(`${key} (seen ${n}, fixed ${alternatives.some((k) => fixed.has(k))})`);
    };
    type Entry = { woord?: string; afkorting?: string; id?: string; herstel?: unknown; vormen?: Record<string, unknown>; vervang?: string; regel?: string };
    for (const e of plainWords as readonly Entry[]) {
      if (!e.herstel) continue;
      const forms = Array.isArray(e.herstel) ? (e.vormen ? Object.keys(e.vormen) : [e.woord!]) : Object.keys(e.herstel as object);
      for (const f of forms) need(`plain-words:${f}`);
    }
    for (const e of abbreviations as readonly Entry[]) if (e.herstel) need(`abbreviations:${e.afkorting}`);
    for (const e of longWords as readonly Entry[]) if (e.herstel) need(`long-words:${e.woord}`);
    for (const e of judgementPhrases as readonly Entry[]) if (e.herstel) need(`stock-phrases>${norm(e.vervang!)}`);
    expect(missing).toEqual([]);
  });

  it('the table of entries in docs/fixes.md is up to date with the data', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    expect(() => execFileSync(process.execPath, [join(root, 'scripts/fix-table.mjs'), '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
