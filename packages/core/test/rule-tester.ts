// The one rule tester every rule's tests use (like ESLint's RuleTester and
// textlint-tester): valid cases must give no finding of the rule, invalid
// cases exactly the listed findings (rule id, line, column, ...). The rule's
// own documented examples (meta.examples) are run as well, so the docs cannot
// drift from the behaviour.
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText, resolveConfig, allRules } from '../src/index.js';
import type { HuurbriefConfig, LintMessage, Rule, Severity } from '../src/types.js';

export interface ValidCase {
  text: string;
  options?: Record<string, unknown>;
  config?: Partial<HuurbriefConfig>;
  name?: string;
}

export interface ExpectedError {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  severity?: Severity;
  actual?: string;
  expected?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[] | number;
  /** The text after applying all fixes of this rule. */
  output?: string;
}

export function lintWithRule(rule: Rule, c: ValidCase): LintMessage[] {
  const setting = c.options ? ['error', c.options] : 'error';
  const config = resolveConfig(
    [{ file: '<test>', config: { ...(c.config ?? {}), extends: [], rules: { [rule.meta.id]: setting } } }],
    allRules.some((r) => r === rule) ? allRules : [...allRules, rule],
  );
  // Keep the configured severity at the rule's default so severity lowering is visible.
  config.rules[rule.meta.id]!.severity = rule.meta.defaultSeverity;
  const rules = allRules.some((r) => r === rule) ? undefined : [...allRules, rule];
  return lintText(c.text, { config, ...(rules ? { rules } : {}) }).messages.filter((m) => m.ruleId === rule.meta.id);
}

const short = (t: string) => (t.length > 70 ? `${t.slice(0, 67)}...` : t).replace(/\n/g, '⏎');

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { text: v } : v;
      it(`valid: ${c.name ?? short(c.text)}`, () => {
        const found = lintWithRule(rule, c);
        expect(found.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name ?? short(c.text)}`, () => {
        const found = lintWithRule(rule, c);
        if (typeof c.errors === 'number') {
          expect(found.length, found.map((m) => m.message).join('\n')).toBe(c.errors);
        } else {
          expect(found.length, found.map((m) => `${m.line}:${m.column} ${m.message}`).join('\n')).toBe(c.errors.length);
          c.errors.forEach((e, i) => {
            const m = found[i]!;
            for (const key of ['line', 'column', 'endLine', 'endColumn', 'severity', 'actual'] as const) {
              if (e[key] !== undefined) expect(m[key], `${key} of finding ${i + 1}`).toBe(e[key]);
            }
            if (e.expected !== undefined) expect(m.expected).toEqual(e.expected);
            if (typeof e.message === 'string') expect(m.message).toBe(e.message);
            else if (e.message) expect(m.message).toMatch(e.message);
            expect(m.category).toBe(rule.meta.category);
          });
        }
        if (c.output !== undefined) expect(applyFixes(c.text, found).output).toBe(c.output);
      });
    }
    describe('documented examples', () => {
      rule.meta.examples.valid.forEach((ex, i) => {
        it(`valid example ${i + 1}`, () => {
          expect(lintWithRule(rule, ex).map((m) => m.message)).toEqual([]);
        });
      });
      rule.meta.examples.invalid.forEach((ex, i) => {
        it(`invalid example ${i + 1}`, () => {
          expect(lintWithRule(rule, ex).length).toBeGreaterThan(0);
        });
      });
      it('has examples of both kinds', () => {
        expect(rule.meta.examples.valid.length).toBeGreaterThan(0);
        expect(rule.meta.examples.invalid.length).toBeGreaterThan(0);
      });
    });
  });
}
