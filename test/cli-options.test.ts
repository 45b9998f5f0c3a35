// The CLI's options and side commands, through the compiled CLI: --strict, --paper, --max-bytes,
// `briefpack browser` and `briefpack schema`; the order in which the Chromium is looked up
// (resolveBrowser and the CLI with a bare environment); and the pack's time when
// SOURCE_DATE_EPOCH is not set (brief.yaml's date, else the newest seed's mtime).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, sep } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brief } from '../pipeline/model.js';
import { BrowserNotFoundError, resolveBrowser } from '../pipeline/publish/browser.js';
import { briefJsonSchema } from '../pipeline/schema.js';
import { CLI, EPOCH, cli as runCli, envWith, type Env, type Run } from './support/cli.js';

/** The CLI with exactly `env`: these tests set or strip variables the build depends on. */
function cli(args: string[], env: Env = envWith(), timeout = 60_000): Promise<Run> {
  return runCli(args, { exactEnv: env, timeout });
}

const SEEDS = ['seeds/000_ce3e0963e407180a.txt', 'seeds/002_5814ca9cacb9ce4c.txt'] as const;
const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

let root: string;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`make\` (or npx tsc -p tsconfig.json) first`);
  root = await mkdtemp(join(tmpdir(), 'briefpack-cli-options-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

let made = 0;
/** A fresh folder under this file's temporary root. */
async function folder(name: string): Promise<string> {
  made += 1;
  const path = join(root, `${made}-${name}`);
  await mkdir(path, { recursive: true });
  return path;
}

/** A seeds folder with the two articles of seeds/ and `extra` files (name → contents). */
async function seedsWith(extra: Record<string, string> = {}): Promise<string> {
  const dir = await folder('seeds');
  for (const seed of SEEDS) await copyFile(seed, join(dir, seed.slice('seeds/'.length)));
  for (const [name, contents] of Object.entries(extra)) await writeFile(join(dir, name), contents);
  return dir;
}

async function briefAt(out: string): Promise<Brief> {
  return Brief.parse(JSON.parse(await readFile(join(out, 'briefing.json'), 'utf8')));
}

/** Every file in `dir` with its contents, hidden ones too. */
async function contentsOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(join(dir, name), 'utf8');
  return files;
}

/** An executable shell script at `path` that does nothing: a stand-in for a browser. */
async function fakeBrowser(path: string, mode = 0o755): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, '#!/bin/sh\nexit 0\n');
  await chmod(path, mode);
  return path;
}

describe('--strict', () => {
  let seeds: string;
  beforeAll(async () => {
    // Two warnings: an empty .txt and a .md of white space only, beside two good articles.
    seeds = await seedsWith({ 'empty.txt': '', 'blank.md': ' \n\t\n' });
  });

  it('exits 1 with the number of warnings, writes nothing and leaves the previous pack as it was', async () => {
    const out = await folder('out-strict');
    const previous = { 'briefing.html': '<p>the previous pack</p>\n', 'briefing.json': '{"previous": true}\n' };
    for (const [name, contents] of Object.entries(previous)) await writeFile(join(out, name), contents);
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json,html', '--no-cache', '--strict']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('briefpack: --strict: 2 warning(s); nothing was written');
    expect(run.stderr).toMatch(/empty\.txt: warning: the file is empty; skipped \[empty-file\]/);
    expect(run.stderr).toMatch(/blank\.md: warning: the file holds only white space; skipped \[empty-file\]/);
    expect(run.stdout).not.toContain('built in');
    expect(await contentsOf(out)).toEqual(previous);
  });

  it('writes no file into an empty output folder', async () => {
    const out = await folder('out-strict-empty');
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', '--no-cache', '--strict', '--quiet']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('--strict: 2 warning(s); nothing was written');
    expect(await readdir(out)).toEqual([]);
  });

  it('builds the same folder without --strict, keeping the warnings in briefing.json', async () => {
    const out = await folder('out-lenient');
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const brief = await briefAt(out);
    expect(brief.sources).toHaveLength(2);
    const warnings = brief.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => `${d.file.split('/').at(-1)} ${d.ruleId}`).sort()).toEqual(['blank.md empty-file', 'empty.txt empty-file']);
  });

  it('builds with --strict when no seed has a warning', async () => {
    const out = await folder('out-strict-clean');
    const run = await cli(['build', '--seeds', await seedsWith(), '--out', out, '--formats', 'json', '--no-cache', '--strict']);
    expect(run.code, run.stderr).toBe(0);
    expect((await briefAt(out)).sources).toHaveLength(2);
  });
});

/** Width and height in points of every page of a PDF, as pdfjs-dist reads its boxes. */
async function pageSizes(path: string): Promise<{ width: number; height: number }[]> {
  const document = await getDocument({ data: new Uint8Array(await readFile(path)), isEvalSupported: false }).promise;
  try {
    const sizes: { width: number; height: number }[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const { width, height } = (await document.getPage(n)).getViewport({ scale: 1 });
      sizes.push({ width, height });
    }
    return sizes;
  } finally {
    await document.destroy();
  }
}

describe('--paper', () => {
  // ISO A4 is 595.28 × 841.89 pt; Chromium prints puppeteer's A4 (8.27 × 11.7 in) as
  // 595.92 × 841.92 pt. 1 pt of slack takes that and still tells A4 from Letter by 16 and 50 pt.
  const SLACK = 1;
  let a4: { width: number; height: number }[];
  let letter: { width: number; height: number }[];
  beforeAll(async () => {
    const seeds = await seedsWith();
    const [outA4, outLetter] = [await folder('out-a4'), await folder('out-letter')];
    const [builtA4, builtLetter] = await Promise.all([
      cli(['build', '--seeds', seeds, '--out', outA4, '--formats', 'pdf', '--no-cache', '--quiet']),
      cli(['build', '--seeds', seeds, '--out', outLetter, '--formats', 'pdf', '--no-cache', '--quiet', '--paper', 'letter']),
    ]);
    if (builtA4.code !== 0) throw new Error(`A4 build failed (${builtA4.code}): ${builtA4.stderr}`);
    if (builtLetter.code !== 0) throw new Error(`Letter build failed (${builtLetter.code}): ${builtLetter.stderr}`);
    [a4, letter] = await Promise.all([pageSizes(join(outA4, 'briefing.pdf')), pageSizes(join(outLetter, 'briefing.pdf'))]);
  }, 90_000);

  it('prints every page on A4 by default', () => {
    expect(a4.length).toBeGreaterThan(1);
    for (const [n, page] of a4.entries()) {
      expect(Math.abs(page.width - 595.28), `page ${n + 1} width ${page.width}`).toBeLessThanOrEqual(SLACK);
      expect(Math.abs(page.height - 841.89), `page ${n + 1} height ${page.height}`).toBeLessThanOrEqual(SLACK);
    }
  });

  it('prints every page on US Letter with --paper letter', () => {
    expect(letter.length).toBeGreaterThan(1);
    for (const [n, page] of letter.entries()) {
      expect(Math.abs(page.width - 612), `page ${n + 1} width ${page.width}`).toBeLessThanOrEqual(SLACK);
      expect(Math.abs(page.height - 792), `page ${n + 1} height ${page.height}`).toBeLessThanOrEqual(SLACK);
    }
  });

  it('refuses another paper size as a usage error', async () => {
    const out = join(root, 'never-made-paper');
    const run = await cli(['build', '--out', out, '--formats', 'json', '--paper', 'a5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--paper takes a4 or letter; got "a5"');
    expect(existsSync(out)).toBe(false);
  });
});

describe('--max-bytes', () => {
  const LIMIT = 4000;
  const paragraph = 'The harbour authority said on Tuesday that ferry crossings would resume once the storm had passed. ';
  const big = `Storm closes the harbour\n\n${paragraph.repeat(60)}\n`;
  let seeds: string;
  beforeAll(async () => {
    seeds = await seedsWith({ 'big.txt': big });
    // The two articles fit under the limit and the big one does not: the test means what it says.
    for (const seed of SEEDS) expect((await stat(seed)).size).toBeLessThan(LIMIT);
    expect(Buffer.byteLength(big)).toBeGreaterThan(LIMIT);
  });

  it('skips a seed larger than N with a too-large warning and builds the others', async () => {
    const out = await folder('out-max-bytes');
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', '--no-cache', '--max-bytes', String(LIMIT)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`big\\.txt: warning: the file has ${Buffer.byteLength(big)} bytes, more than the limit of ${LIMIT}; skipped \\[too-large\\]`));
    const brief = await briefAt(out);
    expect(brief.sources.map((s) => s.id).sort()).toEqual(['000_ce3e0963e407180a', '002_5814ca9cacb9ce4c']);
    const tooLarge = brief.diagnostics.filter((d) => d.ruleId === 'too-large');
    expect(tooLarge).toHaveLength(1);
    expect(tooLarge[0]?.file.endsWith('big.txt')).toBe(true);
    expect(tooLarge[0]?.severity).toBe('warning');
  });

  it('reads the same seed under the default limit', async () => {
    const out = await folder('out-max-bytes-default');
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const brief = await briefAt(out);
    expect(brief.sources.map((s) => s.id)).toContain('big');
    expect(brief.diagnostics.filter((d) => d.ruleId === 'too-large')).toEqual([]);
  });

  it.each(['0', 'abc', '-5', '1.5'])('refuses --max-bytes=%s as a usage error (exit 2) before making the output folder', async (value) => {
    const out = join(root, `never-made-max-bytes-${value}`);
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', `--max-bytes=${value}`]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`briefpack: --max-bytes takes a positive whole number; got "${value}"`);
    expect(existsSync(out)).toBe(false);
  });

  it.each(['0', 'abc', '-5'])('refuses "--max-bytes %s" as a usage error (exit 2)', async (value) => {
    const out = join(root, `never-made-max-bytes-spaced-${value}`);
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', '--max-bytes', value]);
    expect(run.code, run.stderr).toBe(2);
    // node's argument parser takes "-5" for an option and says so; either way it is a usage error.
    expect(run.stderr).toMatch(/^briefpack: .*--max-bytes/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('briefpack browser and briefpack schema', () => {
  it('browser prints the Chromium that resolveBrowser picks, an executable, and exits 0', async () => {
    const run = await cli(['browser']);
    expect(run.code, run.stderr).toBe(0);
    const printed = run.stdout.trim();
    expect(printed).toBe(await resolveBrowser(envWith()));
    expect(run.stdout).toBe(`${printed}\n`);
    expect(((await stat(printed)).mode & 0o111) !== 0).toBe(true);
  });

  it('browser prints PUPPETEER_EXECUTABLE_PATH when that is set', async () => {
    const fake = await fakeBrowser(join(await folder('configured'), 'my-chrome'));
    const run = await cli(['browser'], envWith({ PUPPETEER_EXECUTABLE_PATH: fake }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${fake}\n`);
  });

  it('schema prints the JSON of schema/briefing.schema.json', async () => {
    const run = await cli(['schema']);
    expect(run.code, run.stderr).toBe(0);
    const printed: unknown = JSON.parse(run.stdout);
    expect(printed).toEqual(JSON.parse(await readFile('schema/briefing.schema.json', 'utf8')));
    expect(printed).toEqual(briefJsonSchema());
  });
});

describe('resolveBrowser: the order in which Chromium is looked up', () => {
  /** A PATH of fresh folders, each holding fake browsers by the given names. */
  async function pathOf(...folders: string[][]): Promise<{ path: string; dirs: string[] }> {
    const dirs: string[] = [];
    for (const names of folders) {
      const dir = await folder('bin');
      for (const name of names) await fakeBrowser(join(dir, name));
      dirs.push(dir);
    }
    return { path: dirs.join(delimiter), dirs };
  }

  it('takes PUPPETEER_EXECUTABLE_PATH first, even with chromium on PATH', async () => {
    const { path } = await pathOf([...BROWSERS]);
    const configured = await fakeBrowser(join(await folder('configured'), 'chrome'));
    expect(await resolveBrowser({ PATH: path, PUPPETEER_EXECUTABLE_PATH: configured })).toBe(configured);
  });

  it('then looks on PATH for chromium, chromium-browser, google-chrome, google-chrome-stable, in that order', async () => {
    for (const [i, expected] of BROWSERS.entries()) {
      const { path, dirs } = await pathOf(BROWSERS.slice(i));
      expect(await resolveBrowser({ PATH: path }), `with ${BROWSERS.slice(i).join(', ')} on PATH`).toBe(join(dirs[0]!, expected));
    }
  });

  it('prefers an earlier name in a later PATH folder to a later name in an earlier one', async () => {
    const { path, dirs } = await pathOf(['google-chrome'], ['chromium-browser']);
    expect(await resolveBrowser({ PATH: path })).toBe(join(dirs[1]!, 'chromium-browser'));
  });

  it('takes the first PATH folder that holds a name', async () => {
    const { path, dirs } = await pathOf([], ['chromium'], ['chromium']);
    expect(await resolveBrowser({ PATH: path })).toBe(join(dirs[1]!, 'chromium'));
  });

  it('passes over a file on PATH that is named chromium but is not executable', async () => {
    const { path, dirs } = await pathOf([], ['google-chrome']);
    await fakeBrowser(join(dirs[0]!, 'chromium'), 0o644);
    expect(await resolveBrowser({ PATH: path })).toBe(join(dirs[1]!, 'google-chrome'));
  });

  it('fails naming PUPPETEER_EXECUTABLE_PATH when it is not executable, rather than falling back to PATH', async () => {
    const { path } = await pathOf(['chromium']);
    const notExecutable = await fakeBrowser(join(await folder('configured'), 'chrome-644'), 0o644);
    await expect(resolveBrowser({ PATH: path, PUPPETEER_EXECUTABLE_PATH: notExecutable })).rejects.toThrow(
      `PUPPETEER_EXECUTABLE_PATH is set to ${notExecutable}, which is not an executable file`,
    );
    const missing = join(root, 'no-such-chrome');
    await expect(resolveBrowser({ PATH: path, PUPPETEER_EXECUTABLE_PATH: missing })).rejects.toThrow(`PUPPETEER_EXECUTABLE_PATH is set to ${missing}`);
  });
});

describe('briefpack browser in a bare environment: PATH, then puppeteer’s cache, then a clear error', () => {
  let home: string;
  let emptyBin: string;

  /** Only what is given: no inherited PUPPETEER_* variable, no PATH but `path`, no home config. */
  function bare(path: string, cache: string, extra: Env = {}): Env {
    return { PATH: path, HOME: home, PUPPETEER_CACHE_DIR: cache, ...extra };
  }

  /** Where puppeteer looks for its browser in `env`; executablePath() does not check that it is there. */
  function puppeteerPath(env: Env): Promise<string> {
    const script = "const { executablePath } = await import('puppeteer'); console.log(executablePath());";
    return new Promise((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', script], { env, timeout: 30_000 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim()),
      );
    });
  }

  beforeAll(async () => {
    home = await folder('home');
    emptyBin = await folder('empty-bin');
  });

  it('says "no Chromium found" in one line and exits 1 when PATH and puppeteer’s cache hold none', async () => {
    const cache = await folder('cache-empty');
    const env = bare(emptyBin, cache);
    // Not by accident: puppeteer's cache is the empty folder, and that is where it would look.
    expect((await puppeteerPath(env)).startsWith(cache + sep)).toBe(true);
    const run = await cli(['browser'], env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`briefpack: ${new BrowserNotFoundError().message}\n`);
    expect(run.stderr).toMatch(/^briefpack: no Chromium found: install it /);
    // Nothing was downloaded.
    expect(await readdir(cache)).toEqual([]);
  });

  it('finds a browser in puppeteer’s cache when PATH has none', async () => {
    const cache = await folder('cache-full');
    const env = bare(emptyBin, cache);
    const cached = await fakeBrowser(await puppeteerPath(env));
    expect(cached.startsWith(cache + sep)).toBe(true);
    const run = await cli(['browser'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${cached}\n`);
  });

  it('takes chromium on PATH before puppeteer’s cache', async () => {
    const cache = await folder('cache-full');
    const env = bare(emptyBin, cache);
    await fakeBrowser(await puppeteerPath(env));
    const bin = await folder('bin');
    const chromium = await fakeBrowser(join(bin, 'chromium'));
    const run = await cli(['browser'], bare(bin, cache));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${chromium}\n`);
  });

  it('takes PUPPETEER_EXECUTABLE_PATH before both', async () => {
    const cache = await folder('cache-full');
    await fakeBrowser(await puppeteerPath(bare(emptyBin, cache)));
    const bin = await folder('bin');
    await fakeBrowser(join(bin, 'chromium'));
    const configured = await fakeBrowser(join(await folder('configured'), 'chrome'));
    const run = await cli(['browser'], bare(bin, cache, { PUPPETEER_EXECUTABLE_PATH: configured }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${configured}\n`);
  });

  it('exits 1 naming a PUPPETEER_EXECUTABLE_PATH that is not executable', async () => {
    const bin = await folder('bin');
    await fakeBrowser(join(bin, 'chromium'));
    const notExecutable = await fakeBrowser(join(await folder('configured'), 'chrome-644'), 0o644);
    const run = await cli(['browser'], bare(bin, await folder('cache-empty'), { PUPPETEER_EXECUTABLE_PATH: notExecutable }));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`briefpack: PUPPETEER_EXECUTABLE_PATH is set to ${notExecutable}, which is not an executable file: fix or unset it\n`);
  });
});

describe('generatedAt without SOURCE_DATE_EPOCH', () => {
  const NEWEST = 1_720_000_000.999; // 2024-07-03T09:46:40.999Z: floored to the second
  const OLDER = 1_700_000_000.25;
  const noEpoch = () => envWith({ SOURCE_DATE_EPOCH: undefined });

  /** The two articles, the first (in name order) the newest, plus a non-seed file newer than both. */
  async function datedSeeds(extra: Record<string, string> = {}): Promise<string> {
    const seeds = await seedsWith({ 'notes.csv': 'not,a,seed\n', ...extra });
    const [first, second] = SEEDS.map((s) => join(seeds, s.slice('seeds/'.length)));
    await utimes(first!, NEWEST, NEWEST);
    await utimes(second!, OLDER, OLDER);
    // The file system keeps the milliseconds, so that flooring them is what the test checks.
    expect((await stat(first!)).mtimeMs).toBeCloseTo(NEWEST * 1000, 0);
    return seeds;
  }

  it('is the newest seed file’s mtime, floored to the second', async () => {
    const seeds = await datedSeeds();
    const out = await folder('out-mtime');
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', '--no-cache', '--quiet'], noEpoch());
    expect(run.code, run.stderr).toBe(0);
    expect((await briefAt(out)).generatedAt).toBe(new Date(Math.floor(NEWEST) * 1000).toISOString());
    expect((await briefAt(out)).generatedAt).toBe('2024-07-03T09:46:40.000Z');
  });

  it('is brief.yaml’s date when it gives one, even when a seed is newer', async () => {
    const seeds = await datedSeeds({ 'brief.yaml': 'title: Dated pack\ndate: 2024-05-06\n' });
    const out = await folder('out-date');
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', '--no-cache', '--quiet'], noEpoch());
    expect(run.code, run.stderr).toBe(0);
    const brief = await briefAt(out);
    expect(brief.title).toBe('Dated pack');
    expect(brief.generatedAt).toBe('2024-05-06T00:00:00.000Z');
  });

  it('gives way to SOURCE_DATE_EPOCH when that is set', async () => {
    const seeds = await datedSeeds({ 'brief.yaml': 'date: 2024-05-06\n' });
    const out = await folder('out-epoch');
    const run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'json', '--no-cache', '--quiet'], envWith({ SOURCE_DATE_EPOCH: EPOCH }));
    expect(run.code, run.stderr).toBe(0);
    expect((await briefAt(out)).generatedAt).toBe(new Date(Number(EPOCH) * 1000).toISOString());
  });
});
