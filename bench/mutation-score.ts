// The mutation score of each stage folder from Stryker's JSON reports (make mutation), with the
// files where most mutants survive: where the tests are thinnest.
import { readFileSync } from 'node:fs';

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

/** Stryker's own score: detected ÷ (detected + undetected); errors and ignored mutants left out. */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function count(mutants: { status: string }[]): { detected: number; undetected: number } {
  return {
    detected: mutants.filter((m) => DETECTED.has(m.status)).length,
    undetected: mutants.filter((m) => UNDETECTED.has(m.status)).length,
  };
}

const percent = (detected: number, undetected: number) => (detected + undetected === 0 ? '–' : `${((100 * detected) / (detected + undetected)).toFixed(1)} %`);

const folders = process.argv.slice(2);
console.log('| folder | mutants | killed or timed out | survived or not covered | score |\n|---|---|---|---|---|');
const worst: string[] = [];
for (const folder of folders) {
  const path = `reports/mutation/${folder}.json`;
  let report: Report;
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  } catch {
    console.log(`| ${folder} | no report at ${path}: run make mutation MUTATE=${folder} | | | |`);
    continue;
  }
  const all = Object.values(report.files).flatMap((file) => file.mutants);
  const { detected, undetected } = count(all);
  console.log(`| pipeline/${folder}/ | ${all.length} | ${detected} | ${undetected} | ${percent(detected, undetected)} |`);
  for (const [name, file] of Object.entries(report.files)) {
    const c = count(file.mutants);
    if (c.undetected > 0) worst.push(`${c.undetected.toString().padStart(4)} undetected  ${percent(c.detected, c.undetected).padStart(7)}  ${name}`);
  }
}
console.log(`\nfiles with the most undetected mutants:\n${worst.sort().reverse().slice(0, 12).join('\n')}`);
