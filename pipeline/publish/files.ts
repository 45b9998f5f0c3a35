// Writing outputs so that a reader never sees half a file: write beside, then rename.
import { rmSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { osReason } from '../folder.js';

/** What the output folder must take at once: a full disk fails here, before any work. */
const PROBE_BYTES = 64 * 1024;

/** Temporary files being written now: removed if the process exits (a signal) before renaming them. */
const pending = new Set<string>();
process.on('exit', () => {
  for (const temporary of pending) rmSync(temporary, { force: true });
});

/** Written a piece at a time, so that a test can stop the build between two pieces. */
const CHUNK_BYTES = 64 * 1024;

/**
 * BRIEFPACK_TEST_WRITE_PAUSE=ms: after each piece of an output, say so on stderr and wait, so a
 * test can kill the build in the middle of a write instead of by timing luck.
 */
function writePause(): number {
  const ms = Number(process.env.BRIEFPACK_TEST_WRITE_PAUSE ?? '');
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

async function writeInPieces(path: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const pause = writePause();
  const handle = await open(path, 'w');
  try {
    let offset = 0;
    do {
      const { bytesWritten } = await handle.write(bytes, offset, Math.min(CHUNK_BYTES, bytes.byteLength - offset));
      offset += bytesWritten;
      if (pause > 0) {
        process.stderr.write(`briefpack-test: wrote ${offset} of ${bytes.byteLength} bytes of ${path}\n`);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    } while (offset < bytes.byteLength);
    // On the disk before the rename makes it the output: a crash then leaves old or new, not empty.
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `data` to `path` atomically: a failed or killed build leaves the previous file whole. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(temporary);
  try {
    await writeInPieces(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new Error(`Having trouble writing ${path}: ${osReason(error)}`, { cause: error });
  } finally {
    pending.delete(temporary);
  }
}

/** A temporary output of a build that was killed (SIGKILL runs no exit handler): its process is gone. */
async function removeStale(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = /^\.briefing\.\w+\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    // A leftover is a file (or a link, which rm removes, never its target); a folder of that name
    // is not ours and stays, and one that cannot be removed stops no build.
    const entry = await lstat(join(dir, name)).catch(() => null);
    if (entry?.isFile() || entry?.isSymbolicLink()) await rm(join(dir, name), { force: true }).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
  await removeStale(path);
}
