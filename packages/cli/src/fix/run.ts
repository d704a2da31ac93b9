import { readFileSync } from 'node:fs';
import { lintText, type LintResult, type ResolvedConfig } from '@huurbrief/core';
import { readLetterFile } from '@huurbrief/core/node';
import { fixText, type FixTextResult } from './fix-text.js';
import { writeFileAtomic, WriteError, type WriteFs } from './write.js';

export interface FileFix {
  /** Display path (relative to the working directory). */
  path: string;
  /** Full text before and after, BOM included when the file has one. */
  before: string;
  after: string;
  fixed: FixTextResult;
  /** True when the file on disk was replaced. */
  written: boolean;
}

const BOM = '\uFEFF';

/** Fixes a text in memory (stdin, or a file's content); the BOM stays in front. */
export function fixLetterText(path: string, text: string, bom: boolean, config: ResolvedConfig, filePath?: string): FileFix {
  const lint = (t: string): LintResult => lintText(t, { config, ...(filePath ? { filePath } : {}) });
  const fixed = fixText(text, lint);
  const prefix = bom ? BOM : '';
  return { path, before: prefix + text, after: prefix + fixed.output, fixed, written: false };
}

/**
 * Reads a letter, fixes it and (unless `dryRun`) writes it back atomically
 * with the same mode, BOM and line endings. A file that changed on disk while
 * huurbrief was fixing it is not overwritten. Throws InputError (cannot read)
 * or WriteError (cannot write; the original is intact).
 */
export function fixLetterFile(
  abs: string,
  path: string,
  config: ResolvedConfig,
  options: { dryRun?: boolean; fs?: WriteFs } = {},
): FileFix {
  const file = readLetterFile(abs);
  // Only UTF-8 text is written back: a Word document or a UTF-16 file would lose its format.
  if (file.encoding === 'docx') throw new WriteError(path, 'een Word-document verbetert huurbrief niet automatisch; pas de brief aan in Word');
  if (file.encoding !== 'utf-8') throw new WriteError(path, 'alleen UTF-8-bestanden worden automatisch verbeterd; sla de brief op als UTF-8');
  const result = fixLetterText(path, file.text, file.bom, config, abs);
  if (options.dryRun || result.after === result.before) return result;
  let current: Buffer;
  try {
    current = readFileSync(abs);
  } catch {
    throw new WriteError(path, 'bestand verdween tijdens het verbeteren; niets geschreven');
  }
  if (!current.equals(Buffer.from(result.before, 'utf8'))) {
    throw new WriteError(path, 'bestand is tijdens het verbeteren door iets anders gewijzigd; niets geschreven');
  }
  writeFileAtomic(abs, Buffer.from(result.after, 'utf8'), file.mode, options.fs);
  return { ...result, written: true };
}

/** What --fix changed, for stderr: one line per file, one per change. */
export function fixSummary(fixes: readonly FileFix[], dryRun: boolean): string {
  let out = '';
  let total = 0;
  let files = 0;
  for (const f of fixes) {
    if (f.fixed.applied.length === 0) continue;
    files++;
    total += f.fixed.applied.length;
    out += `${f.path}: ${f.fixed.applied.length} ${f.fixed.applied.length === 1 ? 'verbetering' : 'verbeteringen'}${dryRun ? ' (niet geschreven)' : ''}\n`;
    for (const m of f.fixed.applied) {
      const where = m.pass === 1 ? `${m.line}:${m.column}` : `ronde ${m.pass}`;
      out += `  ${where}  "${m.replaced}" → "${m.fix!.text}"  ${m.ruleId}\n`;
    }
  }
  if (files === 0) return dryRun ? 'huurbrief: niets automatisch te verbeteren\n' : '';
  const what = `${total} ${total === 1 ? 'probleem' : 'problemen'} in ${files} ${files === 1 ? 'brief' : 'brieven'}`;
  // Dutch word order: the infinitive goes last ("zou 3 problemen ... verbeteren").
  return `${out}huurbrief ${dryRun ? `zou ${what} verbeteren` : `verbeterde ${what}`}\n`;
}
