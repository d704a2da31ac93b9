import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which server runs: the workspace's own @huurbrief/language-server, or the one bundled in the extension. */
export interface ServerChoice {
  module: string;
  /** Dutch, for the output channel: "werkmap (0.2.0)" or "ingebouwd (0.1.0)". */
  label: string;
}

/**
 * Like vscode-eslint: a workspace that installs @huurbrief/language-server (next to the CLI that CI
 * runs) gets that version, so the editor and CI agree after an upgrade; otherwise the bundled
 * server. Only in a trusted workspace: code from a workspace's node_modules is not run otherwise.
 */
export function chooseServer(bundled: string, bundledVersion: string, folders: readonly string[], trusted: boolean): ServerChoice {
  if (trusted) {
    for (const folder of folders) {
      const pkg = join(folder, 'node_modules', '@huurbrief', 'language-server');
      const bin = join(pkg, 'bin', 'huurbrief-language-server.js');
      if (!existsSync(bin)) continue;
      let version = '?';
      try {
        version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
      } catch {
        // a package without a readable manifest is still the workspace's server
      }
      return { module: bin, label: `werkmap (${version}, ${pkg})` };
    }
  }
  return { module: bundled, label: `ingebouwd (${bundledVersion})` };
}
