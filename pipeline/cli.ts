#!/usr/bin/env node
// briefpack: seeds/ → output/briefing.{pdf,epub,html,json}. The thin edge around the pure stages:
// arguments, files, clock-free time, the browser, and one line per stage.
import { realpathSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { Brief, Diagnostic, Source, type Overlay, type ReadResult } from './model.js';
import { StageCache, codeFingerprint, hashOf } from './cache.js';
import { formatDiagnostic } from './read/diagnostic.js';
import type { Format } from './publish/index.js';
import type { ArticlesChoice } from './render/view.js';
import { resolveBrowser } from './publish/browser.js';
import { ChromiumSession, DEFAULT_LAUNCH_TIMEOUT, DEFAULT_PRINT } from './publish/pdf.js';

/** Loading and printing grow with the pack: a thousand articles take minutes, not seconds. */
function printTimeout(articles: number): number {
  return DEFAULT_PRINT.timeout + 150 * articles;
}
import { briefJsonSchema } from './schema.js';
import { OVERLAY_FILE, parseOverlay, MAX_OVERLAY_BYTES, type OverlayResult } from './read/overlay.js';
import { displayPath, listSeeds, type SeedList } from './seeds.js';
import { osReason, type Entry } from './folder.js';
import { ensureDirectory } from './publish/files.js';

const HELP = `briefpack — turn a folder of news articles into a briefing pack

Usage:
  briefpack build [options]    read, analyse, render and publish the pack
  briefpack browser            print the Chromium the PDF route would use
  briefpack schema             print the JSON Schema of briefing.json
  briefpack --help

Options for build:
  --seeds DIR        folder of articles (.txt, .md, .html) and an optional brief.yaml  [seeds]
  --out DIR          where briefing.{pdf,epub,html,json} are written                [output]
  --formats LIST     comma-separated subset of pdf,epub,html,json                   [all]
  --paper SIZE       a4 or letter                                                   [a4]
  --articles WHICH   the articles printed at the back: all, cited or none
                     [all up to 40 articles, else cited]
  --templates DIR    the look of the pack                                           [templates]
  --max-bytes N      skip seed files larger than N bytes                            [5000000]
  --timeout MS       limit for launching Chromium, loading a page, printing it
                     [60000 + 150 per article]
  --cache DIR        where read and analysis results are kept by content hash        [build/cache]
  --no-cache         read and analyse everything afresh
  --strict           treat warnings as errors: no output is written
  --quiet            print nothing but errors

Time in the pack comes from SOURCE_DATE_EPOCH, else brief.yaml's date, else the newest seed file.
Exit codes: 0 built, 1 build failed, 2 usage error.`;

class UsageError extends Error {}

/** Kept here, not imported from publish/, so that parsing arguments loads no stage. */
const FORMATS = ['pdf', 'epub', 'html', 'json'] as const satisfies readonly Format[];

// Each stage's modules load when the stage runs, and not at all when its result is cached:
// a rebuild after a template edit never loads the reader or the analysis.
const stages = {
  read: () => import('./read/index.js'),
  enrich: () => import('./enrich/index.js'),
  render: () => import('./render/index.js'),
  publish: () => import('./publish/index.js'),
  theme: () => import('./publish/theme.js'),
};

/** Beside the compiled pipeline: build/cache in a checkout, wherever the CLI is run from. */
const DEFAULT_CACHE = fileURLToPath(new URL('../cache/', import.meta.url));

interface BuildOptions {
  seeds: string;
  out: string;
  formats: Format[];
  paper: 'a4' | 'letter';
  /** null: by the size of the pack (render's default). */
  articles: ArticlesChoice | null;
  templates: string;
  maxBytes: number;
  /** null: scaled to the pack, since a thousand articles take minutes to print. */
  timeout: number | null;
  /** null: no cache. */
  cache: string | null;
  strict: boolean;
  quiet: boolean;
}

function parseFormats(list: string): Format[] {
  const wanted = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = wanted.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || wanted.length === 0) {
    throw new UsageError(`--formats takes a comma-separated subset of ${FORMATS.join(',')}; got "${list}"`);
  }
  return FORMATS.filter((f) => wanted.includes(f));
}

function parseBuildOptions(args: string[]): BuildOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'output' },
      formats: { type: 'string', default: FORMATS.join(',') },
      paper: { type: 'string', default: 'a4' },
      articles: { type: 'string' },
      templates: { type: 'string', default: 'templates' },
      'max-bytes': { type: 'string', default: '5000000' },
      timeout: { type: 'string' },
      cache: { type: 'string', default: DEFAULT_CACHE },
      'no-cache': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; see briefpack --help`);
  const paper = values.paper.toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError(`--paper takes a4 or letter; got "${values.paper}"`);
  const articles = values.articles?.toLowerCase() ?? null;
  if (articles !== null && articles !== 'all' && articles !== 'cited' && articles !== 'none') {
    throw new UsageError(`--articles takes all, cited or none; got "${values.articles}"`);
  }
  const maxBytes = Number(values['max-bytes']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes takes a positive whole number; got "${values['max-bytes']}"`);
  const timeout = values.timeout === undefined ? null : Number(values.timeout);
  if (timeout !== null && (!Number.isInteger(timeout) || timeout <= 0)) {
    throw new UsageError(`--timeout takes milliseconds, a positive whole number; got "${values.timeout}"`);
  }
  return {
    seeds: values.seeds,
    out: values.out,
    formats: parseFormats(values.formats),
    paper,
    articles,
    templates: values.templates,
    maxBytes,
    timeout,
    cache: values['no-cache'] ? null : values.cache,
    strict: values.strict,
    quiet: values.quiet,
  };
}

function reporter(quiet: boolean) {
  const started = performance.now();
  let last = started;
  return {
    stage(name: string, detail: string): void {
      const now = performance.now();
      if (!quiet) console.log(`${name.padEnd(7)} ${detail.padEnd(44)} ${Math.round(now - last).toString().padStart(6)} ms`);
      last = now;
    },
    total(): number {
      return Math.round(performance.now() - started);
    },
  };
}

const CachedRead = z.object({ source: Source.nullable(), diagnostics: z.array(Diagnostic) });

interface Seeds {
  sources: Source[];
  diagnostics: Diagnostic[];
  /** One content key per file read: what the analysis of these seeds depends on. */
  keys: string[];
  /** How many files came from the cache. */
  cached: number;
  /** When the newest file read into the pack was last changed (ms), 0 when none was. */
  newest: number;
}

/**
 * Source ids are file names without extension; when two files share one (a.txt beside a.md),
 * each of them gets its extension too, so that sentence ids stay unique in the pack.
 */
function sourceIds(files: readonly string[]): Map<string, string | undefined> {
  const stem = (path: string) => basename(path, extname(path));
  const counts = new Map<string, number>();
  for (const path of files) counts.set(stem(path), (counts.get(stem(path)) ?? 0) + 1);
  return new Map(
    files.map((path) => [path, (counts.get(stem(path)) ?? 0) > 1 ? `${stem(path)}-${extname(path).slice(1)}`.replace(/[\s:]+/g, '-') : undefined]),
  );
}

async function readSeed(list: SeedList, entry: Entry, id: string | undefined, maxBytes: number, cache: StageCache, code: string): Promise<ReadResult & { key: string; cached?: boolean }> {
  const file = displayPath(entry.path);
  try {
    const read = await list.folder.read(entry, maxBytes);
    // Never load a huge file just to refuse it: the reader sees a placeholder of the right size.
    if ('size' in read) {
      const { readSource } = await stages.read();
      return { ...readSource({ path: file, bytes: new Uint8Array(read.size) }, { maxBytes, id }), key: `${file}:too-large` };
    }
    const { bytes } = read;
    const key = hashOf(code, file, id ?? '', String(maxBytes), bytes);
    const cached = await cache.get('read', key, CachedRead);
    if (cached) return { ...cached, key, cached: true };
    const { readSource } = await stages.read();
    const result = readSource({ path: file, bytes }, { maxBytes, id });
    await cache.put('read', key, result);
    return { ...result, key };
  } catch (error) {
    const message = `cannot read this file: ${osReason(error)}; skipped`;
    return { source: null, diagnostics: [{ file, line: 0, column: 0, severity: 'warning', ruleId: 'unreadable', message }], key: `${file}:unreadable` };
  }
}

async function readSeeds(list: SeedList, maxBytes: number, cache: StageCache): Promise<Seeds> {
  const code = codeFingerprint('read', 'model');
  const ids = sourceIds(list.files.map((entry) => entry.path));
  const results = await Promise.all(list.files.map((entry) => readSeed(list, entry, ids.get(entry.path), maxBytes, cache, code)));
  return {
    sources: results.flatMap((r) => (r.source ? [r.source] : [])),
    diagnostics: [...list.diagnostics, ...results.flatMap((r) => r.diagnostics)],
    keys: results.map((r) => r.key),
    cached: results.filter((r) => r.cached).length,
    // Only articles date the pack: notes.csv or an empty file beside them is not one.
    newest: Math.max(0, ...list.files.filter((_, i) => results[i]?.source).map((entry) => entry.mtimeMs)),
  };
}

/** The analysis of the seeds, from the cache when the seeds, overlay, time and code are unchanged. */
async function analyse(seeds: Seeds, overlay: Overlay, generatedAt: string, cache: StageCache): Promise<{ brief: Brief; cached: boolean }> {
  const key = hashOf(codeFingerprint('enrich', 'model', 'overlay-schema'), generatedAt, JSON.stringify(overlay), ...seeds.keys);
  const cached = await cache.get('brief', key, Brief);
  if (cached) return { brief: cached, cached: true };
  const { enrich } = await stages.enrich();
  const brief = Brief.parse(enrich(seeds.sources, { overlay, generatedAt, diagnostics: seeds.diagnostics }));
  await cache.put('brief', key, brief);
  return { brief, cached: false };
}

/** brief.yaml, read like a seed: a file inside the folder, or no overlay at all. */
async function readOverlay(list: SeedList): Promise<OverlayResult> {
  const entry = list.overlay;
  const file = displayPath(join(list.folder.path, OVERLAY_FILE));
  if (entry === null) return parseOverlay(null, file);
  const stop = (message: string): OverlayResult => ({ overlay: null, diagnostics: [{ file, line: 1, column: 1, severity: 'error', ruleId: 'overlay-read', message }] });
  try {
    const read = await list.folder.read(entry, MAX_OVERLAY_BYTES);
    if ('size' in read) return stop(`the file has ${read.size} bytes, more than ${MAX_OVERLAY_BYTES}: an overlay is a short list of edits; shorten it`);
    return parseOverlay(Buffer.from(read.bytes).toString('utf8'), file);
  } catch (error) {
    return stop(`cannot read the overlay: ${osReason(error)}; fix its permissions or remove it`);
  }
}

/** The pack's time: never the clock, so two builds of the same input are the same. */
function packTime(newestSeed: number, overlay: Overlay): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  if (overlay.date) {
    const date = new Date(overlay.date);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return new Date(Math.floor(newestSeed / 1000) * 1000).toISOString();
}

/** Warnings and errors on stderr, one line each; notes (info) stay in briefing.json. */
function printDiagnostics(diagnostics: readonly Diagnostic[], options: Pick<BuildOptions, 'quiet'>): void {
  for (const d of diagnostics) {
    if (d.severity === 'error' || (d.severity === 'warning' && !options.quiet)) console.error(formatDiagnostic(d));
  }
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
}

async function build(options: BuildOptions): Promise<number> {
  const report = reporter(options.quiet);
  const cache = new StageCache(options.cache);
  // Chromium starts now and launches while the articles are read and analysed. The PDF prints
  // in it, and the EPUB's cover is a picture taken in it.
  const needsBrowser = options.formats.includes('pdf') || options.formats.includes('epub');
  const chromium = needsBrowser ? new ChromiumSession(resolveBrowser(), options.timeout ?? DEFAULT_LAUNCH_TIMEOUT) : undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    void (chromium?.close() ?? Promise.resolve()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const theme = stages.theme().then(({ loadTheme }) => loadTheme(options.templates));
    theme.catch(() => undefined);
    // A pack that cannot be written is said at once, before any work.
    await ensureDirectory(options.out);
    const list = await listSeeds(options.seeds);
    const seeds = await readSeeds(list, options.maxBytes, cache);
    const { sources, diagnostics } = seeds;
    const overlay = await readOverlay(list);
    diagnostics.push(...overlay.diagnostics);
    const sentences = sources.reduce((n, s) => n + s.sentences.length, 0);
    report.stage('read', `${sources.length} sources, ${sentences} sentences${seeds.cached ? ` (${seeds.cached} cached)` : ''}`);
    if (overlay.overlay === null || sources.length === 0) printDiagnostics(diagnostics, options);
    if (overlay.overlay === null) throw new Error(`${join(options.seeds, OVERLAY_FILE)} is invalid (see above); fix it or remove it`);
    if (sources.length === 0) throw new Error(`no readable article in ${options.seeds}: add .txt, .md or .html files`);

    const generatedAt = packTime(seeds.newest, overlay.overlay);
    const { brief, cached } = await analyse(seeds, overlay.overlay, generatedAt, cache);
    report.stage('enrich', `${brief.scenarios.length} scenarios, ${brief.risks.length} risks, ${brief.actors.length} actors${cached ? ' (cached)' : ''}`);
    printDiagnostics(brief.diagnostics, options);
    const warnings = brief.diagnostics.filter((d) => d.severity !== 'info');
    if (options.strict && warnings.length > 0) throw new Error(`--strict: ${warnings.length} warning(s); nothing was written`);

    const loaded = await theme;
    const { render } = await stages.render();
    const rendered = render(brief, loaded.theme, options.articles ? { articles: options.articles } : {});
    report.stage('render', `${rendered.epub.chapters.length} chapters, ${kilobytes(Buffer.byteLength(rendered.html))} HTML`);

    const written: string[] = [];
    const { publish } = await stages.publish();
    const pagesKey = hashOf(rendered.html, options.paper);
    const knownPages = await cache.get('pages', pagesKey, z.record(z.string(), z.number().int().positive()));
    const published = await publish({
      brief,
      rendered,
      formats: options.formats,
      outDir: options.out,
      epubTemplates: loaded.epub,
      fonts: loaded.fonts,
      chromium,
      knownPages,
      print: { format: options.paper, timeout: options.timeout ?? printTimeout(brief.sources.length) },
      onWritten: (format, path, bytes) => {
        report.stage(format, kilobytes(bytes));
        written.push(`${path} (${kilobytes(bytes)})`);
      },
    });
    if (published.pages) await cache.put('pages', pagesKey, published.pages);
    if (!options.quiet) console.log(`built in ${report.total()} ms:\n  ${written.join('\n  ')}`);
    await cache.prune();
    return 0;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await chromium?.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      console.log(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === 'build') {
      if (rest.includes('--help') || rest.includes('-h')) {
        console.log(HELP);
        return 0;
      }
      return await build(parseBuildOptions(rest));
    }
    if (command === 'schema') {
      console.log(JSON.stringify(briefJsonSchema(), null, 2));
      return 0;
    }
    if (command === 'browser') {
      console.log(await resolveBrowser());
      return 0;
    }
    throw new UsageError(`unknown command "${command}"; see briefpack --help`);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`briefpack: ${(error as Error).message}`);
    return usage ? 2 : 1;
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.exitCode = await main(process.argv.slice(2));
}
