/** Every command the extension contributes (package.json `contributes.commands` must list exactly these). */
export const COMMANDS = {
  activate: 'huurbrief.activate',
  lintWorkspace: 'huurbrief.lintWorkspace',
  fixAll: 'huurbrief.fixAll',
  requestReview: 'huurbrief.requestReview',
  approve: 'huurbrief.approve',
  showReport: 'huurbrief.showReport',
  restartServer: 'huurbrief.restartServer',
} as const;

export const FIX_ALL_KIND = 'source.fixAll.huurbrief';
export const REPORT_SCHEME = 'huurbrief-rapport';
export const LETTER_LANGUAGES = ['markdown', 'plaintext'];
