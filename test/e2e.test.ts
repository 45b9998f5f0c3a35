// The whole pack from the two seeds, through the compiled CLI, as `make` runs it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brief, unresolvedEvidence } from '../pipeline/model.js';
import { briefJsonSchema } from '../pipeline/schema.js';
import { flat, readPdf, type PdfContents } from './support/pdf.js';
import { epubcheck } from './support/epubcheck.js';

const run = promisify(execFile);
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const CLI = 'build/pipeline/cli.js';
const EPOCH = '1741000000';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await run('node', [CLI, ...args], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let out: string;
let built: Run;
let brief: Brief;
let pdf: PdfContents;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`make\` (or \`make test\`) to compile the pipeline first`);
  out = await mkdtemp(join(tmpdir(), 'briefpack-e2e-'));
  built = await cli(['build', '--seeds', 'seeds', '--out', out]);
  if (built.code !== 0) throw new Error(`build failed (${built.code}): ${built.stderr}`);
  brief = Brief.parse(JSON.parse(await readFile(join(out, 'briefing.json'), 'utf8')));
  pdf = await readPdf(join(out, 'briefing.pdf'));
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('briefpack build on the two seeds', () => {
  it('prints one line per stage with its time, then the files written', () => {
    for (const stage of ['read', 'enrich', 'render', 'pdf', 'epub', 'html', 'json']) {
      expect(built.stdout).toMatch(new RegExp(`^${stage}\\s.*\\d+ ms$`, 'm'));
    }
    for (const format of ['pdf', 'epub', 'html', 'json']) expect(built.stdout).toContain(join(out, `briefing.${format}`));
  });

  it('writes a briefing.json that follows the contract and whose evidence all resolves', async () => {
    expect(brief.sources.map((s) => s.id)).toEqual(['000_ce3e0963e407180a', '002_5814ca9cacb9ce4c']);
    expect(unresolvedEvidence(brief)).toEqual([]);
    expect(brief.scenarios.length).toBeGreaterThan(0);
    expect(brief.risks.length).toBeGreaterThan(0);
    expect(brief.generatedAt).toBe(new Date(Number(EPOCH) * 1000).toISOString());
    for (const s of brief.sources) for (const sentence of s.sentences) expect(sentence.id.startsWith(`${s.id}:s`)).toBe(true);
  });

  it('keeps the JSON Schema in the repository in step with the model', async () => {
    const committed = JSON.parse(await readFile('schema/briefing.schema.json', 'utf8'));
    expect(committed).toEqual(briefJsonSchema());
  });

  it('prints both articles and every scenario title in the PDF', () => {
    const text = flat(pdf.pages.join(' '));
    for (const source of brief.sources) expect(text).toContain(flat(source.title));
    for (const scenario of brief.scenarios) expect(text).toContain(flat(scenario.title));
    expect(text).toContain('Contents');
  });

  it('gives the PDF bookmarks that follow the headings', () => {
    const titles = pdf.outline.map((b) => b.title);
    expect(titles).toEqual([brief.title, 'Contents', 'Bottom line up front', 'Scenarios', 'Risks', 'Actors and quotes', 'What to watch', 'Source articles']);
    // Titles that wrap over two lines keep their spaces (Chromium drops them; publish mends it).
    const articles = pdf.outline.at(-1)?.children.map((b) => b.title) ?? [];
    expect(articles).toEqual(brief.sources.map((s, i) => `[${i + 1}] ${s.title}`));
    expect(pdf.info.Title).toBe(brief.title);
    expect(pdf.info.Producer).toMatch(/briefpack/);
  });

  it('writes an EPUB that epubcheck passes with 0 errors and 0 warnings', async () => {
    const result = await epubcheck(join(out, 'briefing.epub'));
    expect(result.messages).toEqual([]);
  });

  it('builds byte-identical files when built again with the same SOURCE_DATE_EPOCH', async () => {
    const again = await mkdtemp(join(tmpdir(), 'briefpack-again-'));
    expect((await cli(['build', '--seeds', 'seeds', '--out', again, '--quiet'])).code).toBe(0);
    for (const format of ['pdf', 'epub', 'html', 'json']) {
      const [a, b] = await Promise.all([readFile(join(out, `briefing.${format}`)), readFile(join(again, `briefing.${format}`))]);
      expect(sha256(a), format).toBe(sha256(b));
    }
    await rm(again, { recursive: true, force: true });
  });

  it('writes the print HTML it printed, loading nothing from outside', async () => {
    const html = await readFile(join(out, 'briefing.html'), 'utf8');
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).not.toMatch(/\b(src|href)="(https?:|file:|\/\/)/);
  });
});

describe('the CLI at its edges', () => {
  it('answers --help and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('briefpack build');
  });

  it('exits 2 on a usage error with one line naming the fix', async () => {
    const result = await cli(['build', '--formats', 'pdf,docx']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--formats');
  });

  it('exits 1 and leaves the previous outputs untouched when no article is readable', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'briefpack-empty-'));
    await writeFile(join(empty, 'notes.xyz'), 'not an article');
    const before = await stat(join(out, 'briefing.json'));
    const result = await cli(['build', '--seeds', empty, '--out', out, '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no readable article/);
    expect((await stat(join(out, 'briefing.json'))).mtimeMs).toBe(before.mtimeMs);
    await rm(empty, { recursive: true, force: true });
  });

  it('reports an invalid brief.yaml with file:line and builds nothing', async () => {
    const seeds = await mkdtemp(join(tmpdir(), 'briefpack-overlay-'));
    await cp('seeds', seeds, { recursive: true });
    await writeFile(join(seeds, 'brief.yaml'), 'title: Weekly pack\nlang: 42\n');
    const target = join(seeds, 'out');
    const result = await cli(['build', '--seeds', seeds, '--out', target, '--formats', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/brief\.yaml:2:\d+: error: lang: /);
    expect(existsSync(join(target, 'briefing.json'))).toBe(false);
    await rm(seeds, { recursive: true, force: true });
  });
});

describe('make', () => {
  it('builds another pack with SEEDS= and OUT=, then has nothing to do until a seed changes', async () => {
    const seeds = await mkdtemp(join(tmpdir(), 'briefpack-make-'));
    const target = `${seeds}-pack`;
    await cp('seeds/000_ce3e0963e407180a.txt', join(seeds, 'one.txt'));
    const vars = [`SEEDS=${seeds}`, `OUT=${target}`];
    await run('make', ['--no-print-directory', ...vars], { env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
    for (const format of ['pdf', 'epub', 'html', 'json']) expect(existsSync(join(target, `briefing.${format}`))).toBe(true);
    // make -q exits 0 when every target is up to date, 1 when something would run.
    await expect(run('make', ['-q', ...vars])).resolves.toBeDefined();
    const later = new Date(Date.now() + 5_000);
    await utimes(join(seeds, 'one.txt'), later, later);
    await expect(run('make', ['-q', ...vars])).rejects.toMatchObject({ code: 1 });
    await rm(seeds, { recursive: true, force: true });
    await rm(target, { recursive: true, force: true });
  });
});
