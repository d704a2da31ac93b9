// Pure formatting of what the status bar and the report show (tested without VS Code).
import type { LetterInfo } from '@huurbrief/language-server/protocol';

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "B1 ✓", "B2 · 3 zinnen te lang", "B2 · 4 meldingen", or the config problem. */
export function levelText(info: LetterInfo): string {
  if (info.configError) return 'Fout in configuratie';
  const level = info.level ?? '?';
  const above = info.level !== null && LEVELS.indexOf(info.level) > LEVELS.indexOf(info.targetLevel);
  const findings = info.counts.errors + info.counts.warnings;
  if (!above && info.counts.errors === 0 && info.longSentences === 0) return `${level} ✓`;
  if (info.longSentences > 0) return `${level} · ${plural(info.longSentences, 'zin', 'zinnen')} te lang`;
  if (findings > 0) return `${level} · ${plural(findings, 'melding', 'meldingen')}`;
  return `${level} · moeilijker dan ${info.targetLevel}`;
}

export interface StatusView {
  level: { text: string; tooltip: string; error: boolean };
  review: { text: string; tooltip: string };
}

/** Both status bar items: the letter's level and its review state. */
export function statusView(info: LetterInfo): StatusView {
  const tooltip = info.configError
    ? `huurbrief: ${info.configError}`
    : [
        `Taalniveau ${info.level ?? 'onbekend'} (doel: ${info.targetLevel})`,
        ...(info.fleschDouma !== null ? [`Flesch-Douma ${info.fleschDouma}`] : []),
        ...info.levelReasons.map((r) => `• ${r}`),
        `${plural(info.counts.errors, 'fout', 'fouten')}, ${plural(info.counts.warnings, 'waarschuwing', 'waarschuwingen')}`,
        'Klik voor het rapport van deze brief.',
      ].join('\n');
  return {
    level: { text: `$(book) ${levelText(info)}`, tooltip, error: Boolean(info.configError) || info.counts.errors > 0 },
    review: {
      text: `$(${reviewIcon(info.review.state)}) ${info.review.label}${ambassadorText(info.review)}`,
      tooltip: [`Beoordeling: ${info.review.reason}`, ...(info.review.signOff ? [`Aftekenen door ${info.review.signOff}`] : []), 'Klik voor het rapport.'].join('\n'),
    },
  };
}

/** " · ambassadeur: anna@… of bram@…" while a letter with ambassadors is not approved (at most two names, then "+n"). */
export function ambassadorText(review: LetterInfo['review']): string {
  const names = review.ambassadors;
  if (!names?.length || review.state === 'approved') return '';
  const shown = names.length > 2 ? `${names.slice(0, 2).join(', ')} +${names.length - 2}` : names.join(' of ');
  return ` · ${names.length === 1 ? 'ambassadeur' : 'ambassadeurs'}: ${shown}`;
}

function reviewIcon(state: LetterInfo['review']['state']): string {
  switch (state) {
    case 'approved':
      return 'pass';
    case 'stale':
    case 'changes':
    case 'invalid':
    case 'revoked':
    case 'ambassador':
      return 'warning';
    case 'pending':
      return 'clock';
    default:
      return 'circle-outline';
  }
}

/** The short report (Markdown, Dutch) behind a click on the status bar. */
export function reportMarkdown(info: LetterInfo, name: string): string {
  const lines = [`# huurbrief: ${name}`, ''];
  if (info.configError) lines.push(`**Fout in configuratie**: ${info.configError}`, '');
  lines.push(
    '## Leesbaarheid',
    '',
    `- Taalniveau: **${info.level ?? 'onbekend'}** (doel: ${info.targetLevel})`,
    ...(info.fleschDouma !== null ? [`- Flesch-Douma: ${info.fleschDouma}`] : []),
    `- ${plural(info.sentences, 'zin', 'zinnen')}, ${plural(info.words, 'woord', 'woorden')}`,
    ...(info.longSentences ? [`- ${plural(info.longSentences, 'zin', 'zinnen')} te lang`] : []),
  );
  if (info.levelReasons.length) lines.push('', 'Waarom niet op het doelniveau:', '', ...info.levelReasons.map((r) => `- ${r}`));
  lines.push('', '## Meldingen', '');
  const rules = Object.entries(info.counts.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!rules.length) lines.push('Geen meldingen.');
  else {
    lines.push(
      `${plural(info.counts.errors, 'fout', 'fouten')}, ${plural(info.counts.warnings, 'waarschuwing', 'waarschuwingen')}, ${plural(info.counts.infos, 'opmerking', 'opmerkingen')}` +
        (info.counts.fixable ? ` (${info.counts.fixable} automatisch te herstellen)` : ''),
      '',
      '| Regel | Aantal |',
      '| --- | --- |',
      ...rules.map(([id, n]) => `| \`${id}\` | ${n} |`),
    );
  }
  lines.push('', '## Beoordeling', '', `**${info.review.label}**`, '', info.review.reason);
  if (info.review.signOff) lines.push('', `Aftekenen door ${info.review.signOff}.`);
  if (info.configFile) lines.push('', `Configuratie: \`${info.configFile}\``);
  return `${lines.join('\n')}\n`;
}
