// Outputs are replaced whole or not at all. The build is killed while it writes them — stopped
// between two pieces of a file by BRIEFPACK_TEST_WRITE_PAUSE, not by timing luck — and every
// output must then be the previous pack's file or the new pack's file, byte for byte, never a part.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';

const ALL = ['pdf', 'epub', 'html', 'json'] as const;
type Format = (typeof ALL)[number];

let dir: string;
let seedsA: string;
let seedsB: string;
type Files = Partial<Record<Format, Buffer>>;
/**
 * The two packs as they are when built whole, with all formats and with HTML and JSON alone (the
 * HTML then has no page numbers to show, so it differs).
 */
const whole: Record<'all' | 'text', Record<'a' | 'b', Files>> = { all: { a: {}, b: {} }, text: { a: {}, b: {} } };
const TEXT = ['html', 'json'] as const;
const setOf = (formats: readonly Format[]) => (formats.length === ALL.length ? 'all' : 'text');

interface Killed {
  /** How many pieces were written before the kill. */
  pieces: number;
  /** The file the last piece belonged to, and whether it was its last piece. */
  last: { path: string; complete: boolean } | null;
  finished: boolean;
}

interface Piece {
  path: string;
  /** It was the file's last piece. */
  complete: boolean;
  /** How many pieces of any output were written so far, this one included. */
  count: number;
}

/** Builds `seeds` into `out`, killed with SIGKILL right after `kill` says yes to a piece written. */
function buildKilledWhen(seeds: string, out: string, formats: readonly Format[], kill: (piece: Piece) => boolean): Promise<Killed> {
  return new Promise((resolve) => {
    const child = spawn('node', [CLI, 'build', '--seeds', seeds, '--out', out, '--formats', formats.join(','), '--cache', join(dir, 'cache')], {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1741000000', BRIEFPACK_TEST_WRITE_PAUSE: '30' },
    });
    let pieces = 0;
    let killed = false;
    let last: Killed['last'] = null;
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const piece = /^briefpack-test: wrote (\d+) of (\d+) bytes of (.+)$/.exec(line);
        if (!piece || killed) continue;
        pieces += 1;
        last = { path: piece[3] ?? '', complete: piece[1] === piece[2] };
        if (kill({ ...last, count: pieces })) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stdout.resume();
    child.on('exit', (code) => resolve({ pieces, last, finished: code === 0 }));
  });
}

async function wholeBuild(seeds: string, out: string, formats: readonly Format[]): Promise<Files> {
  const result = await buildKilledWhen(seeds, out, formats, () => false);
  if (!result.finished) throw new Error(`the reference build of ${seeds} failed`);
  const files: Files = {};
  for (const format of formats) files[format] = await readFile(join(out, `briefing.${format}`));
  return files;
}

/** A folder holding pack A's files of `formats`, as a previous build would have left it. */
async function previousPack(name: string, formats: readonly Format[]): Promise<string> {
  const out = join(dir, name);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const format of formats) await copyFile(join(dir, `ref-a-${setOf(formats)}`, `briefing.${format}`), join(out, `briefing.${format}`));
  return out;
}

/** Each output is A's or B's, whole; returns which. */
async function eachOldOrNew(out: string, formats: readonly Format[]): Promise<Record<string, 'a' | 'b'>> {
  const found: Record<string, 'a' | 'b'> = {};
  for (const format of formats) {
    const bytes = await readFile(join(out, `briefing.${format}`));
    const refs = whole[setOf(formats)];
    const which = bytes.equals(refs.a[format]!) ? 'a' : bytes.equals(refs.b[format]!) ? 'b' : null;
    expect(which, `briefing.${format} is neither the previous file nor the new one (${bytes.length} bytes)`).not.toBeNull();
    found[format] = which!;
  }
  return found;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefpack-atomic-'));
  seedsA = 'seeds';
  seedsB = join(dir, 'seeds-b');
  await mkdir(seedsB);
  for (const name of await readdir('seeds')) await copyFile(join('seeds', name), join(seedsB, name));
  await copyFile('test/fixtures/read-mixed/grain.md', join(seedsB, 'grain.md'));
  for (const [set, formats] of [['all', ALL], ['text', TEXT]] as const) {
    whole[set].a = await wholeBuild(seedsA, join(dir, `ref-a-${set}`), formats);
    whole[set].b = await wholeBuild(seedsB, join(dir, `ref-b-${set}`), formats);
    for (const format of formats) expect(whole[set].a[format]!.equals(whole[set].b[format]!), format).toBe(false);
  }
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a build killed while it writes its outputs', () => {
  it('in the middle of the PDF leaves the previous PDF whole, and every other output old or new', async () => {
    const out = await previousPack('mid-pdf', ALL);
    // The first piece of the PDF that is not its last: the kill lands inside the file.
    const run = await buildKilledWhen(seedsB, out, ALL, (piece) => piece.path.includes('briefing.pdf') && !piece.complete);
    expect(run.finished).toBe(false);
    expect(run.last?.path).toContain('briefing.pdf');
    const found = await eachOldOrNew(out, ALL);
    expect(found.pdf).toBe('a');
  }, 120_000);

  it('leaves old or new files at any piece, over many runs', async () => {
    const formats = TEXT;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 14 }), async (killAt) => {
        runs += 1;
        const out = await previousPack(`run-${runs}`, formats);
        const run = await buildKilledWhen(seedsB, out, formats, (piece) => piece.count === killAt);
        const found = await eachOldOrNew(out, formats);
        // A file whose piece was the last one written but not its last is still the old one.
        if (!run.finished && run.last && !run.last.complete) {
          const format = formats.find((f) => run.last?.path.includes(`briefing.${f}`));
          if (format) expect(found[format]).toBe('a');
        }
        if (run.finished) expect(found).toEqual({ html: 'b', json: 'b' });
      }),
      { numRuns: 10 },
    );
  }, 240_000);

  it('leaves no temporary file once the next build has run', async () => {
    const out = await previousPack('stale', TEXT);
    await buildKilledWhen(seedsB, out, TEXT, (piece) => piece.count === 2);
    expect((await readdir(out)).some((name) => name.endsWith('.tmp'))).toBe(true);
    const next = await buildKilledWhen(seedsB, out, TEXT, () => false);
    expect(next.finished).toBe(true);
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(await eachOldOrNew(out, TEXT)).toEqual({ html: 'b', json: 'b' });
  }, 60_000);
});
