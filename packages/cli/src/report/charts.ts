// Charts of the reflection report as inline SVG strings.
//
// Library choice: d3-scale and d3-shape compute the scales, ticks, lines and marker shapes; this
// module writes the SVG text itself. Both are small, pure ESM modules of the d3 project that never
// touch a DOM, so the CLI renders the charts in Node without jsdom or a headless browser, and the
// page carries no script at all. Compared: Vega/Vega-Lite render SVG in Node too, but bring a large
// runtime (about 1 MB) and their own markup, which makes <title>/<desc>, print patterns and direct
// labels harder to control; ECharts' server-side SVG renderer has aria decals but is larger still;
// Observable Plot and Chart.js need a DOM or a canvas. Hand-drawn SVG would need our own scales
// and "nice" ticks, which d3-scale already gets right.
//
// Accessibility and print: every chart is role="img" with <title> and <desc> (a sentence that
// says what the chart shows), and the page puts a data table beside it. Colours are the
// Okabe-Ito palette (safe for the common colour-vision deficiencies), and no chart relies on
// colour alone: bars carry hatching patterns and direct value labels, lines have their own dash
// pattern, marker shape and a label at their end.
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line, symbol, symbolsFill } from 'd3-shape';
import type { Category, Level } from '@huurbrief/core';
import { CATEGORY_LABEL } from '../formatters/labels.js';
import type { ImprovedLetter, MonthFindings, MonthLevel, SignOffFigures } from './types.js';
import type { ReviewState } from '@huurbrief/review';

/** Okabe & Ito (2008), "Color Universal Design": distinguishable with any common colour-vision deficiency. */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

const INK = '#1a1a1a';
const GRID = '#c8c8c8';
const FONT = 'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, Arial, sans-serif"';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n1 = (x: number) => (Math.round(x * 10) / 10).toString();

const MONTHS_NL = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** `2026-03` -> `mrt '26`. */
export const shortMonth = (month: string) => `${MONTHS_NL[Number(month.slice(5, 7)) - 1]} '${month.slice(2, 4)}`;
const LONG_MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** `2026-03` -> `maart 2026`. */
export const longMonth = (month: string) => `${LONG_MONTHS_NL[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Fill patterns that read in black and white: each has a colour and its own texture. */
function patterns(id: string, defs: { name: string; color: string; kind: 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' }[]): string {
  const body = defs
    .map(({ name, color, kind }) => {
      const pid = `${id}-${name}`;
      const bg = `<rect width="8" height="8" fill="${color}"/>`;
      const ink = `stroke="${INK}" stroke-width="1.2"`;
      const tex =
        kind === 'solid' ? ''
        : kind === 'diagonal' ? `<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" ${ink}/>`
        : kind === 'dots' ? `<circle cx="2" cy="2" r="1.3" fill="${INK}"/><circle cx="6" cy="6" r="1.3" fill="${INK}"/>`
        : kind === 'cross' ? `<path d="M0,0 L8,8 M8,0 L0,8" ${ink}/>`
        : kind === 'horizontal' ? `<path d="M0,2 H8 M0,6 H8" ${ink}/>`
        : `<path d="M2,0 V8 M6,0 V8" ${ink}/>`;
      return `<pattern id="${pid}" width="8" height="8" patternUnits="userSpaceOnUse">${bg}${tex}</pattern>`;
    })
    .join('');
  return `<defs>${body}</defs>`;
}

function frame(id: string, width: number, height: number, title: string, desc: string, body: string): string {
  return (
    `<svg id="${id}" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="12">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>${body}</svg>`
  );
}

function yAxis(y: (v: number) => number, ticks: number[], left: number, right: number, format: (v: number) => string): string {
  return ticks
    .map((t) => {
      const py = y(t);
      return `<line x1="${left}" x2="${right}" y1="${n1(py)}" y2="${n1(py)}" stroke="${GRID}" stroke-width="1"${t === 0 ? '' : ' stroke-dasharray="2 3"'}/>` +
        `<text x="${left - 6}" y="${n1(py + 4)}" text-anchor="end" fill="${INK}">${esc(format(t))}</text>`;
    })
    .join('');
}

// ---------------------------------------------------------------------------

/** Share of letters at B1 or easier per month: bars with the percentage on top. */
export function levelChart(id: string, months: MonthLevel[], desc: string): string {
  const width = 760;
  const height = 300;
  const m = { top: 24, right: 16, bottom: 44, left: 48 };
  const x = scaleBand<string>().domain(months.map((d) => d.month)).range([m.left, width - m.right]).padding(0.25);
  const y = scaleLinear().domain([0, 1]).range([height - m.bottom, m.top]);
  const defs = patterns(id, [{ name: 'bar', color: OKABE_ITO.blue, kind: 'diagonal' }]);
  const axis = yAxis(y, [0, 0.25, 0.5, 0.75, 1], m.left, width - m.right, percent);
  const bars = months
    .map((d) => {
      const bx = x(d.month)!;
      const label = `<text x="${n1(bx + x.bandwidth() / 2)}" y="${height - m.bottom + 16}" text-anchor="middle" fill="${INK}">${esc(shortMonth(d.month))}</text>`;
      if (d.share === null) {
        return label + `<text x="${n1(bx + x.bandwidth() / 2)}" y="${n1(y(0) - 6)}" text-anchor="middle" fill="${INK}">–</text>`;
      }
      const top = y(d.share);
      return (
        `<rect class="bar" x="${n1(bx)}" y="${n1(top)}" width="${n1(x.bandwidth())}" height="${n1(Math.max(0, y(0) - top))}" fill="url(#${id}-bar)" stroke="${INK}" stroke-width="1"/>` +
        `<text x="${n1(bx + x.bandwidth() / 2)}" y="${n1(top - 6)}" text-anchor="middle" font-weight="600" fill="${INK}">${percent(d.share)}</text>` +
        label
      );
    })
    .join('');
  const caption = `<text x="${m.left}" y="${height - 6}" fill="${INK}">Aandeel brieven op B1 of eenvoudiger, aan het eind van elke maand</text>`;
  return frame(id, width, height, 'Taalniveau per maand', desc, defs + axis + bars + caption);
}

/** The look of each category's line: colour, dash pattern, marker shape (never colour alone). */
const SERIES: Record<Category, { color: string; dash: string; symbol: number }> = {
  readability: { color: OKABE_ITO.blue, dash: '', symbol: 0 },
  'plain-language': { color: OKABE_ITO.vermillion, dash: '8 4', symbol: 3 },
  'no-phrasing': { color: OKABE_ITO.bluishGreen, dash: '2 3', symbol: 5 },
  tone: { color: OKABE_ITO.reddishPurple, dash: '10 3 2 3', symbol: 2 },
  structure: { color: OKABE_ITO.orange, dash: '4 2', symbol: 1 },
  template: { color: OKABE_ITO.skyBlue, dash: '1 2', symbol: 6 },
  privacy: { color: OKABE_ITO.black, dash: '12 4', symbol: 4 },
  spelling: { color: '#777777', dash: '6 2 1 2', symbol: 0 },
};

/** Spreads label positions at least `gap` apart, within [min, max], keeping their order. */
export function spreadLabels(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = order.map((o) => o.y);
  for (let k = 0; k < out.length; k++) out[k] = Math.max(out[k]!, k ? out[k - 1]! + gap : min);
  for (let k = out.length - 1; k >= 0; k--) out[k] = Math.min(out[k]!, k < out.length - 1 ? out[k + 1]! - gap : max);
  const result = new Array<number>(ys.length);
  order.forEach((o, k) => (result[o.i] = out[k]!));
  return result;
}

/** Findings per category per month: one line per category that has findings. */
export function findingsChart(id: string, months: MonthFindings[], categories: Category[], desc: string): string {
  const width = 760;
  const height = 320;
  const m = { top: 20, right: 170, bottom: 44, left: 48 };
  const x = scalePoint<string>().domain(months.map((d) => d.month)).range([m.left + 12, width - m.right - 12]);
  const max = Math.max(1, ...months.flatMap((d) => categories.map((c) => d.byCategory[c])));
  const y = scaleLinear().domain([0, max]).nice().range([height - m.bottom, m.top]);
  const ticks = y.ticks(5).filter((t) => Number.isInteger(t));
  const axis = yAxis(y, ticks, m.left, width - m.right, (t) => String(t));
  const xLabels = months
    .map((d) => `<text x="${n1(x(d.month)!)}" y="${height - m.bottom + 16}" text-anchor="middle" fill="${INK}">${esc(shortMonth(d.month))}</text>`)
    .join('');
  const ends: { c: Category; y: number; value: number }[] = [];
  const series = categories
    .map((c) => {
      const s = SERIES[c];
      const d =
        line<MonthFindings>()
          .x((p) => x(p.month)!)
          .y((p) => y(p.byCategory[c]))(months) ?? '';
      const marker = symbol(symbolsFill[s.symbol]!, 48)() ?? '';
      const points = months
        .map((p) => `<path d="${marker}" transform="translate(${n1(x(p.month)!)},${n1(y(p.byCategory[c]))})" fill="${s.color}" stroke="${INK}" stroke-width="0.8"/>`)
        .join('');
      const last = months.at(-1)!;
      ends.push({ c, y: y(last.byCategory[c]), value: last.byCategory[c] });
      return `<g class="series" data-category="${c}"><path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>${points}</g>`;
    })
    .join('');
  const spread = spreadLabels(ends.map((e) => e.y), 15, m.top, height - m.bottom);
  const lastX = x(months.at(-1)!.month)!;
  const labels = ends
    .map((e, i) => {
      const s = SERIES[e.c];
      const ly = spread[i]!;
      const marker = symbol(symbolsFill[s.symbol]!, 40)() ?? '';
      return (
        `<line x1="${n1(lastX + 6)}" y1="${n1(e.y)}" x2="${n1(lastX + 22)}" y2="${n1(ly)}" stroke="${GRID}"/>` +
        `<path d="${marker}" transform="translate(${n1(lastX + 30)},${n1(ly)})" fill="${s.color}" stroke="${INK}" stroke-width="0.8"/>` +
        `<text x="${n1(lastX + 40)}" y="${n1(ly + 4)}" fill="${INK}">${esc(CATEGORY_LABEL[e.c])} (${e.value})</text>`
      );
    })
    .join('');
  const caption = `<text x="${m.left}" y="${height - 6}" fill="${INK}">Aantal meldingen per soort in alle brieven, aan het eind van elke maand</text>`;
  return frame(id, width, height, 'Meldingen per soort per maand', desc, axis + xLabels + series + labels + caption);
}

const LEVEL_NAME: Record<Level, string> = { A2: 'A2', B1: 'B1', B2: 'B2', C1: 'C1' };

/** Before and after of the letters that improved most: from an open circle to a filled one, harder on the left. */
export function improvedChart(id: string, letters: ImprovedLetter[], desc: string): string {
  const rowH = 30;
  const width = 760;
  const m = { top: 34, right: 190, bottom: 30, left: 262 };
  const height = m.top + m.bottom + rowH * letters.length;
  const levels: Level[] = ['C1', 'B2', 'B1', 'A2'];
  const x = scalePoint<Level>().domain(levels).range([m.left + 20, width - m.right - 20]);
  const y = scaleBand<string>().domain(letters.map((l) => l.path)).range([m.top, height - m.bottom]).padding(0.2);
  const defs =
    patterns(id, [{ name: 'good', color: '#e8f4ec', kind: 'solid' }]) +
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${INK}"/></marker></defs>`;
  // B1 or easier: a shaded band with its own label (not colour alone).
  const goodLeft = (x('B1')! + x('B2')!) / 2;
  const band =
    `<rect x="${n1(goodLeft)}" y="${m.top - 6}" width="${n1(width - m.right - goodLeft)}" height="${n1(height - m.bottom - m.top + 6)}" fill="url(#${id}-good)" stroke="${OKABE_ITO.bluishGreen}" stroke-dasharray="4 3"/>` +
    `<text x="${n1(width - m.right - 4)}" y="${m.top - 12}" text-anchor="end" fill="${INK}">B1 of eenvoudiger</text>`;
  const axis = levels
    .map((l) => `<line x1="${n1(x(l)!)}" x2="${n1(x(l)!)}" y1="${m.top - 6}" y2="${height - m.bottom}" stroke="${GRID}" stroke-dasharray="2 3"/><text x="${n1(x(l)!)}" y="${height - m.bottom + 16}" text-anchor="middle" font-weight="600" fill="${INK}">${LEVEL_NAME[l]}</text>`)
    .join('') +
    `<text x="${m.left}" y="${m.top - 12}" fill="${INK}">moeilijker</text>`;
  const rows = letters
    .map((l) => {
      const cy = y(l.path)! + y.bandwidth() / 2;
      const x0 = x(l.before.level)!;
      const x1 = x(l.after.level)!;
      const name = l.path.length > 34 ? '…' + l.path.slice(-33) : l.path;
      const moved = x0 !== x1;
      const change = `${l.before.level} → ${l.after.level}, ${l.before.findings} → ${l.after.findings} meldingen`;
      return (
        `<g class="letter"><text x="${m.left - 10}" y="${n1(cy + 4)}" text-anchor="end" fill="${INK}">${esc(name)}</text>` +
        (moved ? `<line x1="${n1(x0 + 7)}" y1="${n1(cy)}" x2="${n1(x1 - 9)}" y2="${n1(cy)}" stroke="${INK}" stroke-width="1.5" marker-end="url(#${id}-arrow)"/>` : '') +
        `<circle cx="${n1(x0)}" cy="${n1(cy)}" r="6" fill="#ffffff" stroke="${INK}" stroke-width="2"/>` +
        `<circle cx="${n1(x1 + (moved ? 0 : 4))}" cy="${n1(cy)}" r="6" fill="${OKABE_ITO.bluishGreen}" stroke="${INK}" stroke-width="1.5"/>` +
        `<text x="${width - m.right + 10}" y="${n1(cy + 4)}" fill="${INK}">${esc(change)}</text></g>`
      );
    })
    .join('');
  const legend =
    `<circle cx="${m.left + 80}" cy="${m.top - 16}" r="5" fill="#ffffff" stroke="${INK}" stroke-width="2"/><text x="${m.left + 90}" y="${m.top - 12}" fill="${INK}">eerst</text>` +
    `<circle cx="${m.left + 140}" cy="${m.top - 16}" r="5" fill="${OKABE_ITO.bluishGreen}" stroke="${INK}" stroke-width="1.5"/><text x="${m.left + 150}" y="${m.top - 12}" fill="${INK}">nu</text>`;
  return frame(id, width, height, 'Brieven die het meest verbeterden', desc, defs + band + axis + legend + rows);
}

/** Review states in chart order, with their look (colour plus texture) and Dutch label. */
export const STATE_STYLE: { state: ReviewState; label: string; color: string; kind: 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical' }[] = [
  { state: 'approved', label: 'goedgekeurd', color: OKABE_ITO.bluishGreen, kind: 'solid' },
  { state: 'stale', label: 'verouderd', color: OKABE_ITO.orange, kind: 'diagonal' },
  { state: 'pending', label: 'wacht op beoordeling', color: OKABE_ITO.skyBlue, kind: 'dots' },
  { state: 'changes-requested', label: 'wijzigingen gevraagd', color: OKABE_ITO.reddishPurple, kind: 'horizontal' },
  { state: 'missing', label: 'geen goedkeuring', color: OKABE_ITO.vermillion, kind: 'cross' },
  { state: 'revoked', label: 'ingetrokken', color: OKABE_ITO.yellow, kind: 'vertical' },
  { state: 'self-approved', label: 'door auteur goedgekeurd', color: '#999999', kind: 'vertical' },
  { state: 'unknown-signer', label: 'onbekende ondertekenaar', color: '#bbbbbb', kind: 'dots' },
  { state: 'expired-signer', label: 'ondertekenaar niet geldig', color: '#dddddd', kind: 'diagonal' },
];

/** Current letters by review state: one bar split in parts, each with a texture and a legend entry with its count. */
export function signOffChart(id: string, s: SignOffFigures, desc: string): string {
  const width = 760;
  const present = STATE_STYLE.filter((st) => (s.byState[st.state] ?? 0) > 0);
  const legendRows = Math.ceil(present.length / 3);
  const height = 84 + legendRows * 24;
  const m = { left: 16, right: 16 };
  const x = scaleLinear().domain([0, Math.max(1, s.letters)]).range([m.left, width - m.right]);
  const defs = patterns(id, present.map((st) => ({ name: st.state, color: st.color, kind: st.kind })));
  let at = 0;
  const parts = present
    .map((st) => {
      const count = s.byState[st.state]!;
      const x0 = x(at);
      at += count;
      const w = x(at) - x0;
      const text = w > 34 ? `<text x="${n1(x0 + w / 2)}" y="62" text-anchor="middle" font-weight="700" fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${count}</text>` : '';
      return `<rect class="part" data-state="${st.state}" x="${n1(x0)}" y="40" width="${n1(w)}" height="36" fill="url(#${id}-${st.state})" stroke="${INK}" stroke-width="1"/>${text}`;
    })
    .join('');
  const headline = `<text x="${m.left}" y="24" font-size="15" font-weight="700" fill="${INK}">${s.share === null ? 'Geen brieven' : `${percent(s.share)} van de brieven is goedgekeurd (${s.approved} van ${s.letters})`}</text>`;
  const legend = present
    .map((st, i) => {
      const lx = m.left + (i % 3) * 245;
      const ly = 96 + Math.floor(i / 3) * 24;
      return `<rect x="${lx}" y="${ly - 12}" width="18" height="14" fill="url(#${id}-${st.state})" stroke="${INK}"/><text x="${lx + 24}" y="${ly}" fill="${INK}">${esc(st.label)}: ${s.byState[st.state]}</text>`;
    })
    .join('');
  return frame(id, width, height, 'Goedkeuring door een collega', desc, defs + headline + parts + legend);
}

/** Median wait from request (or commit) to approval, per month, in days: bars with the value on top. */
export function waitingChart(id: string, perMonth: { month: string; count: number; medianHours: number | null }[], desc: string): string {
  const width = 760;
  const height = 260;
  const m = { top: 24, right: 16, bottom: 44, left: 48 };
  const x = scaleBand<string>().domain(perMonth.map((d) => d.month)).range([m.left, width - m.right]).padding(0.25);
  const maxDays = Math.max(1, ...perMonth.map((d) => (d.medianHours ?? 0) / 24));
  const y = scaleLinear().domain([0, maxDays]).nice().range([height - m.bottom, m.top]);
  const defs = patterns(id, [{ name: 'bar', color: OKABE_ITO.orange, kind: 'dots' }]);
  const axis = yAxis(y, y.ticks(4), m.left, width - m.right, (t) => `${String(t).replace('.', ',')} d`);
  const bars = perMonth
    .map((d) => {
      const bx = x(d.month)!;
      const cx = bx + x.bandwidth() / 2;
      const label = `<text x="${n1(cx)}" y="${height - m.bottom + 16}" text-anchor="middle" fill="${INK}">${esc(shortMonth(d.month))}</text>`;
      if (d.medianHours === null) return label + `<text x="${n1(cx)}" y="${n1(y(0) - 6)}" text-anchor="middle" fill="${INK}">–</text>`;
      const days = d.medianHours / 24;
      const top = y(days);
      // As in the tables: hours below two days, days from there.
      const value = d.medianHours < 48 ? `${Math.round(d.medianHours)} u` : `${(Math.round(days * 10) / 10).toString().replace('.', ',')} d`;
      return (
        `<rect class="bar" x="${n1(bx)}" y="${n1(top)}" width="${n1(x.bandwidth())}" height="${n1(Math.max(1, y(0) - top))}" fill="url(#${id}-bar)" stroke="${INK}" stroke-width="1"/>` +
        `<text x="${n1(cx)}" y="${n1(top - 6)}" text-anchor="middle" font-weight="600" fill="${INK}">${value}</text>` +
        label
      );
    })
    .join('');
  const caption = `<text x="${m.left}" y="${height - 6}" fill="${INK}">Mediaan van de wachttijd tot goedkeuring per maand (d = dagen, u = uren; – = geen goedkeuring)</text>`;
  return frame(id, width, height, 'Wachttijd tot goedkeuring per maand', desc, defs + axis + bars + caption);
}
