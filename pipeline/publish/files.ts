// Writing outputs so that a reader never sees half a file: write beside, then rename.
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { osReason } from '../folder.js';

/** What the output folder must take at once: a full disk fails here, before any work. */
const PROBE_BYTES = 64 * 1024;

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

/**
 * Makes the output folder and checks that a file can be written in it, failing at once with the
 * folder and the OS's reason. Each missing level is made on its own: Node's recursive mkdir loops
 * forever under /proc.
 */
export async function ensureDirectory(path: string): Promise<void> {
  const fail = (reason: string, cause?: unknown): never => {
    throw new Error(`Cannot write to the output folder ${path}: ${reason}; pass --out DIR`, { cause });
  };
  const missing: string[] = [];
  for (let at = resolve(path); ; at = dirname(at)) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      if (info.code !== 'ENOENT') fail(osReason(info), info);
      missing.unshift(at);
    } else {
      if (!info.isDirectory()) fail(`${at} is a file, not a folder`);
      break;
    }
    if (dirname(at) === at) break;
  }
  for (const dir of missing) {
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return;
      // The parent exists, so ENOENT means a file system that takes no new folders (/proc).
      fail(error.code === 'ENOENT' ? `no folder can be made in ${dirname(dir)} (ENOENT)` : osReason(error), error);
    });
  }
  // A folder can exist and still refuse files: read-only, full, or not ours.
  const probe = join(path, `.briefpack-probe.${process.pid}.tmp`);
  pending.add(probe);
  try {
    await writeFile(probe, new Uint8Array(PROBE_BYTES));
  } catch (error) {
    fail(osReason(error), error);
  } finally {
    await rm(probe, { force: true });
    pending.delete(probe);
  }
}
