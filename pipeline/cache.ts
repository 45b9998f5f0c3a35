// A cache of stage results keyed by content: the bytes of the input, the code of the stage and
// anything else the result depends on. Editing a template re-renders a pack without re-reading or
// re-analysing its articles. Entries are plain JSON, validated when read back, and any trouble
// with the cache (missing, corrupt, unwritable) just means the stage runs.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ZodType } from 'zod';

/** Entries unused for this long are removed at the end of a build. */
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;
const PRUNE_EVERY_MS = 24 * 3600 * 1000;

export function hashOf(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? `${part.length}:${part}` : part);
  return hash.digest('hex');
}

/** The code a stage runs, hashed: every module under the given folders of the pipeline, and the
 * given single modules ("model" is model.js when compiled, model.ts under the test runner). */
export function codeFingerprint(...folders: string[]): string {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|ts|json)$/.test(name)) files.push(path);
    }
  };
  for (const folder of folders) {
    const path = join(root, folder);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path);
    else files.push(...['.js', '.ts'].map((ext) => path + ext).filter((file) => statSync(file, { throwIfNoEntry: false })));
  }
  return hashOf(...files.flatMap((file) => [file.slice(root.length), readFileSync(file)]));
}

export class StageCache {
  constructor(private readonly dir: string | null) {}

  #path(stage: string, key: string): string | null {
    return this.dir === null ? null : join(this.dir, `${stage}-${key}.json`);
  }

  async get<T>(stage: string, key: string, schema: ZodType<T>): Promise<T | null> {
    const path = this.#path(stage, key);
    if (!path) return null;
    try {
      const value = schema.parse(JSON.parse(await readFile(path, 'utf8')));
      const now = new Date();
      await utimes(path, now, now).catch(() => undefined);
      return value;
    } catch {
      return null;
    }
  }

  async put(stage: string, key: string, value: unknown): Promise<void> {
    const path = this.#path(stage, key);
    if (!path || !this.dir) return;
    try {
      await mkdir(this.dir, { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, path);
    } catch {
      // A cache that cannot be written costs time, never a build.
    }
  }

  /** Removes entries no build has used for two weeks; looks at most once a day. */
  async prune(now = Date.now()): Promise<void> {
    if (!this.dir) return;
    const marker = join(this.dir, '.pruned');
    const last = await stat(marker).catch(() => null);
    if (last && now - last.mtimeMs < PRUNE_EVERY_MS) return;
    await writeFile(marker, '')
      .then(() => utimes(marker, new Date(now), new Date(now)))
      .catch(() => undefined);
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
    await Promise.all(
      names.map(async (name) => {
        const path = join(this.dir!, name);
        const info = await stat(path).catch(() => null);
        if (info && now - info.mtimeMs > MAX_AGE_MS) await rm(path, { force: true });
      }),
    );
  }
}
