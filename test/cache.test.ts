// The stage cache: results come back only for the same content and code, and trouble with the
// cache never breaks a build.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StageCache, codeFingerprint, hashOf } from '../pipeline/cache.js';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefpack-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('StageCache', () => {
  const Value = z.object({ n: z.number() });

  it('returns what was put under the same key, and nothing under another', async () => {
    const cache = new StageCache(join(dir, 'a'));
    await cache.put('read', 'k1', { n: 1 });
    expect(await cache.get('read', 'k1', Value)).toEqual({ n: 1 });
    expect(await cache.get('read', 'k2', Value)).toBeNull();
    expect(await cache.get('brief', 'k1', Value)).toBeNull();
  });

  it('treats a corrupt or mistyped entry as a miss', async () => {
    const cache = new StageCache(join(dir, 'b'));
    await cache.put('read', 'bad', { n: 'one' });
    expect(await cache.get('read', 'bad', Value)).toBeNull();
    await writeFile(join(dir, 'b', 'read-torn.json'), '{"n": 1');
    expect(await cache.get('read', 'torn', Value)).toBeNull();
  });

  it('does nothing when disabled or unwritable', async () => {
    await new StageCache(null).put('read', 'k', { n: 1 });
    const blocked = join(dir, 'file');
    await writeFile(blocked, 'x');
    const cache = new StageCache(join(blocked, 'cache'));
    await expect(cache.put('read', 'k', { n: 1 })).resolves.toBeUndefined();
    expect(await cache.get('read', 'k', Value)).toBeNull();
  });

  it('removes entries unused for two weeks', async () => {
    const cache = new StageCache(join(dir, 'c'));
    await cache.put('read', 'old', { n: 1 });
    await cache.prune(Date.now() + 15 * 24 * 3600 * 1000);
    expect(await readdir(join(dir, 'c'))).toEqual(['.pruned']);
    // Pruning looks again only a day later.
    await cache.put('read', 'old', { n: 1 });
    await cache.prune(Date.now() + 15 * 24 * 3600 * 1000);
    expect(await readdir(join(dir, 'c'))).toContain('read-old.json');
  });

  it('keys by content: any changed part gives another key', () => {
    expect(hashOf('a', 'bc')).not.toBe(hashOf('ab', 'c'));
    expect(codeFingerprint('read', 'model')).not.toBe(codeFingerprint('enrich', 'model'));
    expect(codeFingerprint('read', 'model')).toBe(codeFingerprint('read', 'model'));
  });
});

describe('the CLI with a cache', () => {
  it('re-renders after a template edit without reading or analysing the seeds again', async () => {
    const templates = join(dir, 'templates');
    await cp('templates', templates, { recursive: true });
    const args = ['build/pipeline/cli.js', 'build', '--out', join(dir, 'out'), '--formats', 'json,html', '--cache', join(dir, 'cli-cache'), '--templates', templates];
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1741000000' };
    const first = await run('node', args, { env });
    expect(first.stdout).not.toMatch(/cached/);
    await writeFile(join(templates, 'print.css'), '\n/* an edit */\n', { flag: 'a' });
    const second = await run('node', args, { env });
    expect(second.stdout).toMatch(/^read .*\(2 cached\)/m);
    expect(second.stdout).toMatch(/^enrich .*\(cached\)/m);
    const fresh = await run('node', [...args, '--no-cache'], { env });
    expect(fresh.stdout).not.toMatch(/cached/);
  });
});
