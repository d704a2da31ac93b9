// Public API of @huurbrief/core. Pure: no file or process I/O (see ./node.ts for that).
export { lintText, lintDocument, defaultConfig } from './engine/lint.js';
export type { LintTextOptions } from './engine/lint.js';
export { buildDocument } from './engine/document.js';
export { LineIndex } from './engine/location.js';
export { scanPlaceholders, maskPlaceholders } from './engine/placeholders.js';
// Templates: branch expansion, rendering with data, declared variables.
export { buildTemplateTree, declaredVariables, expandBranches, lintRendered, parseTemplateData, renderTemplate } from './template/index.js';
export type {
  BranchVariant,
  DataParse,
  DeclaredVariable,
  RenderedLint,
  RenderOptions,
  RenderProblem,
  RenderResult,
  TemplateTree,
} from './template/index.js';
export { matchCase, ruleUrl, interpolate } from './engine/messages.js';
export { applyFixes, fixText, lineEnding, MAX_PASSES, singleFixAccepted, type FixTextResult } from './engine/fix.js';
export type { FixOutcome } from './engine/fix.js';
export { compilePhrases, matchPhrases, tokens } from './engine/phrases.js';
export type { PhraseIndex, PhraseMatch } from './engine/phrases.js';
export { resolveConfig, presetRules, PRESETS, didYouMean } from './config/resolve.js';
export type { ConfigLayer, PresetName } from './config/resolve.js';
export { ConfigError } from './config/errors.js';
export { configJsonSchema } from './config/schema.js';
export { allRules, getRule } from './rules/index.js';
// Spelling: the word lists come from a provider (the node entry registers one that reads the shipped lists).
export { hasSpellingProvider, setSpellingProvider, spellingDictionary } from './spelling/dictionary.js';
export type { SpellingDictionary, SpellingProvider, SpellingSuggestion } from './spelling/dictionary.js';
export { unknownWords } from './spelling/unknown.js';
export type { UnknownWord } from './spelling/unknown.js';
// Baseline: accepted findings per letter and rule (matching is pure; the file is read by ./node.ts).
export { BASELINE_VERSION, baselineCounts, entryTotal, isCounted, matchBaseline, pruneEntry, serializeBaseline, updateEntry } from './baseline/baseline.js';
export type { Baseline, BaselineEntry, BaselineMatch, UpdateOptions } from './baseline/baseline.js';
export { CATEGORIES } from './types.js';
export type * from './types.js';
export const VERSION = '0.1.0';
