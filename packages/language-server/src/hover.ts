import { getRule, type LintMessage, type RuleExample } from '@huurbrief/core';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node.js';
import { messageRange } from './diagnostics.js';
import { contains } from './positions.js';
import type { LintOutcome } from './runner.js';

const MAX_EXAMPLE_LINES = 8;

/** An example letter fragment, trimmed to a few lines for a hover. */
function exampleBlock(example: RuleExample | undefined): string {
  if (!example) return '';
  const lines = example.text.replace(/\s+$/, '').split('\n');
  const shown = lines.slice(0, MAX_EXAMPLE_LINES).join('\n') + (lines.length > MAX_EXAMPLE_LINES ? '\n…' : '');
  const fence = shown.includes('```') ? '~~~~' : '```';
  return `${fence}markdown\n${shown}\n${fence}`;
}

/** The hover text for one finding: message, the rule's Dutch rationale, a bad and a good example, the docs link. */
export function findingMarkdown(m: LintMessage): string {
  const parts = [`**${m.message}** \`${m.ruleId}\``];
  if (m.expected?.length) parts.push(`Voorstel: ${m.expected.map((e) => (e ? `“${e}”` : '(weglaten)')).join(', ')}`);
  if (m.note) parts.push(m.note);
  const rule = getRule(m.ruleId);
  if (rule) {
    parts.push(`*${rule.meta.description}*`, rule.meta.rationale);
    const bad = rule.meta.examples.invalid[0];
    const good = rule.meta.examples.valid[0];
    if (bad) parts.push(`Niet zo:\n\n${exampleBlock(bad)}`);
    if (good) parts.push(`Wel zo:\n\n${exampleBlock(good)}`);
  }
  if (m.url) parts.push(`[Meer over de regel ${m.ruleId}](${m.url})`);
  return parts.join('\n\n');
}

/** Hover over a finding: every finding under the cursor, separated by a rule. */
export function hoverAt(outcome: LintOutcome, position: Position): Hover | null {
  const hits = outcome.messages.filter((m) => contains(messageRange(m), position));
  if (!hits.length) return null;
  const first = hits[0]!;
  return {
    contents: { kind: MarkupKind.Markdown, value: hits.slice(0, 3).map(findingMarkdown).join('\n\n---\n\n') },
    range: messageRange(first),
  };
}
