// Runs the compiled CLI as a user would, with a time limit, so that a build that hangs fails the
// test instead of stalling the suite.
import { execFile } from 'node:child_process';

export const CLI = 'build/pipeline/cli.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** True when the time limit killed it. */
  killed: boolean;
}

export function cli(args: string[], options: { env?: Record<string, string>; timeout?: number; as?: string[] } = {}): Promise<Run> {
  const [command, ...prefix] = options.as ?? ['node'];
  return new Promise((resolve) => {
    execFile(
      command ?? 'node',
      [...prefix, ...(options.as ? ['node'] : []), CLI, ...args],
      { env: { ...process.env, SOURCE_DATE_EPOCH: '1741000000', ...options.env }, timeout: options.timeout ?? 60_000, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr, killed: error?.killed === true });
      },
    );
  });
}
