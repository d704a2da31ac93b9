// Runs once per `pnpm test:e2e`: build + package the extension, install code-server (cached),
// install the .vsix into a fresh profile, copy the fixture workspaces to a temp dir, start
// code-server on 127.0.0.1. The teardown stops code-server's whole process group, also when
// scenarios failed or the run is interrupted.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createProfile, ensureCodeServer, installExtension, startCodeServer, type RunningCodeServer } from './code-server.js';
import { cacheDir, codeServerDir, E2E_DIR, OUTPUT_DIR, runTempRoot, type E2EContext, type ExtensionManifest } from './env.js';
import { lintJson, type CliReport } from './cli.js';
import { killGroup } from './processes.js';
import { isolatedGitEnv, REVIEWER, setupReviewRepo } from './review.js';
import { buildAndPackage } from './vsix.js';

const t0 = Date.now();
function log(line: string): void {
  const text = `[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${line}`;
  process.stderr.write(`${text}\n`);
  try {
    appendFileSync(join(OUTPUT_DIR, 'run.log'), `${text}\n`);
  } catch {
    // The output dir is created first thing; a failed log line is not worth failing the run.
  }
}

/** The manifest inside the installed extension (what VS Code actually loaded). */
function installedManifest(extensionsDir: string): ExtensionManifest {
  const dirs = readdirSync(extensionsDir, { withFileTypes: true }).filter((d) => d.isDirectory());
  if (dirs.length !== 1) throw new Error(`expected exactly one installed extension in ${extensionsDir}, found: ${dirs.map((d) => d.name).join(', ') || 'none'}`);
  return JSON.parse(readFileSync(join(extensionsDir, dirs[0]!.name, 'package.json'), 'utf8')) as ExtensionManifest;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const runDir = mkdtempSync(join(runTempRoot(), 'huurbrief-e2e-'));
  log(`run dir ${runDir}`);

  let server: RunningCodeServer | undefined;
  const killNow = () => {
    if (server) killGroup(server.process, 'SIGKILL');
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killNow();
    if (process.env['HUURBRIEF_E2E_KEEP'] !== '1') rmSync(runDir, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  process.once('exit', killNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const profileDir = join(runDir, 'profile');
  const teardown = async () => {
    if (server) {
      log('stopping code-server');
      await server.stop();
      server = undefined;
    }
    process.off('exit', killNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // VS Code's own logs (extension host, the extension's output channel) help to read a failure.
    const logs = join(profileDir, 'user-data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(OUTPUT_DIR, 'vscode-logs'), { recursive: true });
    if (process.env['HUURBRIEF_E2E_KEEP'] !== '1') rmSync(runDir, { recursive: true, force: true });
    log('done');
  };

  try {
    // Both take a while; run them side by side, but let neither outlive a failure of the other.
    const [built, installed] = await Promise.allSettled([buildAndPackage(log), ensureCodeServer(codeServerDir(cacheDir(runDir)), log)]);
    if (built.status === 'rejected') throw built.reason;
    if (installed.status === 'rejected') throw installed.reason;
    const vsix = built.value;
    const launcher = installed.value;
    log(`code-server: ${launcher}`);

    const gitEnv = isolatedGitEnv(join(runDir, 'git'));
    const env = { ...process.env, ...gitEnv };
    const profile = createProfile(profileDir);
    log(`installing ${vsix}`);
    await installExtension(launcher, profile, vsix, env);
    const extensionManifest = installedManifest(profile.extensionsDir);

    const workspace = join(runDir, 'workspace');
    const brokenWorkspace = join(runDir, 'workspace-broken-config');
    cpSync(join(E2E_DIR, 'workspace'), workspace, { recursive: true });
    cpSync(join(E2E_DIR, 'workspace-broken-config'), brokenWorkspace, { recursive: true });
    const cliReports: Record<string, CliReport> = {};
    for (const name of readdirSync(join(workspace, 'brieven')).filter((f) => f.endsWith('.md'))) {
      cliReports[`brieven/${name}`] = await lintJson(workspace, `brieven/${name}`);
    }
    const review = await setupReviewRepo(workspace, join(runDir, 'keys'), gitEnv);

    server = await startCodeServer(launcher, profile, workspace, join(OUTPUT_DIR, 'code-server.log'), env);
    log(`code-server listening on ${server.baseUrl}`);

    const context: E2EContext = {
      baseUrl: server.baseUrl,
      workspace,
      brokenWorkspace,
      reviewerKey: review.reviewerKey,
      reviewerPrincipal: REVIEWER.email,
      gitEnv,
      extensionManifest,
      cliReports,
      vsix,
    };
    project.provide('e2e', context);
    return teardown;
  } catch (error) {
    log(`setup failed: ${error instanceof Error ? error.message : String(error)}`);
    await teardown();
    throw error;
  }
}
