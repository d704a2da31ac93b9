import type { ConfigError } from '@huurbrief/core';

/**
 * Tells the writer about a broken config once per distinct error (not on
 * every keystroke, not once per open letter). When the file loads fine again,
 * a later error in it is shown again.
 */
export class ConfigProblems {
  private readonly shown = new Map<string, string>();

  constructor(private readonly notify: (message: string) => void) {}

  report(error: ConfigError): void {
    if (this.shown.get(error.file) === error.message) return;
    this.shown.set(error.file, error.message);
    this.notify(`huurbrief: fout in configuratie, brieven worden niet gecontroleerd. ${error.message}`);
  }

  resolved(files: readonly string[]): void {
    for (const f of files) this.shown.delete(f);
  }
}
