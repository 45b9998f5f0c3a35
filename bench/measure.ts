// Timing a child process and the memory of what it starts. Wall time is taken around the whole
// process. Memory comes from /proc, sampled every 50 ms while the child runs:
// - node's peak is its VmHWM, a high-water mark the kernel keeps, so a sample misses only what
//   grew in the last 50 ms. GNU time's %M is not used: it reports the largest RSS of any process
//   node reaped, which is Chromium's browser process as often as node itself;
// - Chromium's peak is the largest sum of VmRSS over its processes. Puppeteer starts the browser
//   in a session of its own and the zygotes are reparented to init, so a process counts when it
//   descends from node or shares a session with one that does. Shared pages are counted once
//   per process, so this overstates what Chromium takes from the machine.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface ProcessRun {
  wallMs: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child itself in KB; null when it was not sampled. */
  peakKb: number | null;
  /** Peak summed resident memory of everything the child started in KB; null when not sampled. */
  descendantsPeakKb: number | null;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Sample /proc for the memory of the child and of what it starts. */
  sampleMemory?: boolean;
}

const SAMPLE_MS = 50;

interface ProcInfo {
  pid: number;
  ppid: number;
  session: number;
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

function procInfo(pid: number): ProcInfo | null {
  const stat = readProc(pid, 'stat');
  if (stat === null) return null;
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pid, ppid: Number(fields[1]), session: Number(fields[3]) };
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readProc(pid, 'status');
  const match = status === null ? null : new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

function allProcesses(): ProcInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => procInfo(Number(name)) ?? []);
}

/** The processes `root` started, directly or not, including those reparented out of its tree. */
export function descendants(root: number, processes: readonly ProcInfo[]): ProcInfo[] {
  const rootSession = processes.find((p) => p.pid === root)?.session;
  const pids = new Set<number>([root]);
  const sessions = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of processes) {
      if (pids.has(p.pid)) continue;
      if (pids.has(p.ppid) || sessions.has(p.session)) {
        pids.add(p.pid);
        if (p.session !== rootSession) sessions.add(p.session);
        grew = true;
      }
    }
  }
  pids.delete(root);
  return processes.filter((p) => pids.has(p.pid));
}

function memorySampler(pid: number) {
  let peakKb = 0;
  let descendantsPeakKb = 0;
  return {
    sample(): void {
      peakKb = Math.max(peakKb, statusKb(pid, 'VmHWM'));
      const sum = descendants(pid, allProcesses()).reduce((kb, p) => kb + statusKb(p.pid, 'VmRSS'), 0);
      descendantsPeakKb = Math.max(descendantsPeakKb, sum);
    },
    peaks: () => ({ peakKb, descendantsPeakKb }),
  };
}

/** Runs a command to its end; never rejects for a non-zero exit, which the caller judges. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const sampler = options.sampleMemory && child.pid !== undefined ? memorySampler(child.pid) : null;
    const timer = sampler ? setInterval(() => sampler.sample(), SAMPLE_MS) : null;
    sampler?.sample();
    child.once('error', (error) => {
      if (timer) clearInterval(timer);
      reject(new Error(`cannot run ${command}: ${error.message}`, { cause: error }));
    });
    let wallMs = 0;
    child.once('exit', () => {
      wallMs = performance.now() - started;
      if (timer) clearInterval(timer);
    });
    child.once('close', (exitCode) => {
      const peaks = sampler?.peaks();
      resolve({
        wallMs,
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        peakKb: peaks ? peaks.peakKb : null,
        descendantsPeakKb: peaks ? peaks.descendantsPeakKb : null,
      });
    });
  });
}

/** Runs a command and throws, naming it and quoting its last words, unless it exits 0. */
export async function runChecked(command: string, args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  const run = await runProcess(command, args, options);
  if (run.exitCode !== 0) {
    const tail = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(-8).join('\n');
    throw new Error(`${command} ${args.slice(0, 6).join(' ')}${args.length > 6 ? ' …' : ''} exited with ${run.exitCode}:\n${tail}`);
  }
  return run;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
