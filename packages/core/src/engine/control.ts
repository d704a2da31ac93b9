import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { ControlComment, Span } from '../types.js';

export type { ControlComment };

export type ControlKind = ControlComment['kind'];

const COMMENT = /^<!--\s*huurbrief-(disable|enable|ignore)(?![\w-])([\s\S]*?)-->/;

/**
 * Reads `<!-- huurbrief-disable ids -- reason -->`, `huurbrief-enable` and
 * `huurbrief-ignore` (next block) comments.
 *
 * Written here rather than with unified-message-control: that package parses
 * the comment text as marker attributes, so a reason after `--` would be read
 * as rule ids, and it cannot tell us which disables suppressed nothing.
 */
export function readControlComments(tree: MdastRoot, text: string): ControlComment[] {
  const found: ControlComment[] = [];
  const walk = (node: MdastNodes, siblings: MdastNodes[] | null, index: number) => {
    if (node.type === 'html') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      // One html node may hold several comments.
      const raw = text.slice(start, end);
      const re = /<!--[\s\S]*?-->/g;
      for (let m = re.exec(raw); m; m = re.exec(raw)) {
        const c = COMMENT.exec(m[0]);
        if (!c) continue;
        const cStart = start + m.index;
        const cEnd = cStart + m[0].length;
        const body = c[2] ?? '';
        const bodyStart = cStart + m[0].indexOf(body, 4 + c[1]!.length);
        const sep = body.search(/(?:^|\s)--(?:\s|$)/);
        const idPart = sep === -1 ? body : body.slice(0, sep);
        const reason = sep === -1 ? '' : body.slice(sep).replace(/^\s*--/, '').trim();
        const ids: ControlComment['ids'] = [];
        const idRe = /[^\s,]+/g;
        for (let im = idRe.exec(idPart); im; im = idRe.exec(idPart)) {
          ids.push({ id: im[0], start: bodyStart + im.index, end: bodyStart + im.index + im[0].length });
        }
        let range: Span = { start: cEnd, end: text.length };
        if (c[1] === 'ignore') {
          const next = siblings?.slice(index + 1).find((n) => n.type !== 'html' || !COMMENT.test(text.slice(n.position?.start.offset ?? 0)));
          const ns = next?.position?.start.offset;
          const ne = next?.position?.end.offset;
          range = ns !== undefined && ne !== undefined ? { start: ns, end: ne } : { start: cEnd, end: cEnd };
        } else if (c[1] === 'enable') {
          range = { start: cEnd, end: cEnd };
        }
        found.push({ start: cStart, end: cEnd, kind: c[1] as ControlKind, ids, reason, range });
      }
      return;
    }
    if ('children' in node) {
      const children = node.children as MdastNodes[];
      children.forEach((child, i) => walk(child, children, i));
    }
  };
  walk(tree, null, 0);
  // A disable lasts until the next enable of the same rule (or of all rules).
  const disables = found.filter((c) => c.kind === 'disable');
  for (const d of disables) {
    const enable = found.find(
      (c) =>
        c.kind === 'enable' &&
        c.start > d.end &&
        (c.ids.length === 0 || d.ids.length === 0 || d.ids.every((x) => c.ids.some((y) => y.id === x.id))),
    );
    if (enable) d.range = { start: d.end, end: enable.start };
  }
  return found;
}

/** The first control comment that suppresses a finding of `ruleId` at `offset`. */
export function suppressing(comments: readonly ControlComment[], ruleId: string, offset: number): ControlComment | undefined {
  for (const c of comments) {
    if (c.kind === 'enable') continue;
    if (offset < c.range.start || offset >= c.range.end) continue;
    if (c.ids.length === 0 || c.ids.some((x) => x.id === ruleId)) return c;
  }
  return undefined;
}
