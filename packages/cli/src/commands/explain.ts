import { Option, type Command } from 'commander';
import { allRules, didYouMean, getRule } from '@huurbrief/core';
import { presetText, ruleDoc, ruleMarkdown, type ExampleDoc, type RuleDoc } from '../docs/rule-doc.js';
import { CATEGORY_LABEL, SEVERITY_LABEL } from '../formatters/labels.js';
import { UsageError } from '../errors.js';
import { paint } from '../color.js';
import { useColor } from './lint.js';

export function register(program: Command): void {
  program
    .command('explain')
    .description('leg een regel uit: wat hij controleert, waarom dat telt voor huurders, voorbeelden en opties')
    .argument('<regel>', 'de naam van de regel, bijvoorbeeld plain-words (zie huurbrief rules)')
    .addOption(new Option('-f, --format <naam>', 'uitvoerformaat').choices(['text', 'markdown', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Uitvoercodes: 0 uitgelegd, 2 onbekende regel.

Voorbeelden:
  huurbrief explain plain-words
  huurbrief explain sentence-length --format markdown`,
    )
    .action((id: string, flags: { format: string }) => {
      process.stdout.write(explain(id, flags.format, useColor(process.stdout)));
      process.exitCode = 0;
    });
}

export function explain(id: string, format: string, color = false): string {
  const rule = getRule(id);
  if (!rule) {
    const near = didYouMean(id, allRules.map((r) => r.meta.id));
    throw new UsageError(`onbekende regel "${id}"${near ? ` (bedoelt u "${near}"?)` : ''}; zie huurbrief rules voor alle regels`);
  }
  const doc = ruleDoc(rule);
  if (format === 'markdown') return ruleMarkdown(doc);
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  return explainText(doc, color);
}

/** Wraps a paragraph at `width` columns with an indent. */
export function wrap(text: string, indent = '  ', width = 80): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(indent + line);
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** `huurbrief explain` for a terminal. */
export function explainText(doc: RuleDoc, color: boolean): string {
  const { bold, dim, red, green } = paint(color);
  const plainMd = (s: string) => s.replace(/`([^`]+)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1');
  const block = (text: string) =>
    text
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => `  ${dim('│')} ${l}`)
      .join('\n');
  const example = (ex: ExampleDoc, invalid: boolean) => {
    const parts: string[] = [];
    if (ex.note) parts.push(wrap(plainMd(ex.note)));
    if (ex.options) parts.push(`  met opties ${JSON.stringify(ex.options)}`);
    if (ex.config) parts.push(`  met configuratie ${JSON.stringify(ex.config)}`);
    parts.push(block(ex.text));
    if (invalid) {
      for (const f of ex.findings) parts.push(`  ${red('→')} ${f.line}:${f.column} ${SEVERITY_LABEL[f.severity]}: ${f.message}`);
      if (ex.fixed !== undefined) parts.push(`  ${green('na --fix:')}\n${block(ex.fixed)}`);
    }
    return parts.join('\n');
  };
  const rows: [string, string][] = [
    ['Categorie', `${doc.category} (${CATEGORY_LABEL[doc.category]})`],
    ['Standaardniveau', `${SEVERITY_LABEL[doc.severity]}${doc.strictSeverity ? ` (in strict: ${SEVERITY_LABEL[doc.strictSeverity]})` : ''}`],
    ['Aan in', presetText(doc)],
    ['Automatisch', doc.fixable ? 'ja, met huurbrief lint --fix (als er één suggestie is)' : 'nee'],
  ];
  if (doc.languages) rows.push(['Talen', doc.languages.join(', ')]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const out: string[] = [];
  out.push(`${bold(doc.id)} — ${plainMd(doc.description)}`, '');
  out.push(...rows.map(([k, v]) => `  ${dim(k.padEnd(width))}  ${v}`), '');
  out.push(bold('Waarom dit belangrijk is voor huurders'), wrap(plainMd(doc.rationale)), '');
  if (doc.invalid.length) out.push(bold('Fout'), doc.invalid.map((ex) => example(ex, true)).join('\n\n'), '');
  if (doc.valid.length) out.push(bold('Goed'), doc.valid.map((ex) => example(ex, false)).join('\n\n'), '');
  out.push(bold('Opties'));
  if (doc.options.length === 0) out.push('  geen');
  for (const o of doc.options) {
    const def = o.default !== undefined ? `standaard ${JSON.stringify(o.default)}` : '';
    const strict = o.strict !== undefined ? `, in strict ${JSON.stringify(o.strict)}` : '';
    out.push(`  ${bold(o.name)} (${o.type}${def || strict ? `; ${def}${strict}` : ''})`);
    if (o.description) out.push(wrap(o.description, '    '));
  }
  out.push('');
  out.push(bold('Instellen'));
  out.push(`  in huurbrief.config.json: "rules": { "${doc.id}": "off" | "info" | "warn" | "error"${doc.options.length ? ' | ["warn", {opties}]' : ''} }`);
  out.push(`  in een brief: <!-- huurbrief-disable ${doc.id} -- reden -->`);
  out.push('', `${dim('Meer:')} ${doc.url}`, '');
  return out.join('\n');
}
