// make bench-read: the HTML reader against the article-extraction benchmark's pages. Each
// page goes through readSource, the real reader; its body (the sentences, without title,
// byline or boilerplate) is scored against the gold articleBody, and its title against the
// titles checked by hand in bench/titles.json. Results are printed and appended, dated, to
// bench/results-read.md: a measurement, so the clock and the machine belong in it.
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readSource } from '../pipeline/read/index.js';
import { corpusF1, shingleScore, tokenScore, type Score } from './f1.js';

interface PageResult {
  id: string;
  shingles: Score;
  tokens: Score;
  ms: number;
  title: string;
  titleOk: boolean;
  notes: string[];
}

/** Each page is read this many times and its median time kept: other work on the machine shows as noise. */
const RUNS = 3;
const BENCH_DIR = new URL('../../bench/', import.meta.url);
const TITLES = new URL('titles.json', BENCH_DIR);
const METRICS =
  'Body = the source\'s sentences (no title, byline or boilerplate). F1 (shingles): evaluate.py of ' +
  'scrapinghub/article-extraction-benchmark, 4-token shingles of `\\w+` tokens. F1 (tokens): white-space tokens as multisets. ' +
  'Titles: exact match with bench/titles.json, checked by hand.';
const RESULTS = new URL('results-read.md', BENCH_DIR);

function pageIds(corpus: string): string[] {
  return readdirSync(corpus)
    .filter((name) => name.endsWith('.html.gz'))
    .map((name) => name.slice(0, -'.html.gz'.length))
    .sort();
}

function readPage(corpus: string, id: string): { bytes: Uint8Array; gold: string } {
  const bytes = gunzipSync(readFileSync(join(corpus, `${id}.html.gz`)));
  const { articleBody } = JSON.parse(readFileSync(join(corpus, `${id}.gold.json`), 'utf8')) as { articleBody: string };
  return { bytes, gold: articleBody };
}

function timedRead(corpus: string, id: string, bytes: Uint8Array): { result: ReturnType<typeof readSource>; ms: number } {
  const started = performance.now();
  const result = readSource({ path: join(corpus, `${id}.html`), bytes });
  return { result, ms: performance.now() - started };
}

function measure(corpus: string, id: string, titles: Record<string, string>): PageResult {
  const { bytes, gold } = readPage(corpus, id);
  const runs = Array.from({ length: RUNS }, () => timedRead(corpus, id, bytes));
  const { source, diagnostics } = runs[0]?.result ?? { source: null, diagnostics: [] };
  const ms = median(runs.map((run) => run.ms));
  const body = source?.sentences.map((sentence) => sentence.text).join('\n') ?? '';
  const title = source?.title ?? '';
  return {
    id,
    shingles: shingleScore(gold, body),
    tokens: tokenScore(gold, body),
    ms,
    title,
    titleOk: titles[id] === title,
    notes: diagnostics.filter((d) => d.severity !== 'info').map((d) => d.ruleId),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

function table(results: readonly PageResult[]): string[] {
  const rows = results.map((r) =>
    [
      r.id.slice(0, 8),
      r.shingles.f1.toFixed(3),
      r.tokens.f1.toFixed(3),
      r.ms.toFixed(0),
      r.titleOk ? 'yes' : 'NO',
      r.title.replace(/\|/g, '\\|'),
      r.notes.join(' '),
    ].join(' | '),
  );
  return [
    '| page | F1 (shingles) | F1 (tokens) | ms | title ok | extracted title | warnings |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ];
}

function summary(results: readonly PageResult[]): string[] {
  const exact = results.filter((r) => r.titleOk).length;
  return [
    `pages: ${results.length}`,
    `mean body F1, benchmark shingles: ${mean(results.map((r) => r.shingles.f1)).toFixed(3)} (corpus F1 as evaluate.py computes it: ${corpusF1(results.map((r) => r.shingles)).toFixed(3)})`,
    `mean body F1, white-space tokens: ${mean(results.map((r) => r.tokens.f1)).toFixed(3)}`,
    `median ms a page: ${median(results.map((r) => r.ms)).toFixed(1)} (each page's median of ${RUNS} reads)`,
    `titles exactly right: ${exact}/${results.length}`,
    ...results.filter((r) => !r.titleOk).map((r) => `  ${r.id.slice(0, 8)}: got "${r.title}"`),
  ];
}

function main(corpus: string): void {
  if (!existsSync(corpus)) throw new Error(`no corpus at ${corpus}: pass its folder, e.g. make bench-read CORPUS=…`);
  const titles = JSON.parse(readFileSync(TITLES, 'utf8')) as Record<string, string>;
  const ids = pageIds(corpus);
  // The first read loads the sentence splitter's model; it is not what a page costs.
  if (ids[0] !== undefined) measure(corpus, ids[0], titles);
  const results = ids.map((id) => measure(corpus, id, titles));
  const lines = [...table(results), '', ...summary(results)];
  console.log(lines.join('\n'));
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, load ${load}), Node ${process.version}`;
  const header = [`## ${new Date().toISOString()} — ${machine}`, '', `corpus: ${corpus}`, '', METRICS, ''];
  appendFileSync(RESULTS, [...header, ...lines, '', ''].join('\n'));
  console.log(`\nappended to ${RESULTS.pathname}`);
}

main(process.argv[2] ?? '../shared/corpus/html-articles');
