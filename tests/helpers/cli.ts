import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliMain = path.join(repoRoot, 'electron/cli/main.ts');

/**
 * `npx tsx electron/cli/main.ts ...` without the npx hop: node with tsx's loader, in one process
 * (so its pid is the server's pid and a signal reaches it directly).
 */
function spawnCli(args: string[], entry?: string): ChildProcess {
  return spawn(process.execPath, [...(entry ? [entry] : ['--import', 'tsx', cliMain]), ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command to completion (from the sources, or a bundle of it given as `entry`). */
export function runCli(args: string[], timeoutMs = 20_000, entry?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, entry);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kinerja ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface CliServer {
  url: string;
  output(): string;
  /** SIGTERM (the serve command's graceful stop) and wait for the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns `kinerja serve --data DIR --port 0` and waits until it prints its address. */
export function startCliServer(dataDir: string, timeoutMs = 20_000, options: { entry?: string; renderer?: string; args?: string[] } = {}): Promise<CliServer> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(
      ['serve', '--data', dataDir, '--port', '0', '--renderer', options.renderer ?? path.join(dataDir, 'no-renderer'), ...(options.args ?? [])],
      options.entry,
    );
    let out = '';
    let exited: Promise<number | null> | null = null;
    const exit = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kinerja serve did not start\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /berjalan di (https?:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          output: () => out,
          stop: () => {
            if (!exited) {
              exited = exit;
              child.kill('SIGTERM');
            }
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`kinerja serve exited (${code}) before listening\n${out}`));
    });
  });
}
