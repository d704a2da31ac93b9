import { lintText, type LintTextOptions } from '../engine/lint.js';
import type { LintResult } from '../types.js';
import type { ConfigLoader } from './config.js';
import { readLetterFile, type LetterFile } from './read.js';

export interface FileResult {
  file: LetterFile;
  result: LintResult;
  configFile?: string;
}

/** Reads one letter, finds its config and lints it. Throws InputError / ConfigError. */
export function lintFile(path: string, loader: ConfigLoader, options: Omit<LintTextOptions, 'config'> = {}): FileResult {
  const file = readLetterFile(path);
  const loaded = loader.forFile(path);
  const result = lintText(file.text, { ...options, config: loaded.config, filePath: path });
  const out: FileResult = { file, result };
  if (loaded.file) out.configFile = loaded.file;
  return out;
}
