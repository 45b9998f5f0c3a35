// The validator the EPUB tests rely on must itself fail loudly: a broken file gives errors, and a
// missing java or epubcheck is an error saying what to install, never a pass with no messages.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epubcheck } from '../support/epubcheck.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefpack-epubcheck-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the epubcheck helper', () => {
  it('reports a garbage file as errors', async () => {
    const path = join(dir, 'garbage.epub');
    await writeFile(path, 'not a zip at all');
    const result = await epubcheck(path);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.messages.join('\n')).toMatch(/^(ERROR|FATAL)\(PKG-/m);
  });

  it('reports a zip that is no EPUB as errors', async () => {
    const path = join(dir, 'plain.epub');
    const zip = new JSZip();
    zip.file('a.txt', 'hello');
    await writeFile(path, await zip.generateAsync({ type: 'uint8array' }));
    expect((await epubcheck(path)).errors).toBeGreaterThan(0);
  });

  it('fails, naming the package, when the epubcheck jar is missing', async () => {
    const path = join(dir, 'garbage.epub');
    await expect(epubcheck(path, { jar: join(dir, 'no-epubcheck.jar') })).rejects.toThrow(/epubcheck is not installed: .*apt-get install epubcheck/);
  });

  it('fails, naming the package, when java is missing', async () => {
    const path = join(dir, 'garbage.epub');
    await expect(epubcheck(path, { env: { ...process.env, PATH: dir } })).rejects.toThrow(/java is not installed: apt-get install default-jre-headless/);
  });

  it('fails when the file to check does not exist', async () => {
    await expect(epubcheck(join(dir, 'none.epub'))).rejects.toThrow(/does not exist/);
  });
});
