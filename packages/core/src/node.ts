// Node entry of @huurbrief/core: finding and loading config files, reading
// letters safely and finding the letters in a tree. Shared by the CLI and the
// language server, so both see the same config and the same findings.
export { ConfigLoader, CONFIG_FILES, findConfigFile, jsonReasonNl, loadConfigLayers } from './node/config.js';
export type { LoadedConfig } from './node/config.js';
export { readLetterFile, letterFromBytes, isWordPath, decodeLetter, InputError, MAX_FILE_BYTES } from './node/read.js';
export type { LetterFile } from './node/read.js';
export { findLetterFiles, LETTER_EXTENSIONS } from './node/discover.js';
export type { DiscoveredFiles } from './node/discover.js';
export { lintFile } from './node/lint-file.js';
export type { FileResult } from './node/lint-file.js';
// Spelling: importing this entry registers the shipped word lists as the spelling rule's provider.
export { findSpellingFolder, loadSpellingDictionary, spellingFolders, spellingLoaded, warmSpelling, ShippedDictionary } from './node/spelling.js';
export { BASELINE_FILE, BaselineError, BaselineLoader, baselineRoot, findBaselineFile, letterKey, newBaselineFile, parseBaseline, readBaseline } from './node/baseline.js';
export type { BaselineLoaderOptions, LetterBaseline } from './node/baseline.js';
