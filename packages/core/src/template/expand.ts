import { readFrontMatter } from '../engine/frontmatter.js';
import { scanPlaceholders } from '../engine/placeholders.js';
import { OffsetMap } from './offset-map.js';
import { buildTemplateTree, type SectionItem, type TemplateItem, type TemplateTree } from './tree.js';

/** One way a template can come out: every section takes one of its branches. */
export interface BranchVariant {
  /** The template text with section tags removed and one branch of every section kept. */
  text: string;
  /** Offsets in `text` back to the template. */
  map: OffsetMap;
  /** Dutch description of the choice, for messages ("{{else}}-tak van {{#if x}} (regel 12)"). */
  label: string;
  /** True for the variant that takes the first branch of every section. */
  primary: boolean;
}

export interface ExpandOptions {
  /** Custom placeholder delimiters from config. */
  delimiters?: readonly [string, string][];
  /** ALL-CAPS merge fields from config. */
  fields?: readonly string[];
  /** At most this many variants (default 12). */
  max?: number;
}

/** Which branch each section takes; a missing entry means the first; `-1` means none (no `{{else}}`). */
type Choice = Map<SectionItem, number>;

/** Alternatives a section has: its branches, plus "nothing" when there is no plain `{{else}}`. */
function alternatives(s: SectionItem): number[] {
  const alts = s.branches.map((_, i) => i);
  const last = s.branches[s.branches.length - 1]!;
  const hasPlainElse = s.branches.length > 1 && last.tag.kind === 'section-else' && last.tag.name === '';
  if (!hasPlainElse) alts.push(-1);
  return alts;
}

function ancestorsOf(tree: TemplateTree): Map<SectionItem, { parent: SectionItem; branch: number } | null> {
  const out = new Map<SectionItem, { parent: SectionItem; branch: number } | null>();
  const walk = (items: TemplateItem[], parent: { parent: SectionItem; branch: number } | null) => {
    for (const it of items) {
      if (it.type !== 'section') continue;
      out.set(it, parent);
      it.branches.forEach((b, i) => walk(b.items, { parent: it, branch: i }));
    }
  };
  walk(tree.items, null);
  return out;
}

function emit(text: string, items: TemplateItem[], choice: Choice, map: OffsetMap): string {
  let out = '';
  for (const it of items) {
    if (it.type === 'text' || it.type === 'value') out += map.copy(text, it.start, it.end);
    else {
      const c = choice.get(it) ?? 0;
      const branch = c >= 0 ? it.branches[c] : undefined;
      if (branch) out += emit(text, branch.items, choice, map);
    }
  }
  return out;
}

/**
 * Expands a template into the variants a tenant can receive, so that every
 * branch of every conditional section is linted as part of a whole letter: a
 * refusal in an `{{else}}` branch must carry its own alternative, even when the
 * `{{#if}}` branch has one.
 *
 * Variants, each one letter with every section tag removed:
 * 1. every section takes its first branch (`primary`);
 * 2. for each further branch of each section: that branch, the branches that
 *    contain it in the enclosing sections, the first branch elsewhere;
 * 3. every section takes its last alternative (the `{{else}}`, or nothing).
 * Above `max` variants, 1 and 3 are kept and the rest is cut.
 * That is linear in the number of branches, not exponential, and every branch
 * appears in at least one variant. Identical variants are dropped.
 */
export function expandBranches(text: string, options: ExpandOptions = {}, tree?: TemplateTree): BranchVariant[] {
  if (!tree) {
    const fm = readFrontMatter(text);
    const bodyStart = fm?.end ?? 0;
    const { placeholders } = scanPlaceholders(text, options.delimiters ?? [], bodyStart, options.fields ?? []);
    tree = buildTemplateTree(text, placeholders, bodyStart);
  }
  const max = options.max ?? 12;
  const variants: BranchVariant[] = [];
  const seen = new Set<string>();
  const add = (choice: Choice, label: string, primary: boolean) => {
    if (variants.length >= max) return;
    const map = new OffsetMap();
    const out = emit(text, tree.items, choice, map);
    if (seen.has(out)) return;
    seen.add(out);
    variants.push({ text: out, map, label, primary });
  };

  add(new Map(), 'met de eerste tak van elke voorwaarde', true);
  if (tree.sections.length === 0) return variants;

  const parents = ancestorsOf(tree);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const lastChoice: Choice = new Map();
  const others: [Choice, string][] = [];
  for (const s of tree.sections) {
    const alts = alternatives(s);
    lastChoice.set(s, alts[alts.length - 1]!);
    for (const a of alts) {
      if (a <= 0) continue;
      const choice: Choice = new Map([[s, a]]);
      for (let p = parents.get(s); p; p = parents.get(p.parent)) choice.set(p.parent, p.branch);
      const tag = s.branches[a]!.tag;
      others.push([choice, `met de ${tag.raw}-tak van ${s.open.raw} (regel ${lineOf(s.open.start)})`]);
    }
  }
  const lastLabel = 'zonder de delen die alleen bij een voorwaarde horen (de laatste tak van elke voorwaarde)';
  // Named branches first (when two variants are the same letter, the specific label wins);
  // above the cap, the "everything off" variant goes before the rest so it is never dropped.
  if (1 + others.length + 1 > max) {
    add(lastChoice, lastLabel, false);
    for (const [choice, label] of others) add(choice, label, false);
  } else {
    for (const [choice, label] of others) add(choice, label, false);
    add(lastChoice, lastLabel, false);
  }
  return variants;
}
