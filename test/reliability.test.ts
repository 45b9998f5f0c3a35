// A build that fails, times out or is killed leaves the previous pack whole and no Chromium behind.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = 'build/pipeline/cli.js';
const FORMATS = ['pdf', 'epub', 'html', 'json'];

interface Build {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  mark: string;
}

/**
 * Runs the CLI with a marker in its environment, which Chromium's processes inherit, so that
 * the processes a build left behind can be found by it afterwards.
 */
function build(args: string[], kill?: { signal: NodeJS.Signals; after: RegExp }, env: Record<string, string> = {}): Promise<Build> {
  const mark = randomUUID();
  return new Promise((resolve) => {
    const child = spawn('node', [CLI, 'build', ...args], { env: { ...process.env, BRIEFPACK_TEST_MARK: mark, SOURCE_DATE_EPOCH: '1741000000', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (kill && kill.after.test(stdout)) child.kill(kill.signal);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr, mark }));
  });
}

/**
 * A build stopped by `signal` once it prints `after`. On a loaded machine the test process can
 * take longer to send the signal than the build takes to finish (about a second after `render`
 * on the seeds; four tries in a row once all lost that race in CI). So the build writes its outputs
 * a piece at a time with a pause between pieces (BRIEFPACK_TEST_WRITE_PAUSE), which keeps it busy for
 * seconds after `render`; a run that still finishes is tried again, up to four times.
 */
const SLOW_WRITES = { BRIEFPACK_TEST_WRITE_PAUSE: '300' };
async function interrupted(args: string[], signal: NodeJS.Signals, after: RegExp): Promise<Build> {
  let result = await build(args, { signal, after }, SLOW_WRITES);
  for (let attempt = 1; attempt < 4 && result.code === 0; attempt++) result = await build(args, { signal, after }, SLOW_WRITES);
  return result;
}

async function processesMarked(mark: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const environ = await readFile(`/proc/${pid}/environ`, 'latin1').catch(() => '');
    if (environ.includes(`BRIEFPACK_TEST_MARK=${mark}`)) found.push(Number(pid));
  }
  return found;
}

/** Chromium's children may take a moment to go after the browser; wait for them, then count. */
async function leftBehind(mark: string): Promise<number[]> {
  for (let waited = 0; waited < 5_000; waited += 250) {
    const found = await processesMarked(mark);
    if (found.length === 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return processesMarked(mark);
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const format of FORMATS) files[format] = (await readFile(join(dir, `briefing.${format}`))).toString('base64');
  return files;
}

let out: string;
let previous: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`make\` first`);
  out = await mkdtemp(join(tmpdir(), 'briefpack-reliability-'));
  const first = await build(['--out', out, '--quiet']);
  if (first.code !== 0) throw new Error(first.stderr);
  previous = await snapshot(out);
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('a build that does not finish', () => {
  it('leaves no Chromium behind after a successful build', async () => {
    const result = await build(['--out', out, '--quiet']);
    expect(result.code).toBe(0);
    expect(await leftBehind(result.mark)).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`stops on ${signal} mid-print with the previous pack whole and no Chromium left`, async () => {
      const result = await interrupted(['--out', out, '--formats', 'pdf,epub'], signal, /^render\s/m);
      expect(result.code === 130 || result.code === 143 || result.signal === signal).toBe(true);
      expect(await leftBehind(result.mark)).toEqual([]);
      expect(await snapshot(out)).toEqual(previous);
      expect((await readdir(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('leaves the previous pack whole when killed outright mid-print', async () => {
    const result = await interrupted(['--out', out, '--formats', 'pdf,epub'], 'SIGKILL', /^render\s/m);
    expect(result.signal).toBe('SIGKILL');
    expect(await snapshot(out)).toEqual(previous);
    // Chromium notices its pipe close and exits on its own.
    expect(await leftBehind(result.mark)).toEqual([]);
  });

  it('fails with one line and exit code 1 when Chromium does not start in time', async () => {
    const result = await build(['--out', out, '--formats', 'pdf', '--timeout', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await leftBehind(result.mark)).toEqual([]);
    expect(await snapshot(out)).toEqual(previous);
  });

  it('names the folder when the output folder cannot be written', async () => {
    const blocker = join(out, 'a-file');
    await writeFile(blocker, 'not a folder');
    const result = await build(['--out', join(blocker, 'pack'), '--formats', 'json,pdf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(join(blocker, 'pack'));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await leftBehind(result.mark)).toEqual([]);
  });
});
