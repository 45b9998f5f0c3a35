// The mutation score of each stage folder from Stryker's JSON reports (make mutation), one report
// per part of a folder (reports/mutation/read.json and read-html.json make read/), with the files
// where most mutants survive: where the tests are thinnest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

interface Mutant {
  status: string;
  statusReason?: string;
  mutatorName?: string;
  replacement?: string;
  location?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

/** The same mutant in two reports: its file, its place, what it does. */
const mutantKey = (file: string, m: Mutant) =>
  `${file}\u0000${m.location?.start.line}:${m.location?.start.column}-${m.location?.end.line}:${m.location?.end.column}\u0000${m.mutatorName}\u0000${m.replacement}`;

/**
 * The parts' reports over one another: a later report's result for a mutant replaces the earlier
 * one's, mutant by mutant, so a recheck of some mutants (a --mutate range) updates only those.
 */
function merged(reports: readonly Report[]): Report['files'] {
  const files: Report['files'] = {};
  for (const report of reports) {
    for (const [file, { mutants }] of Object.entries(report.files)) {
      const known = files[file];
      if (!known) {
        files[file] = { mutants: mutants.map((m) => ({ ...m })) };
        continue;
      }
      const at = new Map(known.mutants.map((m, i) => [mutantKey(file, m), i]));
      for (const m of mutants) {
        const i = at.get(mutantKey(file, m));
        if (i === undefined) known.mutants.push({ ...m });
        else known.mutants[i] = { ...m };
      }
    }
  }
  return files;
}

/** Stryker's own score: detected ÷ (detected + undetected); errors and ignored mutants left out. */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const FOLDERS = ['read', 'render', 'enrich', 'publish'];
const DIR = 'reports/mutation';
/** The reason stryker-sample.mjs gives a mutant out of the sample. */
const NOT_IN_SAMPLE = 'not in the sample (MUTATE_SAMPLE)';

const outOfSample = (m: Mutant) => m.status === 'Ignored' && m.statusReason === NOT_IN_SAMPLE;

function count(mutants: Mutant[]): { detected: number; undetected: number; ignored: number; unsampled: number } {
  return {
    detected: mutants.filter((m) => DETECTED.has(m.status)).length,
    undetected: mutants.filter((m) => UNDETECTED.has(m.status)).length,
    ignored: mutants.filter((m) => m.status === 'Ignored' && !outOfSample(m)).length,
    unsampled: mutants.filter(outOfSample).length,
  };
}

const percent = (detected: number, undetected: number) =>
  detected + undetected === 0 ? '–' : `${((100 * detected) / (detected + undetected)).toFixed(1)} %`;

interface Sample {
  rate: number;
  units: { file: string; name: string; start: number; end: number; sampled: boolean }[];
}

/** A declaration's tally in a sampled part: its mutants that count, and those detected. */
interface Unit {
  n: number;
  k: number;
}

/**
 * A stratum of the estimate: a part run whole (every declaration in, no error) or a sampled part
 * (its declarations drawn at random, stryker-sample.mjs).
 */
interface Stratum {
  /** Declarations with mutants in the part, and those of them in the sample. */
  all: number;
  sampled: Unit[];
}

/**
 * The score of a folder from strata: a stratified ratio estimate, Σ K̂ / Σ N̂ with each stratum's
 * totals scaled up from its sample, and its standard error by linearisation, Σ M² (1 − f) s²(k − R n)
 * / m over N̂². A stratum run whole adds nothing to the error.
 */
export function estimate(strata: readonly Stratum[]): { score: number; margin: number } | undefined {
  let K = 0;
  let N = 0;
  for (const { all, sampled } of strata) {
    if (sampled.length === 0) continue;
    const scale = all / sampled.length;
    K += scale * sampled.reduce((sum, u) => sum + u.k, 0);
    N += scale * sampled.reduce((sum, u) => sum + u.n, 0);
  }
  if (N === 0) return undefined;
  const R = K / N;
  let variance = 0;
  for (const { all, sampled } of strata) {
    const m = sampled.length;
    if (m >= all) continue;
    // One declaration drawn from several says nothing of the spread.
    if (m < 2) return { score: R, margin: Number.NaN };
    const z = sampled.map((u) => u.k - R * u.n);
    const mean = z.reduce((a, b) => a + b, 0) / m;
    const s2 = z.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (m - 1);
    variance += (all * all * (1 - m / all) * s2) / m;
  }
  return { score: R, margin: (1.96 * Math.sqrt(variance)) / N };
}

/** The sampled part's declarations, each with the mutants of its lines. */
function stratumOf(sample: Sample, files: Report['files']): Stratum {
  const byFile = new Map<string, Sample['units']>();
  for (const unit of sample.units) byFile.set(unit.file, [...(byFile.get(unit.file) ?? []), unit]);
  const tallies = new Map<Sample['units'][number], Unit & { any: boolean }>();
  for (const [file, { mutants }] of Object.entries(files)) {
    const units = byFile.get(file) ?? [];
    for (const m of mutants) {
      const line = m.location?.start.line ?? 0;
      const unit = units.find((u) => u.start <= line && line <= u.end);
      if (!unit) continue;
      const tally = tallies.get(unit) ?? { n: 0, k: 0, any: false };
      tally.any = true;
      if (DETECTED.has(m.status)) (tally.n++, tally.k++);
      else if (UNDETECTED.has(m.status)) tally.n++;
      tallies.set(unit, tally);
    }
  }
  const withMutants = [...tallies.entries()].filter(([, t]) => t.any);
  return { all: withMutants.length, sampled: withMutants.filter(([u]) => u.sampled).map(([, t]) => ({ n: t.n, k: t.k })) };
}

function main(): void {
  let names: string[] = [];
  try {
    names = readdirSync(DIR).filter((name) => /^[a-z-]+\.json$/.test(name) && !name.endsWith('.incremental.json') && !name.endsWith('.sample.json'));
  } catch {
    // no reports yet: every folder says so below
  }
  console.log('| folder | parts | mutants | killed or timed out | survived or not covered | ignored (static) | out of the sample | score |\n|---|---|---|---|---|---|---|---|');
  const worst: string[] = [];
  for (const folder of FOLDERS) {
    // A recheck (stryker.config.mjs: MUTATE_REPORT) ran some files afresh: it applies last.
    const recheck = (name: string) => (name.includes('-recheck') ? 1 : 0);
    const parts = names.filter((name) => name.replace(/\.json$/, '').split('-')[0] === folder).sort((a, b) => recheck(a) - recheck(b) || a.localeCompare(b));
    if (parts.length === 0) {
      console.log(`| pipeline/${folder}/ | no report in ${DIR}: run make mutation | | | | | | |`);
      continue;
    }
    const reports = parts.map((name) => JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8')) as Report);
    const files = Object.entries(merged(reports));
    const all = files.flatMap(([, file]) => file.mutants);
    const { detected, undetected, ignored, unsampled } = count(all);
    const partNames = parts.map((name) => name.replace(/\.json$/, '')).join(', ');
    let score = percent(detected, undetected);
    if (unsampled > 0) {
      // Some part was sampled: each file's mutants belong to the part whose report holds them.
      const strata: Stratum[] = [];
      const mergedFiles = Object.fromEntries(files);
      const sampledFiles = new Set<string>();
      for (const name of parts) {
        const sampleFile = `${DIR}/${name.replace(/\.json$/, '')}.sample.json`;
        if (!existsSync(sampleFile)) continue;
        const sample = JSON.parse(readFileSync(sampleFile, 'utf8')) as Sample;
        const own = Object.fromEntries(Object.keys(reports[parts.indexOf(name)]?.files ?? {}).map((f) => [f, mergedFiles[f] as { mutants: Mutant[] }]));
        Object.keys(own).forEach((f) => sampledFiles.add(f));
        strata.push(stratumOf(sample, own));
      }
      const whole = files.filter(([f]) => !sampledFiles.has(f)).flatMap(([, file]) => file.mutants);
      const c = count(whole);
      // The parts run whole, as one stratum of one unit that is its own sample.
      if (c.detected + c.undetected > 0) strata.push({ all: 1, sampled: [{ n: c.detected + c.undetected, k: c.detected }] });
      const e = estimate(strata);
      const margin = e && Number.isFinite(e.margin) ? `± ${(100 * e.margin).toFixed(1)}` : '(margin unknown: too few declarations drawn)';
      score = e ? `${(100 * e.score).toFixed(1)} % ${margin} (estimate)` : '–';
    }
    console.log(`| pipeline/${folder}/ | ${partNames} | ${all.length} | ${detected} | ${undetected} | ${ignored} | ${unsampled} | ${score} |`);
    for (const [name, file] of files) {
      const c = count(file.mutants);
      if (c.undetected > 0) worst.push(`${c.undetected.toString().padStart(4)} undetected  ${percent(c.detected, c.undetected).padStart(7)}  ${name}`);
    }
  }
  console.log(`\nfiles with the most undetected mutants:\n${worst.sort().reverse().slice(0, 15).join('\n')}`);
}

if (process.argv[1]?.endsWith('mutation-score.js')) main();
