// Pins each package's public exports (like the retext plugins do), so an
// accidental export or a dropped one is a visible, reviewed change.
import { expect, it } from 'vitest';

it('@huurbrief/core exports the pure engine only', async () => {
  expect(Object.keys(await import('../../src/index.js')).sort()).toEqual([
    'BASELINE_VERSION',
    'CATEGORIES',
    'ConfigError',
    'LineIndex',
    'MAX_PASSES',
    'PRESETS',
    'VERSION',
    'allRules',
    'applyFixes',
    'baselineCounts',
    'buildDocument',
    'buildTemplateTree',
    'compilePhrases',
    'configJsonSchema',
    'declaredVariables',
    'defaultConfig',
    'didYouMean',
    'entryTotal',
    'expandBranches',
    'fixText',
    'getRule',
    'hasSpellingProvider',
    'interpolate',
    'isCounted',
    'lineEnding',
    'lintDocument',
    'lintRendered',
    'lintText',
    'maskPlaceholders',
    'matchBaseline',
    'matchCase',
    'matchPhrases',
    'parseTemplateData',
    'presetRules',
    'pruneEntry',
    'renderTemplate',
    'resolveConfig',
    'ruleUrl',
    'scanPlaceholders',
    'serializeBaseline',
    'setSpellingProvider',
    'singleFixAccepted',
    'spellingDictionary',
    'tokens',
    'unknownWords',
    'updateEntry',
  ]);
});

it('@huurbrief/core/node exports config loading, safe reading, discovery and the spelling word lists', async () => {
  expect(Object.keys(await import('../../src/node.js')).sort()).toEqual([
    'BASELINE_FILE',
    'BaselineError',
    'BaselineLoader',
    'CONFIG_FILES',
    'ConfigLoader',
    'InputError',
    'LETTER_EXTENSIONS',
    'MAX_FILE_BYTES',
    'ShippedDictionary',
    'baselineRoot',
    'decodeLetter',
    'findBaselineFile',
    'findConfigFile',
    'findLetterFiles',
    'findSpellingFolder',
    'isWordPath',
    'jsonReasonNl',
    'letterFromBytes',
    'letterKey',
    'lintFile',
    'loadConfigLayers',
    'loadSpellingDictionary',
    'newBaselineFile',
    'parseBaseline',
    'readBaseline',
    'readLetterFile',
    'spellingFolders',
    'spellingLoaded',
    'warmSpelling',
  ]);
});

it('the core main entry does no file or process I/O', async () => {
  const { readFileSync, readdirSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const root = new URL('../../src/', import.meta.url).pathname;
  // Everything reachable from index.ts, by following relative imports.
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from '(\.[^']+)\.js'/g)) visit(join(file, '..', `${m[1]}.ts`));
  };
  visit(join(root, 'index.ts'));
  expect(seen.size).toBeGreaterThan(20);
  const offenders = [...seen].filter((f) => /from 'node:(fs|child_process|worker_threads|net|http|https)'|process\.(cwd|env|exit)|readFileSync/.test(readFileSync(f, 'utf8')));
  expect(offenders.map((f) => f.slice(root.length))).toEqual([]);
  expect(statSync(root).isDirectory() && readdirSync(root).includes('node.ts')).toBe(true);
});
