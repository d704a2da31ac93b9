// Public API of @huurbrief/language-server (the bin starts ./server.js).
export { startServer } from './session.js';
export type { InitializationOptions, Session } from './session.js';
export { toDiagnostic, configErrorDiagnostic, messageRange, SOURCE, CONFIG_ERROR_CODE } from './diagnostics.js';
export type { DiagnosticData } from './diagnostics.js';
export { FIX_ALL_KIND, REASON_PLACEHOLDER, blockStartLine } from './code-actions.js';
export { DEFAULT_SETTINGS, normaliseSettings } from './settings.js';
export type { Settings } from './settings.js';
export * from './protocol.js';
