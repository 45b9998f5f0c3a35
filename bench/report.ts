// bench/results.md: the latest measurement, readable as it is. One table with a column per pack
// size (and the 1,000 ÷ 100 growth when both ran, where 10 is linear), then issue 7's targets.
import type { BuildSummary, NoopMake } from './build.js';
import type { Machine, Versions } from './machine.js';

export interface PeerSummary {
  runs: number;
  epubMs: number;
  pdfMs: number;
}

export interface SizeResult {
  size: number;
  bytes: number;
  /** Null when a build failed; `failure` says how. */
  build: BuildSummary | null;
  failure: string | null;
  noop: NoopMake;
  /** Null when pandoc or chromium is missing, or a peer route failed (`peerFailure`). */
  peers: PeerSummary | null;
  peerFailure: string | null;
}

export interface Report {
  date: string;
  machine: Machine;
  loadAfter: string;
  versions: Versions;
  notes: string[];
  results: SizeResult[];
}

type Status = 'met' | 'MISSED' | 'not measured';

interface Target {
  name: string;
  value: string;
  status: Status;
}

const REQUIRED_RATIO = 1.0;
const AIMED_RATIO = 0.8;
const LINEAR_LIMIT = 12;
const NODE_LIMIT_KB = 1024 * 1024;
const NOOP_LIMIT_MS = 100;

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const megabytes = (kb: number): string => (kb / 1024).toFixed(0);
const whole = (n: number): string => Math.round(n).toLocaleString('en-US');

export function peerMs(peers: PeerSummary): number {
  return peers.epubMs + peers.pdfMs;
}

function ratio(result: SizeResult | undefined): number | null {
  return result?.build && result.peers ? result.build.wallMs / peerMs(result.peers) : null;
}

/** Why a size gives no figure for a target, or null when it does. */
function absent(result: SizeResult | undefined): string | null {
  if (!result) return 'size not run';
  return result.build ? null : 'the build failed';
}

function ratioTarget(name: string, result: SizeResult | undefined): Target {
  const value = ratio(result);
  if (value === null) return { name, value: absent(result) ?? 'no peer routes', status: absent(result) === 'the build failed' ? 'MISSED' : 'not measured' };
  const aimed = value <= AIMED_RATIO ? ', within the aimed 0.8 ×' : '';
  return { name, value: `${value.toFixed(2)} ×${aimed}`, status: value <= REQUIRED_RATIO ? 'met' : 'MISSED' };
}

export function targets(results: readonly SizeResult[]): Target[] {
  const bySize = (size: number) => results.find((r) => r.size === size);
  const hundred = bySize(100);
  const thousand = bySize(1000);
  const noops = results.flatMap((r) => ('ms' in r.noop ? [r.noop.ms] : []));
  const slowestNoop = noops.length > 0 ? Math.max(...noops) : null;
  const growth = hundred?.build && thousand?.build ? thousand.build.wallMs / hundred.build.wallMs : null;
  return [
    ratioTarget('full build, 2 seeds: ≤ 1.0 × (pandoc EPUB + pandoc/Chromium PDF)', bySize(2)),
    ratioTarget('100 articles: ≤ 1.0 × the same peers', hundred),
    growth === null
      ? { name: '1,000 articles: ≤ 12 × the 100-article time', value: absent(thousand) ?? absent(hundred) ?? '', status: thousand?.failure ? 'MISSED' : 'not measured' }
      : { name: '1,000 articles: ≤ 12 × the 100-article time', value: `${growth.toFixed(1)} ×`, status: growth <= LINEAR_LIMIT ? 'met' : 'MISSED' },
    thousand?.build
      ? { name: '1,000 articles: node peak RSS < 1 GB', value: `${megabytes(thousand.build.nodePeakKb)} MB`, status: thousand.build.nodePeakKb < NODE_LIMIT_KB ? 'met' : 'MISSED' }
      : { name: '1,000 articles: node peak RSS < 1 GB', value: absent(thousand) ?? '', status: 'not measured' },
    slowestNoop === null
      ? { name: 'make with nothing changed: < 0.1 s', value: 'not timed', status: 'not measured' }
      : { name: 'make with nothing changed: < 0.1 s', value: `${seconds(slowestNoop)} s (slowest pack)`, status: slowestNoop < NOOP_LIMIT_MS ? 'met' : 'MISSED' },
    { name: 'editing only a template re-renders without re-reading', value: 'not timed by make bench', status: 'not measured' },
  ];
}

function noopCell(noop: NoopMake): string {
  if ('skipped' in noop) return `skipped: ${noop.skipped}`;
  return `${seconds(noop.ms)}${noop.note ? ' †' : ''}`;
}

/** The note on how `make` was run, said once under the table. */
function noopNotes(results: readonly SizeResult[]): string[] {
  const notes = [...new Set(results.flatMap((r) => ('note' in r.noop && r.noop.note ? [r.noop.note] : [])))];
  return notes.map((note) => `† no-op make ${note}.`);
}

function stageCell(build: BuildSummary, name: string): string {
  const stage = build.stages.find((s) => s.name === name);
  if (!stage) return '–';
  return stage.doneAtMs === stage.ms ? whole(stage.ms) : `${whole(stage.ms)} (at ${whole(stage.doneAtMs)})`;
}

function peerCell(r: SizeResult, ms: (peers: PeerSummary) => number): string {
  if (r.peerFailure) return 'failed';
  return r.peers ? seconds(ms(r.peers)) : '–';
}

type Row = [label: string, cell: (r: SizeResult) => string, value: (r: SizeResult) => number | null];

/** A row of figures from our build; a failed build shows as such in its first row, blank after. */
function buildRow(label: string, cell: (b: BuildSummary) => string, value: (b: BuildSummary) => number | null, first = false): Row {
  return [label, (r) => (r.build ? cell(r.build) : first ? `failed: ${(r.failure?.split('\n').pop() ?? '').replace(/\|/g, '\\|')}` : '–'), (r) => (r.build ? value(r.build) : null)];
}

function rows(results: readonly SizeResult[]): Row[] {
  const stageNames = [...new Set(results.flatMap((r) => r.build?.stages.map((s) => s.name) ?? []))];
  return [
    ['pack', (r) => `${r.size} files, ${whole(r.bytes / 1024)} KB`, (r) => r.bytes],
    buildRow('runs (medians below)', (b) => String(b.runs), () => null, true),
    ...stageNames.map((name) => buildRow(`${name} ms`, (b) => stageCell(b, name), (b) => b.stages.find((s) => s.name === name)?.ms ?? null)),
    buildRow('**whole process, s**', (b) => `**${seconds(b.wallMs)}**`, (b) => b.wallMs),
    buildRow('CLI\'s own "built in", s', (b) => (b.cliMs === null ? '–' : seconds(b.cliMs)), (b) => b.cliMs),
    buildRow('node peak RSS, MB', (b) => megabytes(b.nodePeakKb), (b) => b.nodePeakKb),
    buildRow('Chromium peak RSS (sum), MB', (b) => megabytes(b.chromiumPeakKb), (b) => b.chromiumPeakKb),
    ['no-op make, s', (r) => noopCell(r.noop), () => null],
    ['pandoc → EPUB, s', (r) => peerCell(r, (p) => p.epubMs), (r) => r.peers?.epubMs ?? null],
    ['pandoc → HTML → Chromium PDF, s', (r) => peerCell(r, (p) => p.pdfMs), (r) => r.peers?.pdfMs ?? null],
    ['peers together, s', (r) => peerCell(r, peerMs), (r) => (r.peers ? peerMs(r.peers) : null)],
    ['**ours ÷ peers**', (r) => (ratio(r) === null ? '–' : `**${ratio(r)?.toFixed(2)} ×**`), () => null],
  ];
}

function table(results: readonly SizeResult[]): string[] {
  const hundred = results.find((r) => r.size === 100);
  const thousand = results.find((r) => r.size === 1000);
  // Growth from 100 to 1,000 articles, where 10 × is linear.
  const growth = (value: (r: SizeResult) => number | null): string[] => {
    if (!hundred || !thousand) return [];
    const [small, large] = [value(hundred), value(thousand)];
    return [small && large ? `${(large / small).toFixed(1)} ×` : ''];
  };
  const header = ['', ...results.map((r) => `${whole(r.size)} articles`), ...(hundred && thousand ? ['1,000 ÷ 100'] : [])];
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows(results).map(([label, cell, value]) => `| ${[label, ...results.map(cell), ...growth(value)].join(' | ')} |`),
  ];
}

export function formatReport(report: Report): string {
  const { machine: m, versions: v } = report;
  return [
    '# make bench — latest result',
    '',
    'Written by `make bench` (bench/bench.ts); each run replaces this file. Issue 7 sets the targets.',
    '',
    `- date: ${report.date}`,
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM; ${m.os}`,
    `- load average (1/5/15 min) before: ${m.load}; after: ${report.loadAfter}`,
    `- versions: node ${v.node}; ${v.chromium}; ${v.pandoc}; puppeteer ${v.puppeteer}; epub-gen-memory ${v.epubGen}`,
    ...report.notes.map((note) => `- ${note}`),
    '',
    ...table(report.results),
    ...noopNotes(report.results).flatMap((note) => ['', note]),
    ...report.results.flatMap((r) => [
      ...(r.failure ? ['', `${r.size} articles, the build failed:`, '', '```', r.failure, '```'] : []),
      ...(r.peerFailure ? ['', `${r.size} articles, a peer route failed:`, '', '```', r.peerFailure, '```'] : []),
    ]),
    '',
    'Stage times are what the CLI prints: milliseconds since its previous line. pdf, epub, html and json are',
    'written side by side, so for them "at" gives when the line appeared, counted from the CLI\'s start; a',
    'format that waits for another shows the wait (the HTML preview waits for the PDF\'s page numbers).',
    "Whole process: from spawning node to its exit. Node's peak is its VmHWM; Chromium's is the largest",
    'sum of VmRSS over its processes (shared pages counted in each), both sampled from /proc every 50 ms.',
    'Peers: `pandoc -o x.epub`, and `pandoc -s -o x.html` then `chromium --headless --print-to-pdf`, on',
    'the same article files, in the same run.',
    '',
    '## Targets (issue 7)',
    '',
    '| target | measured | status |',
    '|---|---|---|',
    ...targets(report.results).map((t) => `| ${t.name} | ${t.value} | ${t.status} |`),
    '',
  ].join('\n');
}
