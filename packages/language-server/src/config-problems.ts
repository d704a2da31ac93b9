/**
 * Tells the writer about a broken config once per distinct error (not on
 * every keystroke, not once per open letter). When the file loads fine again,
 * a later error in it is shown again.
 */
export class ConfigProblems {
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly notify: (message: string) => void,
    /** The sentence before the error (the baseline's problems say something else). */
    private readonly lead = 'huurbrief: fout in configuratie, brieven worden niet gecontroleerd.',
  ) {}

  report(error: { file: string; message: string }): void {
    if (this.shown.get(error.file) === error.message) return;
    this.shown.set(error.file, error.message);
    this.notify(`${this.lead} ${error.message}`);
  }

  resolved(files: readonly string[]): void {
    for (const f of files) this.shown.delete(f);
  }
}
