import { Option, type Command } from 'commander';
import { allRules, CATEGORIES, ruleUrl, type Rule } from '@huurbrief/core';
import { CATEGORY_LABEL, SEVERITY_LABEL } from '../formatters/labels.js';
import { paint } from '../color.js';
import { useColor } from './lint.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('toon alle regels met categorie, standaardniveau, presets en of ze automatisch te verbeteren zijn')
    .addOption(new Option('-f, --format <naam>', 'uitvoerformaat').choices(['table', 'json']).default('table'))
    .addOption(new Option('--category <categorie>', 'alleen regels uit deze categorie').choices([...CATEGORIES]))
    .addHelpText(
      'after',
      `
Voorbeelden:
  huurbrief rules
  huurbrief rules --category tone
  huurbrief rules --format json`,
    )
    .action((flags: { format: string; category?: string }) => {
      const rules = sortRules(allRules.filter((r) => !flags.category || r.meta.category === flags.category));
      process.stdout.write(flags.format === 'json' ? rulesJson(rules) : rulesTable(rules, useColor(process.stdout)));
      process.exitCode = 0;
    });
}

/** In category order, then by id: the order of the README's rule table. */
export function sortRules(rules: readonly Rule[]): Rule[] {
  const rank = (r: Rule) => CATEGORIES.indexOf(r.meta.category);
  return [...rules].sort((a, b) => rank(a) - rank(b) || (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
}

const presets = (r: Rule) => (r.meta.presets.includes('recommended') ? 'recommended, strict' : r.meta.presets.includes('strict') ? 'strict' : '-');

export function rulesJson(rules: readonly Rule[]): string {
  return `${JSON.stringify(
    rules.map((r) => ({
      id: r.meta.id,
      category: r.meta.category,
      defaultSeverity: r.meta.defaultSeverity,
      fixable: r.meta.fixable,
      presets: [...new Set([...r.meta.presets, ...(r.meta.presets.includes('recommended') ? ['strict'] : [])])],
      description: r.meta.description,
      url: ruleUrl(r.meta.id),
      ...(r.meta.options ? { options: Object.keys(r.meta.options.properties ?? {}) } : {}),
      ...(r.meta.languages ? { languages: r.meta.languages } : {}),
    })),
    null,
    2,
  )}\n`;
}

/** Rules grouped by category, one line each. */
export function rulesTable(rules: readonly Rule[], color: boolean): string {
  const { bold, dim } = paint(color);
  const head = ['regel', 'niveau', 'fix', 'presets'];
  const rows = rules.map((r) => [r.meta.id, SEVERITY_LABEL[r.meta.defaultSeverity], r.meta.fixable ? 'ja' : '', presets(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  let out = '';
  for (const category of CATEGORIES) {
    const inCat = rules.filter((r) => r.meta.category === category);
    if (!inCat.length) continue;
    out += `\n${bold(`${category} (${CATEGORY_LABEL[category]})`)}\n`;
    out += `  ${dim(line(head))}  ${dim('beschrijving')}\n`;
    for (const r of inCat) {
      out += `  ${line([r.meta.id, SEVERITY_LABEL[r.meta.defaultSeverity], r.meta.fixable ? 'ja' : '', presets(r)])}  ${r.meta.description}\n`;
    }
  }
  out += `\n${rules.length} ${rules.length === 1 ? 'regel' : 'regels'}. Uitleg per regel: huurbrief explain <regel>.\n`;
  return out;
}
