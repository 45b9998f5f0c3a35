// The mutation score of each stage folder from Stryker's JSON reports (make mutation), one report
// per part of a folder (reports/mutation/read.json and read-html.json make read/), with the files
// where most mutants survive: where the tests are thinnest.
import { readdirSync, readFileSync } from 'node:fs';

interface Mutant {
  status: string;
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

function count(mutants: Mutant[]): { detected: number; undetected: number; ignored: number } {
  return {
    detected: mutants.filter((m) => DETECTED.has(m.status)).length,
    undetected: mutants.filter((m) => UNDETECTED.has(m.status)).length,
    ignored: mutants.filter((m) => m.status === 'Ignored').length,
  };
}

const percent = (detected: number, undetected: number) =>
  detected + undetected === 0 ? '–' : `${((100 * detected) / (detected + undetected)).toFixed(1)} %`;

let names: string[] = [];
try {
  names = readdirSync(DIR).filter((name) => /^[a-z-]+\.json$/.test(name) && !name.endsWith('.incremental.json'));
} catch {
  // no reports yet: every folder says so below
}
console.log('| folder | parts | mutants | killed or timed out | survived or not covered | ignored (static) | score |\n|---|---|---|---|---|---|---|');
const worst: string[] = [];
for (const folder of FOLDERS) {
  // A recheck (stryker.config.mjs: MUTATE_REPORT) ran some files afresh: it applies last.
  const recheck = (name: string) => (name.includes('-recheck') ? 1 : 0);
  const parts = names.filter((name) => name.replace(/\.json$/, '').split('-')[0] === folder).sort((a, b) => recheck(a) - recheck(b) || a.localeCompare(b));
  if (parts.length === 0) {
    console.log(`| pipeline/${folder}/ | no report in ${DIR}: run make mutation | | | | | |`);
    continue;
  }
  const files = Object.entries(merged(parts.map((name) => JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8')) as Report)));
  const all = files.flatMap(([, file]) => file.mutants);
  const { detected, undetected, ignored } = count(all);
  const partNames = parts.map((name) => name.replace(/\.json$/, '')).join(', ');
  console.log(`| pipeline/${folder}/ | ${partNames} | ${all.length} | ${detected} | ${undetected} | ${ignored} | ${percent(detected, undetected)} |`);
  for (const [name, file] of files) {
    const c = count(file.mutants);
    if (c.undetected > 0) worst.push(`${c.undetected.toString().padStart(4)} undetected  ${percent(c.detected, c.undetected).padStart(7)}  ${name}`);
  }
}
console.log(`\nfiles with the most undetected mutants:\n${worst.sort().reverse().slice(0, 15).join('\n')}`);
