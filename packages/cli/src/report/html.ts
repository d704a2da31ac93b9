// The reflection report as one self-contained HTML page (Dutch): inline CSS, inline SVG charts,
// no script, no external fonts or images. A Content-Security-Policy in the page itself forbids
// any load from elsewhere, so opening it never touches the network. Pure: figures -> HTML.
import { CATEGORIES, type Category } from '@huurbrief/core';
import { esc, findingsChart, improvedChart, levelChart, longMonth, percent, shortMonth, signOffChart, STATE_STYLE, waitingChart } from './charts.js';
import { CATEGORY_LABEL } from '../formatters/labels.js';
import type { ImprovedLetter, MonthLevel, Person, ReportFigures, SignOffFigures, Success } from './types.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
/** `2026-03-05T…` -> `5 maart 2026` (UTC). */
export function dutchDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
const num = (x: number, digits = 1) => (Math.round(x * 10 ** digits) / 10 ** digits).toString().replace('.', ',');
/** A wait in hours as Dutch text: "5 uur", "1,5 dag", "12 dagen". */
export function duration(hours: number): string {
  if (hours < 48) return `${num(hours, hours < 10 ? 1 : 0)} uur`;
  const days = hours / 24;
  return `${num(days, days < 10 ? 1 : 0)} ${days === 1 ? 'dag' : 'dagen'}`;
}
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const names = (people: Person[]) => {
  const shown = people.map((p) => (p.name && p.name !== p.email ? `${esc(p.name)} <span class="email">(${esc(p.email)})</span>` : esc(p.email)));
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} en ${shown.at(-1)}`;
};

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.5; }
header, main, footer { max-width: 820px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 28px; }
h1 { font-size: 1.9rem; margin: 0 0 4px; }
h2 { font-size: 1.35rem; margin: 40px 0 8px; border-bottom: 2px solid #1a1a1a; padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 20px 0 4px; }
.period { font-size: 1.05rem; margin: 0 0 12px; }
.intro { font-size: 1.02rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 16px 0; padding: 0; list-style: none; }
.cards li { border: 2px solid #1a1a1a; border-radius: 8px; padding: 10px 12px; }
.cards .label { display: block; font-size: 0.88rem; }
.cards .value { display: block; font-size: 1.4rem; font-weight: 700; }
.cards .note { display: block; font-size: 0.85rem; }
figure { margin: 16px 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.9rem; margin-top: 4px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.9rem; width: 100%; break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #767676; padding: 3px 6px; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #efefef; }
.letter { border-left: 4px solid #009E73; padding: 2px 0 2px 12px; margin: 16px 0; break-inside: avoid; }
.letter p { margin: 4px 0; }
ol.diff { margin: 6px 0; padding-left: 1.4em; }
ol.diff li { margin: 6px 0; }
.tag { display: block; font-weight: 700; font-size: 0.85rem; margin-top: 4px; }
ul.sentences { margin: 2px 0; padding-left: 1.1em; list-style: none; }
ul.sentences li { margin: 2px 0; }
del { text-decoration: line-through; background: #fbe9e0; }
ins { text-decoration: underline; background: #e3f3ea; }
.successes li { margin: 6px 0; }
.email { font-size: 0.88em; }
.muted { font-size: 0.9rem; }
footer { margin-top: 40px; padding-bottom: 40px; font-size: 0.85rem; border-top: 1px solid #767676; }
@media print {
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
}

function table(caption: string, head: string[], rows: string[][], numeric: boolean[] = []): string {
  const th = head.map((h, i) => `<th scope="col"${numeric[i] ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric[i] ? ' class="n"' : ''}>${c}</td>`)).join('')}</tr>`)
    .join('');
  return `<table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function levelDesc(months: MonthLevel[]): string {
  const known = months.filter((m) => m.share !== null);
  if (!known.length) return 'Er waren in deze periode geen brieven.';
  const first = known[0]!;
  const last = known.at(-1)!;
  return `Staafdiagram per maand. In ${longMonth(first.month)} was ${percent(first.share!)} van de brieven op B1 of eenvoudiger (${first.atB1OrBetter} van ${first.letters}), in ${longMonth(last.month)} ${percent(last.share!)} (${last.atB1OrBetter} van ${last.letters}).`;
}

function keyFigures(f: ReportFigures): string {
  const known = f.levelPerMonth.filter((m) => m.share !== null);
  const first = known[0];
  const last = known.at(-1);
  const totals = f.findingsPerMonth.filter((m) => m.letters > 0);
  const cards: string[] = [];
  if (first && last) {
    cards.push(`<li><span class="label">Brieven op B1 of eenvoudiger</span><span class="value">${percent(first.share!)} → ${percent(last.share!)}</span><span class="note">${esc(shortMonth(first.month))} → ${esc(shortMonth(last.month))}</span></li>`);
  }
  if (totals.length) {
    cards.push(`<li><span class="label">Meldingen in alle brieven</span><span class="value">${totals[0]!.total} → ${totals.at(-1)!.total}</span><span class="note">${plural(totals.at(-1)!.letters, 'brief', 'brieven')} nu</span></li>`);
  }
  cards.push(`<li><span class="label">Verbeterde brieven</span><span class="value">${f.improved.count}</span><span class="note">makkelijker, of even makkelijk met minder meldingen</span></li>`);
  if (f.signOff.available) {
    const s = f.signOff;
    cards.push(`<li><span class="label">Goedgekeurd door een collega</span><span class="value">${s.share === null ? '–' : percent(s.share)}</span><span class="note">${s.approved} van ${plural(s.letters, 'brief', 'brieven')}, nu</span></li>`);
    const t = s.timeToApproval;
    if (t.medianHours !== null) {
      cards.push(`<li><span class="label">Wachttijd tot goedkeuring</span><span class="value">${duration(t.medianHours)}</span><span class="note">mediaan van ${plural(t.count, 'goedkeuring', 'goedkeuringen')}</span></li>`);
    }
  }
  return `<ul class="cards" aria-label="Kerncijfers">${cards.join('')}</ul>`;
}

function successes(f: ReportFigures): string {
  const items = f.successes.letters.slice(0, 25).map((s: Success) => {
    const what =
      s.levelBefore !== s.levelAfter
        ? `ging van ${s.levelBefore} naar ${s.levelAfter}${s.findingsBefore !== s.findingsAfter ? ` (${s.findingsBefore} → ${s.findingsAfter} meldingen)` : ''}`
        : `heeft ${s.findingsBefore - s.findingsAfter} ${s.findingsBefore - s.findingsAfter === 1 ? 'melding' : 'meldingen'} minder (${s.findingsBefore} → ${s.findingsAfter}) op niveau ${s.levelAfter}`;
    const by = s.writtenBy.length ? ` Geschreven door ${names(s.writtenBy)}.` : '';
    const ok = s.approvedBy.length ? ` Goedgekeurd door ${names(s.approvedBy)}.` : f.signOff.available ? ' Nog niet goedgekeurd in deze versie.' : '';
    return `<li><strong>${esc(s.path)}</strong> ${what}.${by}${ok}</li>`;
  });
  const more = f.successes.letters.length > 25 ? `<p class="muted">En nog ${f.successes.letters.length - 25} andere verbeterde brieven (zie de JSON-uitvoer).</p>` : '';
  const reviewers = f.successes.reviewers.length
    ? `<h3>Collega's die brieven goedkeurden</h3><ul class="successes">${f.successes.reviewers.map((r) => `<li>${names([r])} keurde ${plural(r.approvals, 'brief', 'brieven')} goed.</li>`).join('')}</ul>`
    : '';
  const reached = f.successes.letters.filter((s) => s.levelBefore !== 'A2' && s.levelBefore !== 'B1' && (s.levelAfter === 'A2' || s.levelAfter === 'B1'));
  const headline = reached.length
    ? `<p><strong>${plural(reached.length, 'brief haalde', 'brieven haalden')} in deze periode B1.</strong> Vier de successen: deel ze in het teamoverleg en leer van wat goed ging.</p>`
    : `<p>Vier de successen: deel ze in het teamoverleg en leer van wat goed ging.</p>`;
  if (!items.length && !reviewers) return headline + '<p>In deze periode is nog geen brief verbeterd. Kies in het teamoverleg een brief om samen aan te werken.</p>';
  return headline + (items.length ? `<ul class="successes">${items.join('')}</ul>${more}` : '<p>In deze periode is nog geen brief verbeterd.</p>') + reviewers;
}

function improvedSection(f: ReportFigures): string {
  const letters = f.improved.letters;
  if (!letters.length) return '<p>Geen brief is in deze periode makkelijker geworden of kreeg minder meldingen.</p>';
  const desc = `Per brief het niveau eerst (open rondje) en nu (gevuld rondje), van moeilijker (C1) links naar eenvoudiger (A2) rechts. ${letters
    .map((l) => `${l.path}: ${l.before.level} naar ${l.after.level}, ${l.before.findings} naar ${l.after.findings} meldingen`)
    .join('; ')}.`;
  const chart = `<figure>${improvedChart('chart-improved', letters, desc)}<figcaption>De ${plural(letters.length, 'brief', 'brieven')} die het meest verbeterden${f.improved.count > letters.length ? ` (van ${f.improved.count})` : ''}: eerst het aantal niveaustappen, dan het aantal meldingen minder.</figcaption></figure>`;
  const rows = letters.map((l) => [
    esc(l.path),
    `${l.before.level}, ${l.before.findings} meldingen (${dutchDate(l.before.date)})`,
    `${l.after.level}, ${l.after.findings} meldingen (${dutchDate(l.after.date)})`,
    String(l.changes.length + l.moreChanges),
  ]);
  const tbl = table('Verbeterde brieven: eerst en nu', ['Brief', 'Eerst', 'Nu', 'Gewijzigde passages'], rows, [false, false, false, true]);
  const details = letters.map(letterDiff).join('');
  return chart + tbl + `<h3>Wat er veranderde</h3><p class="muted">Per brief de zinnen die anders zijn geworden: wat er eerst stond en wat er nu staat.</p>` + details;
}

/** Sentences of one side of a change, one per line; at most 8. */
function sentenceList(sentences: string[], tag: 'del' | 'ins'): string {
  const shown = sentences.slice(0, 8).map((x) => `<li><${tag}>${esc(x)}</${tag}></li>`).join('');
  const more = sentences.length > 8 ? `<li>… en nog ${plural(sentences.length - 8, 'zin', 'zinnen')}</li>` : '';
  return `<ul class="sentences">${shown}${more}</ul>`;
}

function letterDiff(l: ImprovedLetter): string {
  const items = l.changes
    .map((c) => {
      const was = c.before.length ? `<span class="tag">Was:</span>${sentenceList(c.before, 'del')}` : '';
      const nu = c.after.length ? `<span class="tag">${c.before.length ? 'Nu:' : 'Nieuw:'}</span>${sentenceList(c.after, 'ins')}` : '<span class="tag">Nu:</span> geschrapt';
      return `<li>${was}${nu}</li>`;
    })
    .join('');
  const more = l.moreChanges ? `<p class="muted">En nog ${plural(l.moreChanges, 'gewijzigde passage', 'gewijzigde passages')}.</p>` : '';
  const level = l.levelSteps > 0 ? `Van ${l.before.level} naar ${l.after.level}` : `Blijft ${l.after.level}`;
  return `<div class="letter"><h4>${esc(l.path)}</h4><p>${level}; van ${l.before.findings} naar ${plural(l.after.findings, 'melding', 'meldingen')}; ${l.sentencesBefore} → ${l.sentencesAfter} zinnen.</p>${items ? `<ol class="diff">${items}</ol>` : '<p>Geen zinnen gewijzigd (alleen opmaak of gegevens).</p>'}${more}</div>`;
}

function signOffSection(f: ReportFigures): string {
  if (!f.signOff.available) {
    return `<p>Geen gegevens over goedkeuring: ${esc(f.signOff.reason)}.</p><p class="muted">Met <code>huurbrief review</code> keurt een collega de precieze tekst van een brief goed; zie docs/review.md.</p>`;
  }
  const s: SignOffFigures = f.signOff;
  const parts = STATE_STYLE.filter((st) => (s.byState[st.state] ?? 0) > 0);
  const desc = `Eén balk voor alle ${plural(s.letters, 'brief', 'brieven')} van nu, verdeeld naar status: ${parts.map((p) => `${p.label} ${s.byState[p.state]}`).join(', ')}.`;
  let out = `<figure>${signOffChart('chart-signoff', s, desc)}<figcaption>Status van de goedkeuring van de brieven zoals ze nu zijn (huurbrief review verify).</figcaption></figure>`;
  out += table('Brieven per status van de goedkeuring', ['Status', 'Brieven'], parts.map((p) => [esc(p.label), String(s.byState[p.state])]), [false, true]);
  const t = s.timeToApproval;
  out += '<h3>Wachttijd tot goedkeuring</h3>';
  out += `<p>${basisText(t.basis)}</p>`;
  if (t.count) {
    const known = t.perMonth.filter((m) => m.medianHours !== null);
    const wdesc = `Staafdiagram per maand met de mediaan van de wachttijd. ${known.map((m) => `${longMonth(m.month)}: ${duration(m.medianHours!)} (${plural(m.count, 'goedkeuring', 'goedkeuringen')})`).join('; ')}.`;
    out += `<figure>${waitingChart('chart-waiting', t.perMonth, wdesc)}<figcaption>Mediaan ${duration(t.medianHours!)}; snelste ${duration(t.minHours!)}, langste ${duration(t.maxHours!)}.</figcaption></figure>`;
    out += table('Wachttijd per maand', ['Maand', 'Goedkeuringen', 'Mediaan'], t.perMonth.map((m) => [esc(longMonth(m.month)), String(m.count), m.medianHours === null ? '–' : duration(m.medianHours)]), [false, true, true]);
    out += table(
      'Alle goedkeuringen in de periode',
      ['Brief', 'Goedgekeurd door', 'Op', 'Gemeten vanaf', 'Wachttijd'],
      t.items.map((w) => [esc(w.path), esc(w.name), dutchDate(w.approvedAt), `${w.basis === 'request' ? 'verzoek' : 'commit'} ${dutchDate(w.from)}`, duration(w.hours)]),
      [false, false, false, false, true],
    );
  } else out += '<p>Geen goedkeuringen in deze periode.</p>';
  if (t.unmeasured) out += `<p class="muted">${plural(t.unmeasured, 'goedkeuring', 'goedkeuringen')} zonder vindbaar begin (geen verzoek en de goedgekeurde tekst staat niet in git) ${t.unmeasured === 1 ? 'telt' : 'tellen'} niet mee in de wachttijd.</p>`;
  if (s.problems.length) {
    out += `<p><strong>Let op:</strong> de reviewgegevens bevatten fouten; de cijfers kunnen onvolledig zijn.</p><ul>${s.problems.slice(0, 10).map((p) => `<li>${esc(p.file)}: ${esc(p.reason)}</li>`).join('')}</ul>`;
  }
  return out;
}

function basisText(basis: SignOffFigures['timeToApproval']['basis']): string {
  const request = 'vanaf het reviewverzoek (huurbrief review request) voor dezelfde tekst tot de goedkeuring, volgens de tijden in de ondertekende records';
  const commit = 'vanaf de eerste commit met de goedgekeurde tekst tot de commit die de goedkeuring vastlegde (er was geen reviewverzoek)';
  if (basis === 'request') return `De wachttijd is gemeten ${request}.`;
  if (basis === 'commit') return `De wachttijd is gemeten ${commit}.`;
  if (basis === 'mixed') return `De wachttijd is gemeten ${request}; waar geen verzoek was, ${commit.replace(' (er was geen reviewverzoek)', '')}. De tabel zegt per goedkeuring welke.`;
  return 'Er is in deze periode geen wachttijd gemeten.';
}

function betterSection(f: ReportFigures): string {
  const parts: string[] = [];
  if (f.worsened.count) {
    parts.push(
      `<p>${plural(f.worsened.count, 'brief werd', 'brieven werden')} moeilijker of kreeg meer meldingen:</p><ul>${f.worsened.letters
        .map((l) => `<li><strong>${esc(l.path)}</strong>: ${l.before.level} → ${l.after.level}, ${l.before.findings} → ${l.after.findings} meldingen.</li>`)
        .join('')}</ul>`,
    );
  }
  const last = f.levelPerMonth.filter((m) => m.share !== null).at(-1);
  if (last && last.letters > last.atB1OrBetter) parts.push(`<p>${plural(last.letters - last.atB1OrBetter, 'brief is', 'brieven zijn')} nog moeilijker dan B1.</p>`);
  if (f.signOff.available && f.signOff.letters > f.signOff.approved) {
    parts.push(`<p>${plural(f.signOff.letters - f.signOff.approved, 'brief heeft', 'brieven hebben')} nog geen geldige goedkeuring door een collega (<code>huurbrief review status</code> zegt welke en waarom).</p>`);
  }
  const lastFindings = f.findingsPerMonth.filter((m) => m.letters).at(-1);
  if (lastFindings) {
    const top = CATEGORIES.filter((c) => lastFindings.byCategory[c] > 0).sort((a, b) => lastFindings.byCategory[b] - lastFindings.byCategory[a])[0];
    if (top) parts.push(`<p>De meeste meldingen gaan nu over <strong>${esc(CATEGORY_LABEL[top])}</strong> (${lastFindings.byCategory[top]}): een goed onderwerp voor het volgende teamoverleg.</p>`);
  }
  return parts.length ? parts.join('') : '<p>Niets dat opvalt: alle brieven zijn op B1 of eenvoudiger en goedgekeurd.</p>';
}

export function renderReport(f: ReportFigures): string {
  const since = dutchDate(f.period.since);
  const until = dutchDate(f.period.until);
  const categories = CATEGORIES.filter((c: Category) => f.findingsPerMonth.some((m) => m.byCategory[c] > 0));

  const levelBody =
    `<figure>${levelChart('chart-level', f.levelPerMonth, levelDesc(f.levelPerMonth))}<figcaption>Een brief telt als B1 of eenvoudiger bij niveau A2 of B1 (de schatting van huurbrief, zoals in huurbrief lint).</figcaption></figure>` +
    table(
      'Taalniveau per maand',
      ['Maand', 'Brieven', 'B1 of eenvoudiger', 'Aandeel', 'A2', 'B1', 'B2', 'C1'],
      f.levelPerMonth.map((m) => [esc(longMonth(m.month)), String(m.letters), String(m.atB1OrBetter), m.share === null ? '–' : percent(m.share), String(m.byLevel.A2), String(m.byLevel.B1), String(m.byLevel.B2), String(m.byLevel.C1)]),
      [false, true, true, true, true, true, true, true],
    );

  const findingsBody = categories.length
    ? `<figure>${findingsChart(
        'chart-findings',
        f.findingsPerMonth,
        categories,
        `Lijndiagram met één lijn per soort melding. ${categories
          .map((c) => `${CATEGORY_LABEL[c]}: van ${f.findingsPerMonth.find((m) => m.letters)?.byCategory[c] ?? 0} naar ${f.findingsPerMonth.at(-1)!.byCategory[c]}`)
          .join('; ')}.`,
      )}<figcaption>Elke soort heeft een eigen lijn (streepjes), een eigen vorm van punt en een label aan het eind.</figcaption></figure>` +
      table(
        'Meldingen per soort per maand',
        ['Maand', 'Brieven', ...categories.map((c) => CATEGORY_LABEL[c]), 'Totaal'],
        f.findingsPerMonth.map((m) => [esc(longMonth(m.month)), String(m.letters), ...categories.map((c) => String(m.byCategory[c])), String(m.total)]),
        [false, true, ...categories.map(() => true), true],
      )
    : '<p>Geen meldingen in deze periode.</p>';

  const skipped = f.letters.skipped.length
    ? `<p>Niet te lezen en dus niet meegeteld: ${f.letters.skipped.slice(0, 10).map((s) => `${esc(s.path)} (${esc(s.commit.slice(0, 10))}: ${esc(s.reason)})`).join('; ')}${f.letters.skipped.length > 10 ? ` en nog ${f.letters.skipped.length - 10}` : ''}.</p>`
    : '';
  const method =
    `<ul>${f.method.notes.map((n) => `<li>${esc(n)}</li>`).join('')}<li>Tijden en maanden in UTC. Gemaakt op ${dutchDate(f.generatedAt)}; ${plural(f.letters.versionsLinted, 'versie', 'versies')} van ${plural(f.letters.seen, 'brief', 'brieven')} gecontroleerd.</li></ul>` +
    skipped;

  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="huurbrief report">
<title>Reflectierapport brieven: ${esc(since)} t/m ${esc(until)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Hoe gaat het met onze brieven?</h1>
<p class="period">Reflectierapport over ${esc(since)} t/m ${esc(until)}</p>
</header>
<main>
<p class="intro">Een moment van reflectie: wat ging goed, wat kan beter? Dit rapport laat zien hoe de brieven aan huurders zich ontwikkelden: hoe leesbaar ze zijn, welke meldingen huurbrief geeft, of een collega ze heeft goedgekeurd, en wie eraan bijdroeg.</p>
${keyFigures(f)}
${section('successen', 'Successen', successes(f))}
${section('niveau', 'Taalniveau per maand', levelBody)}
${section('meldingen', 'Meldingen per soort per maand', findingsBody)}
${section('verbeterd', 'Brieven die het meest verbeterden', improvedSection(f))}
${section('goedkeuring', 'Goedkeuring door een collega', signOffSection(f))}
${section('beter', 'Wat kan beter?', betterSection(f))}
${section('methode', 'Hoe is dit gemeten?', method)}
</main>
<footer>
<p>Gemaakt met huurbrief report. De cijfers staan ook in <code>huurbrief report --format json</code>.</p>
</footer>
</body>
</html>
`;
}
