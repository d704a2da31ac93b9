// Child processes of the e2e run: every long-lived process gets its own process group, so
// stopping it also stops what it started (code-server's extension host, the language server).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (bounded by `timeoutMs`, then the whole group is killed). */
export function run(command: string, args: readonly string[], options: SpawnOptions & { timeoutMs: number; input?: string }): Promise<RunResult> {
  const { timeoutMs, input, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')}: no result after ${timeoutMs / 1000} s (stopped)\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined && child.stdin) {
      // A child that exits without reading its input must not crash the run (EPIPE).
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** Like `run`, but a non-zero exit is an error that shows the output. */
export async function runOk(command: string, args: readonly string[], options: SpawnOptions & { timeoutMs: number; input?: string }): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`);
  }
  return result;
}

/** Sends a signal to the child's whole process group (it was spawned detached, so it leads one). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Stops a process group: SIGTERM, then SIGKILL when it has not exited after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  killGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
  const late = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  // Children of the group (extension host, language server) may outlive the leader: always finish with SIGKILL.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Nothing left.
  }
  if (late) await exited;
}

/** A long-lived process with its output in a log file; resolves once `ready` matches its output. */
export function startLogged(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { logFile: string; ready: RegExp; timeoutMs: number },
): Promise<ChildProcess> {
  const { logFile, ready, timeoutMs, ...spawnOptions } = options;
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      void stopGroup(child, 1000);
      reject(new Error(`${command} did not report ${ready} within ${timeoutMs / 1000} s; see ${logFile}\n${seen.slice(-2000)}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      log.write(d);
      if (seen.length < 100_000) seen += d.toString('utf8');
      if (ready.test(seen)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      log.end();
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before it was ready; see ${logFile}\n${seen.slice(-2000)}`));
    });
  });
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for the caller). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}
