// A Stryker ignorer that tests a random sample of a part's mutants (MUTATE_SAMPLE=0.4: about 40 %),
// for a first run that would not fit in an hour on two cores. The unit of the sample is a file's
// top-level declaration (a function, a class, a constant): a declaration is in or out as a whole,
// chosen by a sha256 of its file and name, so the same declarations are chosen on every run and a
// declaration keeps its fate when other code moves. Mutants out of the sample are reported as
// Ignored, with the reason NOT_IN_SAMPLE; the units and their lines go to
// reports/mutation/<report>.sample.json, from which bench/mutation-score.ts estimates the score
// and its margin (a ratio estimator over the sampled declarations).
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

export const NOT_IN_SAMPLE = 'not in the sample (MUTATE_SAMPLE)';

const rate = Number(process.env.MUTATE_SAMPLE ?? '1');
if (!(rate > 0 && rate <= 1)) throw new Error(`MUTATE_SAMPLE=${process.env.MUTATE_SAMPLE}: give a share of the mutants above 0 and at most 1, such as 0.4`);
const report = process.env.MUTATE_REPORT ?? process.env.MUTATE_FOLDER ?? 'read';
const out = `reports/mutation/${report}.sample.json`;
// A whole run leaves no sample behind from an earlier one, which the score would take for its own.
if (rate >= 1) rmSync(out, { force: true });

/** Whether a unit is in the sample: the first 32 bits of sha256("file#name") against the rate. */
export function sampled(file, name, share = rate) {
  const hash = createHash('sha256').update(`${file}#${name}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32 < share;
}

/** The names a top-level statement declares, or its kind and line when it declares none. */
function unitName(node) {
  const inner = node.declaration ?? node;
  if (inner.id?.name) return inner.id.name;
  if (inner.type === 'VariableDeclaration') {
    const names = inner.declarations.map((d) => d.id?.name).filter(Boolean);
    if (names.length > 0) return names.join(',');
  }
  return `${node.type}@${node.loc?.start.line}`;
}

/** Stryker instruments a copy in a sandbox; the units are named by their path in the repository. */
function repositoryPath(fileName) {
  const path = relative(process.cwd(), fileName).replaceAll('\\', '/');
  return path.replace(/^(?:.*\/)?\.stryker-tmp\/[^/]+\//, '');
}

const units = new Map();
function record(unit) {
  const key = `${unit.file}#${unit.name}`;
  if (units.has(key)) return;
  units.set(key, unit);
  mkdirSync('reports/mutation', { recursive: true });
  writeFileSync(out, JSON.stringify({ rate, units: [...units.values()] }, null, 1));
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'sample', {
    shouldIgnore(path) {
      if (rate >= 1 || !path.parentPath?.isProgram()) return undefined;
      const fileName = path.hub?.file?.opts?.filename;
      if (!fileName) return undefined;
      const file = repositoryPath(fileName);
      const name = unitName(path.node);
      const inSample = sampled(file, name);
      record({ file, name, start: path.node.loc.start.line, end: path.node.loc.end.line, sampled: inSample });
      return inSample ? undefined : NOT_IN_SAMPLE;
    },
  }),
];
