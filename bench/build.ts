// The pack's own route: the real CLI as a child process, its stage lines read back, and a `make`
// with nothing to do timed right after a build of the same pack.
import { median, runChecked, runProcess, type ProcessRun } from './measure.js';

export interface Stage {
  name: string;
  /** What the CLI prints: milliseconds since its previous line. */
  ms: number;
}

export interface BuildRun {
  wallMs: number;
  /** The CLI's own "built in N ms", which leaves out node's start and Chromium's closing. */
  cliMs: number | null;
  stages: Stage[];
  nodePeakKb: number;
  chromiumPeakKb: number;
}

export interface StageSummary {
  name: string;
  /** Median of the printed times. */
  ms: number;
  /** Median of when the line appeared, counted from the CLI's start. */
  doneAtMs: number;
}

export interface BuildSummary {
  runs: number;
  stages: StageSummary[];
  wallMs: number;
  cliMs: number | null;
  nodePeakKb: number;
  chromiumPeakKb: number;
}

export type NoopMake = { ms: number; runs: number; note: string | null } | { skipped: string };

const STAGE_LINE = /^([a-z]+)\s.*\s(\d+) ms$/;
const BUILT_LINE = /^built in (\d+) ms/m;

/** The stage lines of the CLI's output (see `reporter` in pipeline/cli.ts), in the order printed. */
export function parseStages(stdout: string): Stage[] {
  return stdout.split('\n').flatMap((line) => {
    const match = STAGE_LINE.exec(line.trimEnd());
    return match?.[1] && match[2] ? [{ name: match[1], ms: Number(match[2]) }] : [];
  });
}

export async function runBuild(root: string, pack: string, out: string, extraArgs: readonly string[], env: NodeJS.ProcessEnv): Promise<BuildRun> {
  const args = ['build/pipeline/cli.js', 'build', '--seeds', pack, '--out', out, '--formats', 'pdf,epub,html,json', ...extraArgs];
  const run: ProcessRun = await runChecked(process.execPath, args, { cwd: root, env, sampleMemory: true });
  const built = BUILT_LINE.exec(run.stdout);
  return {
    wallMs: run.wallMs,
    cliMs: built?.[1] ? Number(built[1]) : null,
    stages: parseStages(run.stdout),
    nodePeakKb: run.peakKb ?? 0,
    chromiumPeakKb: run.descendantsPeakKb ?? 0,
  };
}

function doneAt(stages: readonly Stage[], name: string): number | null {
  let elapsed = 0;
  for (const stage of stages) {
    elapsed += stage.ms;
    if (stage.name === name) return elapsed;
  }
  return null;
}

export function summarizeBuilds(runs: readonly BuildRun[]): BuildSummary {
  // Stage names in the order the first run printed them; publish stages run side by side and
  // may finish in another order, which is why `doneAtMs` is kept beside the printed time.
  const names = [...new Set(runs.flatMap((run) => run.stages.map((stage) => stage.name)))];
  const stages = names.map((name) => ({
    name,
    ms: median(runs.flatMap((run) => run.stages.filter((stage) => stage.name === name).map((stage) => stage.ms))),
    doneAtMs: median(runs.flatMap((run) => doneAt(run.stages, name) ?? [])),
  }));
  const cli = runs.flatMap((run) => (run.cliMs === null ? [] : [run.cliMs]));
  return {
    runs: runs.length,
    stages,
    wallMs: median(runs.map((run) => run.wallMs)),
    cliMs: cli.length > 0 ? median(cli) : null,
    nodePeakKb: median(runs.map((run) => run.nodePeakKb)),
    chromiumPeakKb: median(runs.map((run) => run.chromiumPeakKb)),
  };
}

/** The environment of a `make` started from inside `make bench`, without the outer make's flags. */
function makeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const inner = { ...env };
  for (const name of ['MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES']) delete inner[name];
  return inner;
}

/**
 * `make SEEDS=pack OUT=out` right after a build of that pack: the time make takes to find there
 * is nothing to do. When the pipeline's sources changed since they were compiled (other work in
 * the tree), make would compile them first; the compile stamp is then taken as current (`-o`) so
 * that what is timed is still the decision, and the result says so.
 */
export async function timeNoopMake(root: string, pack: string, out: string, runs: number, env: NodeJS.ProcessEnv): Promise<NoopMake> {
  const options = { cwd: root, env: makeEnv(env) };
  const vars = [`SEEDS=${pack}`, `OUT=${out}`];
  const pinned = ['-o', 'build/.compiled', '-o', 'build/.browser'];
  let flags: string[] = [];
  let note: string | null = null;
  if ((await runProcess('make', ['-q', ...vars], options)).exitCode !== 0) {
    if ((await runProcess('make', ['-q', ...pinned, ...vars], options)).exitCode !== 0) {
      return { skipped: 'make -q says the pack is out of date right after building it' };
    }
    flags = pinned;
    note = 'ran with -o build/.compiled -o build/.browser: the pipeline\'s sources were newer than its last compile';
  }
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const made = await runChecked('make', [...flags, ...vars], options);
    if (made.stdout.includes('cli.js build')) return { skipped: 'make rebuilt the pack instead of doing nothing' };
    times.push(made.wallMs);
  }
  return { ms: median(times), runs, note };
}
