import type { Language, ResolvedConfig } from '@huurbrief/core';
import { warmSpelling } from '@huurbrief/core/node';

/** After the first lint with spelling on, the suggester is built this long later, when the writer has likely paused. */
export const WARM_DELAY_MS = 300;

/**
 * The spelling word lists load lazily, in the first lint that needs them (~50 ms
 * for Dutch). Their suggester (~100-200 ms: the list's edit costs) is built the
 * first time a word is unknown; the server builds it in the background shortly
 * after the first lint instead, so the first typo the writer makes is not slow.
 * Once per language per process.
 */
export class SpellingWarmup {
  private readonly started = new Set<Language>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly log: (message: string) => void) {}

  afterLint(config: ResolvedConfig, lang: Language): void {
    if (!config.rules['spelling'] || this.started.has(lang)) return;
    this.started.add(lang);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        warmSpelling(lang);
      } catch (error) {
        // The rule reports the same problem as a finding; the log says it once.
        this.log(`huurbrief: woordenlijst (${lang}) niet geladen: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, WARM_DELAY_MS);
    timer.unref();
    this.timers.add(timer);
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
