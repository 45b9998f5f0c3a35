// Writing outputs so that a reader never sees half a file: write beside, then rename.
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written now: removed if the process exits (a signal) before renaming them. */
const pending = new Set<string>();
process.on('exit', () => {
  for (const temporary of pending) rmSync(temporary, { force: true });
});

/** Writes `data` to `path` atomically: a failed or killed build leaves the previous file whole. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(temporary);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new Error(`Having trouble writing ${path}: ${(error as Error).message}`, { cause: error });
  } finally {
    pending.delete(temporary);
  }
}

export async function ensureDirectory(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create the output folder ${path}: ${(error as Error).message}`, { cause: error });
  }
}
