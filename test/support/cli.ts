import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './corpus';

export const cliPath = join(repoRoot, 'resources', 'bin', 'flowsight.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `flowsight` command (the built CLI) and collects its output.
 * A run past `timeoutMs` (default 5 min) is killed and comes back with code
 * null: a hang fails its test instead of stalling the suite, which cannot
 * interrupt a synchronous spawn.
 */
export function runCli(args: string[], opts: { input?: string; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, input: opts.input, cwd: repoRoot, timeout: opts.timeoutMs ?? 300_000, killSignal: 'SIGKILL' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runCliAsync(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

export function jsonl<T = Record<string, unknown>>(text: string): T[] {
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}
