// Measures the judgement rules on a labelled development set: per category,
// recall (labelled items that get a finding of that category) and the
// false-positive rate (items without that label that still get one). Pure:
// the caller reads the files (scripts/eval.mjs, test/judgement/eval.test.ts).
import { resolveConfig } from '../config/resolve.js';
import { lintText } from '../engine/lint.js';
import { allRules } from '../rules/index.js';
import { judgementRules } from '../rules/judgement/index.js';
import type { Category, LintMessage, ResolvedConfig, RuleSetting } from '../types.js';

export interface LabelledItem {
  /** Where the item comes from (file and line, or a letter's file name). */
  name: string;
  text: string;
  /** Rule ids that apply (the categories follow from the rules). */
  rules: string[];
}

export interface CategoryScore {
  category: Category;
  labelled: number;
  found: number;
  recall: number;
  negatives: number;
  falsePositives: number;
  falsePositiveRate: number;
  misses: string[];
  wrong: string[];
}

export interface RuleScore {
  rule: string;
  labelled: number;
  found: number;
  recall: number;
  /** Items not labelled with this rule that still get it. */
  negatives: number;
  falsePositives: number;
  wrong: string[];
}

export interface Evaluation {
  items: number;
  categories: CategoryScore[];
  rules: RuleScore[];
}

/**
 * The rules the eval measures: the judgement rules, plus plain-words and nominalization for
 * officialese. For the figures, "plain-language" is officialese in the wide sense a reader means
 * (plain words, nominal style and stock phrases), so stock-phrases counts for tone and for it.
 */
const evalRules = [...judgementRules, ...allRules.filter((r) => r.meta.id === 'plain-words' || r.meta.id === 'nominalization')];
const categoriesOf = new Map<string, Category[]>(
  evalRules.map((r) => {
    const id = r.meta.id;
    const cats: Category[] = id === 'nominalization' ? ['plain-language'] : id === 'stock-phrases' ? ['tone', 'plain-language'] : [r.meta.category];
    return [id, cats];
  }),
);
const categoryOf = { has: (id: string) => categoriesOf.has(id) };
const inCategory = (id: string, c: Category) => categoriesOf.get(id)?.includes(c) ?? false;
export const JUDGEMENT_CATEGORIES: Category[] = ['no-phrasing', 'tone'];
/** Also plain-language: for the sets labelled with plain-words and nominalization (blind sets 4-6). */
export const ALL_EVAL_CATEGORIES: Category[] = ['no-phrasing', 'tone', 'plain-language'];

let config: ResolvedConfig | undefined;
/** Only the judgement rules, each at its default severity. */
export function judgementConfig(): ResolvedConfig {
  if (config) return config;
  const rules: Record<string, RuleSetting> = {};
  for (const r of evalRules) rules[r.meta.id] = r.meta.defaultSeverity === 'error' ? 'error' : r.meta.defaultSeverity === 'info' ? 'info' : 'warn';
  config = resolveConfig([{ file: '<eval>', config: { extends: [], rules } }], allRules);
  return config;
}

export function lintForEval(text: string): LintMessage[] {
  return lintText(text, { config: judgementConfig() }).messages.filter((m) => categoryOf.has(m.ruleId));
}

export function evaluate(
  items: readonly LabelledItem[],
  lint: (text: string) => LintMessage[] = lintForEval,
  categoryList: readonly Category[] = JUDGEMENT_CATEGORIES,
): Evaluation {
  for (const item of items) {
    for (const r of item.rules) if (!categoryOf.has(r)) throw new Error(`${item.name}: unknown rule "${r}" in labels`);
  }
  const results = items.map((item) => ({ item, messages: lint(item.text) }));
  const categories = categoryList.map((category): CategoryScore => {
    let labelled = 0;
    let found = 0;
    let negatives = 0;
    let falsePositives = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const { item, messages } of results) {
      const want = item.rules.some((r) => inCategory(r, category));
      const got = messages.filter((m) => inCategory(m.ruleId, category));
      if (want) {
        labelled++;
        if (got.length) found++;
        else misses.push(`${item.name}: ${item.text}`);
      } else {
        negatives++;
        if (got.length) {
          falsePositives++;
          wrong.push(`${item.name}: ${item.text} -> ${got.map((m) => `${m.ruleId} "${m.actual ?? ''}"`).join(', ')}`);
        }
      }
    }
    return {
      category,
      labelled,
      found,
      recall: labelled ? found / labelled : 1,
      negatives,
      falsePositives,
      falsePositiveRate: negatives ? falsePositives / negatives : 0,
      misses,
      wrong,
    };
  });
  const measured = categoryList.includes('plain-language') ? evalRules : judgementRules;
  const rules = measured.map((r): RuleScore => {
    const id = r.meta.id;
    // A lone refusal is also a letter without an alternative.
    const wants = (item: LabelledItem) => item.rules.includes(id) || (id === 'refusal-without-alternative' && item.rules.includes('refusal') && !item.text.includes('\n'));
    const mine = results.filter(({ item }) => wants(item));
    const found = mine.filter(({ messages }) => messages.some((m) => m.ruleId === id)).length;
    const others = results.filter(({ item }) => !wants(item));
    const wrongItems = others.filter(({ messages }) => messages.some((m) => m.ruleId === id));
    const wrong = wrongItems.map(({ item, messages }) => `${item.name}: ${item.text} -> "${messages.find((m) => m.ruleId === id)?.actual ?? ''}"`);
    return { rule: id, labelled: mine.length, found, recall: mine.length ? found / mine.length : 1, negatives: others.length, falsePositives: wrongItems.length, wrong };
  });
  return { items: items.length, categories, rules };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

/** A plain-text table of the figures. */
export function formatEvaluation(title: string, e: Evaluation, details = false): string {
  const lines = [`${title} (${e.items} items)`, 'category       recall            false positives'];
  for (const c of e.categories) {
    lines.push(`${c.category.padEnd(14)} ${pct(c.recall)} (${c.found}/${c.labelled})`.padEnd(33) + `${pct(c.falsePositiveRate)} (${c.falsePositives}/${c.negatives})`);
  }
  lines.push('rule                          recall            false positives');
  for (const r of e.rules) {
    if (!r.labelled && !r.falsePositives) continue;
    lines.push(`  ${r.rule.padEnd(28)}${pct(r.recall)} (${r.found}/${r.labelled})`.padEnd(49) + `${r.falsePositives}/${r.negatives}`);
  }
  if (details) {
    for (const c of e.categories) {
      for (const m of c.misses) lines.push(`  missed ${c.category}: ${m}`);
      for (const w of c.wrong) lines.push(`  false ${c.category}: ${w}`);
    }
    for (const r of e.rules) for (const w of r.wrong) lines.push(`  false rule ${r.rule}: ${w}`);
  }
  return lines.join('\n');
}
