// make bench: the pack's speed and memory at 2, 100 and 1,000 articles, beside pandoc's routes
// on the same articles, written to bench/results.md (issue 7). A measurement, so the clock and
// the machine belong in it; the packs themselves are deterministic.
//
//   BENCH_SIZES=2,100,1000  pack sizes               BENCH_RUNS=n  runs per size (5; 3 from 1,000)
//   BENCH_ARGS="…"          more CLI arguments       BENCH_RESULTS=file  where to write
//   CORPUS=dir              the benchmark corpus
//
// BENCH_SIZES=2 alone is the smoke test CI runs: one run, results under build/bench/, no
// judgement of the times. A size whose build fails is reported as failed, the other sizes still
// run, and the exit code is 1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild, summarizeBuilds, timeNoopMake, type BuildRun, type NoopMake } from './build.js';
import { corpusTexts, seedTexts, writePack, type Pack, type Text } from './corpus.js';
import { load, machine, versions } from './machine.js';
import { median } from './measure.js';
import { findPeerTools, onPath, runPeers, type PeerRun, type PeerTools } from './peers.js';
import { formatReport, peerMs, type PeerSummary, type SizeResult } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK = join(ROOT, 'build', 'bench');
const SOURCE_DATE_EPOCH = '1700000000';
const DEFAULT_SIZES = [2, 100, 1000];
const DEFAULT_RUNS = 5;
/** One build of 1,000 articles takes minutes: from this size on, 3 runs unless BENCH_RUNS says. */
const LARGE_SIZE = 1000;
const LARGE_RUNS = 3;

interface Config {
  sizes: number[];
  /** Runs per size: BENCH_RUNS, else 1 for the smoke test, else by size. */
  runs: (size: number) => number;
  /** Why a size gets fewer than the default runs. */
  fewerRuns: string;
  cliArgs: string[];
  corpus: string;
  results: string;
}

function positiveIntegers(name: string, value: string): number[] {
  const numbers = value.split(',').map((part) => Number(part.trim()));
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`${name} takes positive whole numbers separated by commas; got "${value}"`);
  }
  return numbers;
}

function config(env: NodeJS.ProcessEnv): Config {
  const sizes = env.BENCH_SIZES?.trim() ? positiveIntegers('BENCH_SIZES', env.BENCH_SIZES) : DEFAULT_SIZES;
  const fixed = env.BENCH_RUNS?.trim() ? positiveIntegers('BENCH_RUNS', env.BENCH_RUNS)[0] : undefined;
  const smoke = sizes.length === 1 && sizes[0] === 2 && (fixed === undefined || fixed === 1);
  const runs = (size: number) => fixed ?? (smoke ? 1 : size >= LARGE_SIZE ? LARGE_RUNS : DEFAULT_RUNS);
  // A smoke run must not replace the recorded figures, nor leave the work tree changed in CI.
  const results = env.BENCH_RESULTS?.trim() || (smoke ? join(WORK, 'results.md') : join(ROOT, 'bench', 'results.md'));
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    fewerRuns: fixed !== undefined ? 'BENCH_RUNS' : smoke ? 'the smoke test' : 'one build takes minutes',
    cliArgs: env.BENCH_ARGS?.trim() ? env.BENCH_ARGS.trim().split(/\s+/) : [],
    corpus: env.CORPUS?.trim() || '../shared/corpus/html-articles',
    results,
  };
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function measureSize(size: number, cfg: Config, texts: readonly Text[], tools: PeerTools | null, env: NodeJS.ProcessEnv): Promise<SizeResult> {
  const pack = writePack(join(WORK, 'packs', String(size)), size, join(ROOT, 'seeds'), texts);
  const packDir = relative(ROOT, pack.dir);
  const outDir = relative(ROOT, join(WORK, 'out', String(size)));
  progress(`${size} articles (${Math.round(pack.bytes / 1024)} KB) in ${packDir}`);

  const runs = cfg.runs(size);
  const builds: BuildRun[] = [];
  let failure: string | null = null;
  for (let run = 1; run <= runs && failure === null; run += 1) {
    try {
      const build = await runBuild(ROOT, packDir, outDir, cfg.cliArgs, env);
      builds.push(build);
      progress(`  build ${run}/${runs}: ${(build.wallMs / 1000).toFixed(2)} s, node ${Math.round(build.nodePeakKb / 1024)} MB`);
    } catch (error) {
      failure = (error as Error).message;
      progress(`  build ${run}/${runs} failed: ${failure}`);
    }
  }
  const noop: NoopMake = failure === null ? await timeNoopMake(ROOT, packDir, outDir, runs, env) : { skipped: 'the build failed' };
  let peers: PeerSummary | null = null;
  let peerFailure: string | null = null;
  try {
    peers = tools ? await measurePeers(tools, pack, join(WORK, 'peers', String(size)), runs, env) : null;
  } catch (error) {
    peerFailure = (error as Error).message;
    progress(`  peers failed: ${peerFailure}`);
  }
  const build = failure === null ? summarizeBuilds(builds) : null;
  const versus = build && peers ? `, ${(build.wallMs / peerMs(peers)).toFixed(2)} × peers` : '';
  if (build) progress(`  median ${(build.wallMs / 1000).toFixed(2)} s${versus}`);
  return { size, bytes: pack.bytes, build, failure, noop, peers, peerFailure };
}

async function measurePeers(tools: PeerTools, pack: Pack, workDir: string, runs: number, env: NodeJS.ProcessEnv): Promise<PeerSummary> {
  const articles = pack.files.map((file) => relative(pack.dir, file));
  const peerRuns: PeerRun[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const peer = await runPeers(tools, pack.dir, articles, workDir, env);
    peerRuns.push(peer);
    progress(`  peers ${run}/${runs}: EPUB ${(peer.epubMs / 1000).toFixed(2)} s, PDF ${(peer.pdfMs / 1000).toFixed(2)} s`);
  }
  return { runs, epubMs: median(peerRuns.map((p) => p.epubMs)), pdfMs: median(peerRuns.map((p) => p.pdfMs)) };
}

/** The Chromium the pack prints with: the one `make` found, else the one on the PATH. */
function packChromium(): string | null {
  const found = join(ROOT, 'build', '.browser');
  return existsSync(found) ? readFileSync(found, 'utf8').trim() || null : onPath('chromium');
}

async function main(): Promise<void> {
  const cfg = config(process.env);
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH };
  const before = machine();
  const notes: string[] = [`SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH}; packs in build/bench/packs/<size>/`];

  const corpus = corpusTexts(resolve(cfg.corpus));
  const texts = [...seedTexts(join(ROOT, 'seeds')), ...corpus.texts];
  notes.push(corpus.missing ?? `larger packs cycle through ${texts.length} texts: the seeds and ${corpus.texts.length} article bodies from ${cfg.corpus}`);

  const found = findPeerTools();
  const tools = 'missing' in found ? null : found;
  if (!tools) {
    const skipped = `peer routes skipped: ${'missing' in found ? found.missing.join(' and ') : ''} not on the PATH`;
    notes.push(skipped);
    progress(skipped);
  }
  for (const size of cfg.sizes.filter((n) => cfg.runs(n) < DEFAULT_RUNS)) {
    notes.push(`${size} articles: ${cfg.runs(size)} run(s) instead of ${DEFAULT_RUNS} (${cfg.fewerRuns})`);
  }
  if (cfg.cliArgs.length > 0) notes.push(`CLI arguments added by BENCH_ARGS: ${cfg.cliArgs.join(' ')}`);

  const results: SizeResult[] = [];
  for (const size of cfg.sizes) results.push(await measureSize(size, cfg, texts, tools, env));

  const report = formatReport({
    date: new Date().toISOString(),
    machine: before,
    loadAfter: load(),
    versions: await versions(ROOT, packChromium(), tools?.pandoc ?? onPath('pandoc'), env),
    notes,
    results,
  });
  mkdirSync(resolve(cfg.results, '..'), { recursive: true });
  writeFileSync(cfg.results, report);
  console.log(report);
  console.log(`written to ${relative(process.cwd(), cfg.results) || cfg.results}`);
  const failed = results.filter((r) => r.failure !== null).map((r) => r.size);
  if (failed.length > 0) throw new Error(`the build failed at ${failed.join(', ')} articles (see above)`);
}

try {
  await main();
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
}
