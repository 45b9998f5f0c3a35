// Runs the compiled CLI as a user would, with a time limit, so that a build that hangs fails the
// test instead of stalling the suite.
import { execFile } from 'node:child_process';

export const CLI = 'build/pipeline/cli.js';
export const EPOCH = '1741000000';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** True when the time limit killed it. */
  killed: boolean;
}

export type Env = Record<string, string>;

/**
 * This process's environment with `changes` applied: a value sets a variable, undefined removes
 * it. SOURCE_DATE_EPOCH is fixed unless `changes` says otherwise.
 */
export function envWith(changes: Record<string, string | undefined> = {}): Env {
  const merged: Record<string, string | undefined> = { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ...changes };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export interface CliOptions {
  /** Variables to set (or, undefined, to remove) in this process's environment. */
  env?: Record<string, string | undefined>;
  /** The whole environment instead, exactly: node is named by its path, so PATH may be anything. */
  exactEnv?: Env;
  timeout?: number;
  /** A command to run node under, e.g. setpriv to run as another user. */
  as?: string[];
}

export function cli(args: string[], options: CliOptions = {}): Promise<Run> {
  const [command, ...prefix] = options.as ?? [process.execPath];
  const argv = options.as ? [...prefix, process.execPath, CLI, ...args] : [CLI, ...args];
  return new Promise((resolve) => {
    execFile(
      command ?? process.execPath,
      argv,
      { env: options.exactEnv ?? envWith(options.env), timeout: options.timeout ?? 60_000, killSignal: 'SIGKILL', maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr, killed: error?.killed === true });
      },
    );
  });
}
