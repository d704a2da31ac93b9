import { applyFixes, lintText, resolveConfig, ruleUrl, allRules } from '@huurbrief/core';
// The node entry registers the shipped word lists: the spelling rule's examples are linted too.
import '@huurbrief/core/node';
import type { LintMessage, OptionSchema, Rule, RuleExample, Severity, SeveritySetting } from '@huurbrief/core';
import { CATEGORY_LABEL, SEVERITY_LABEL } from '../formatters/labels.js';

// One description of a rule, built from its meta and examples, rendered three
// ways: docs/rules/<id>.md, `huurbrief explain` and the SARIF help text. The
// examples are linted for real, so the documented findings cannot drift.

export interface ExampleDoc {
  text: string;
  note?: string;
  options?: Record<string, unknown>;
  config?: Record<string, unknown>;
  findings: Pick<LintMessage, 'line' | 'column' | 'severity' | 'message'>[];
  /** The text after `--fix` (fixable rules, when it differs). */
  fixed?: string;
}

export interface OptionDoc {
  name: string;
  type: string;
  description: string;
  default?: unknown;
  strict?: unknown;
}

export interface RuleDoc {
  id: string;
  category: Rule['meta']['category'];
  severity: Severity;
  strictSeverity?: Severity;
  description: string;
  rationale: string;
  presets: readonly string[];
  fixable: boolean;
  languages?: readonly string[];
  options: OptionDoc[];
  valid: ExampleDoc[];
  invalid: ExampleDoc[];
  /** What the rule cannot see, with an example it does not report. */
  limits?: { text: string; example: string }[];
  url: string;
}

const SETTING: Record<Severity, SeveritySetting> = { error: 'error', warning: 'warn', info: 'info' };

/** Lints one documented example with only this rule on, at its default severity. */
export function lintExample(rule: Rule, example: RuleExample, rules: readonly Rule[] = allRules): LintMessage[] {
  const id = rule.meta.id;
  const setting = SETTING[rule.meta.defaultSeverity];
  const known = rules.includes(rule) ? rules : [...rules, rule];
  const config = resolveConfig(
    [{ file: `<voorbeeld ${id}>`, config: { ...(example.config ?? {}), extends: [], rules: { [id]: example.options ? [setting, example.options] : setting } } }],
    known,
  );
  // A rule outside the registry (a test's own rule) runs from the given list.
  const result = lintText(example.text, { config, ...(allRules.includes(rule) ? {} : { rules: known }) });
  return result.messages.filter((m) => m.ruleId === id);
}

function typeOf(schema: OptionSchema): string {
  if (schema.enum) return schema.enum.map((e) => JSON.stringify(e)).join(' | ');
  if (schema.type === 'array') return `${schema.items ? typeOf(schema.items) : 'waarde'}[]`;
  return schema.type ?? 'waarde';
}

export function ruleDoc(rule: Rule, rules: readonly Rule[] = allRules): RuleDoc {
  const m = rule.meta;
  const example = (ex: RuleExample): ExampleDoc => {
    const found = lintExample(rule, ex, rules);
    const doc: ExampleDoc = {
      text: ex.text,
      findings: found.map((f) => ({ line: f.line, column: f.column, severity: f.severity, message: f.message })),
    };
    if (ex.note) doc.note = ex.note;
    if (ex.options) doc.options = ex.options;
    if (ex.config) doc.config = ex.config as Record<string, unknown>;
    if (m.fixable) {
      const fixed = applyFixes(ex.text, found).output;
      if (fixed !== ex.text) doc.fixed = fixed;
    }
    return doc;
  };
  const options: OptionDoc[] = Object.entries(m.options?.properties ?? {}).map(([name, schema]) => {
    const o: OptionDoc = { name, type: typeOf(schema), description: schema.description ?? '' };
    if (m.defaultOptions && name in m.defaultOptions) o.default = m.defaultOptions[name];
    if (m.strictOptions && name in m.strictOptions) o.strict = m.strictOptions[name];
    return o;
  });
  const doc: RuleDoc = {
    id: m.id,
    category: m.category,
    severity: m.defaultSeverity,
    description: m.description,
    rationale: m.rationale,
    presets: m.presets,
    fixable: m.fixable,
    options,
    valid: m.examples.valid.map(example),
    invalid: m.examples.invalid.map(example),
    url: ruleUrl(m.id),
  };
  if (m.limits?.length) doc.limits = m.limits.map((l) => ({ text: l.text, example: l.example }));
  if (m.strictSeverity && m.strictSeverity !== m.defaultSeverity) doc.strictSeverity = m.strictSeverity;
  if (m.languages) doc.languages = m.languages;
  return doc;
}

const fence = (text: string, lang = 'markdown') => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((x) => x[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text.endsWith('\n') ? text : `${text}\n`}${ticks}`;
};

export function presetText(doc: RuleDoc): string {
  if (doc.presets.includes('recommended')) return 'huurbrief:recommended en huurbrief:strict';
  if (doc.presets.includes('strict')) return 'alleen huurbrief:strict';
  return 'geen (zelf aanzetten)';
}

const findingLine = (f: ExampleDoc['findings'][number]) => `${f.line}:${f.column} ${SEVERITY_LABEL[f.severity]}: ${f.message}`;

function exampleMarkdown(ex: ExampleDoc, invalid: boolean): string {
  const parts: string[] = [];
  if (ex.note) parts.push(ex.note);
  if (ex.options) parts.push(`Met de opties \`${JSON.stringify(ex.options)}\`:`);
  if (ex.config) parts.push(`Met deze configuratie: \`${JSON.stringify(ex.config)}\``);
  parts.push(fence(ex.text));
  if (invalid) {
    parts.push(ex.findings.length ? `Meldingen:\n\n${ex.findings.map((f) => `- ${findingLine(f)}`).join('\n')}` : 'Geen meldingen.');
    if (ex.fixed !== undefined) parts.push(`Na \`huurbrief lint --fix\`:\n\n${fence(ex.fixed)}`);
  }
  return parts.join('\n\n');
}

/** A short Markdown help text (SARIF `help.markdown`, the language server hover). */
export function ruleHelpMarkdown(doc: RuleDoc): string {
  const parts = [`**${doc.description}**`, doc.rationale];
  const bad = doc.invalid[0];
  const good = doc.valid[0];
  if (bad) parts.push(`Fout:\n\n${fence(bad.text)}`);
  if (good) parts.push(`Goed:\n\n${fence(good.text)}`);
  parts.push(`Meer uitleg: ${doc.url} of \`huurbrief explain ${doc.id}\`.`);
  return parts.join('\n\n');
}

/** The same help as plain text. */
export function ruleHelpText(doc: RuleDoc): string {
  const parts = [doc.description, doc.rationale];
  const bad = doc.invalid[0];
  const good = doc.valid[0];
  if (bad) parts.push(`Fout:\n${bad.text.trimEnd()}`);
  if (good) parts.push(`Goed:\n${good.text.trimEnd()}`);
  parts.push(`Meer uitleg: ${doc.url} of huurbrief explain ${doc.id}.`);
  return parts.join('\n\n');
}

const show = (v: unknown) => (v === undefined ? '' : `\`${JSON.stringify(v)}\``);

/** docs/rules/<id>.md */
export function ruleMarkdown(doc: RuleDoc): string {
  const lines: string[] = [];
  lines.push('<!-- Gegenereerd door scripts/gen-docs.mjs uit de meta en voorbeelden van de regel. Niet met de hand bewerken: pas de regel aan en draai `pnpm run docs`. -->');
  lines.push('', `# ${doc.id}`, '', doc.description, '');
  lines.push('| | |', '| --- | --- |');
  lines.push(`| Categorie | \`${doc.category}\` (${CATEGORY_LABEL[doc.category]}) |`);
  lines.push(`| Standaardniveau | ${SEVERITY_LABEL[doc.severity]}${doc.strictSeverity ? ` (in huurbrief:strict: ${SEVERITY_LABEL[doc.strictSeverity]})` : ''} |`);
  lines.push(`| Aan in | ${presetText(doc)} |`);
  lines.push(`| Automatisch te verbeteren | ${doc.fixable ? 'ja, met `huurbrief lint --fix` (als er één suggestie is)' : 'nee'} |`);
  if (doc.languages) lines.push(`| Talen | ${doc.languages.join(', ')} |`);
  lines.push('', '## Waarom dit belangrijk is voor huurders', '', doc.rationale, '');
  lines.push('## Fout', '');
  for (const ex of doc.invalid) lines.push(exampleMarkdown(ex, true), '');
  lines.push('## Goed', '');
  for (const ex of doc.valid) lines.push(exampleMarkdown(ex, false), '');
  if (doc.limits?.length) {
    lines.push('## Wat deze regel niet ziet', '');
    lines.push('Deze regel zoekt naar vormen en zinsbouw, niet naar betekenis. Wat hij mist (en wat een collega bij het meelezen wel ziet):', '');
    for (const l of doc.limits) lines.push(`- ${l.text} Bijvoorbeeld: _${l.example}_`);
    lines.push('');
  }
  lines.push('## Opties', '');
  if (doc.options.length === 0) lines.push('Deze regel heeft geen opties.', '');
  else {
    const strict = doc.options.some((o) => o.strict !== undefined);
    lines.push(`| Optie | Type | Standaard |${strict ? ' In strict |' : ''} Betekenis |`, `| --- | --- | --- |${strict ? ' --- |' : ''} --- |`);
    for (const o of doc.options) {
      lines.push(`| \`${o.name}\` | ${o.type.replace(/\|/g, '\\|')} | ${show(o.default)} |${strict ? ` ${show(o.strict)} |` : ''} ${o.description.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  const exampleOptions = doc.options.length ? `["${doc.severity === 'warning' ? 'warn' : doc.severity}", ${JSON.stringify(Object.fromEntries(doc.options.filter((o) => o.default !== undefined).map((o) => [o.name, o.default])))}]` : '"off"';
  lines.push('## Instellen', '', 'In `huurbrief.config.json`:', '', fence(`{\n  "rules": {\n    "${doc.id}": ${exampleOptions}\n  }\n}`, 'json'), '');
  lines.push('Voor één brief of één passage, met de reden erbij:', '', fence(`<!-- huurbrief-disable ${doc.id} -- reden, bijvoorbeeld: wettelijk verplichte tekst -->\n...\n<!-- huurbrief-enable ${doc.id} -->`), '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
