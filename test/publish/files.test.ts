// Writing the outputs (pipeline/publish/files.ts): writeAtomic replaces a file whole, says where it is
// when BRIEFPACK_TEST_WRITE_PAUSE asks, and its temporary file goes when the process exits; and
// ensureDirectory makes the output folder level by level, fails at once with the folder and the OS's
// reason when it cannot be made or written (a file in the way, /proc, /sys, a full disk), and clears the
// temporary outputs that killed builds left behind, never a live build's.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

type Files = typeof import('../../pipeline/publish/files.js');

let files: Files;
/** What files.ts asks to run when the process exits. */
let onExit: (() => void) | undefined;
let dir: string;

beforeAll(async () => {
  // Loaded afresh here, so that the exit handler it registers is the one added now.
  const before = process.listeners('exit');
  vi.resetModules();
  files = await import('../../pipeline/publish/files.js');
  onExit = process.listeners('exit').find((listener) => !before.includes(listener)) as (() => void) | undefined;
  dir = await mkdtemp(join(tmpdir(), 'briefpack-files-'));
});
afterAll(async () => {
  if (onExit) process.removeListener('exit', onExit);
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A fresh folder for one test. */
let folders = 0;
async function folder(): Promise<string> {
  const path = join(dir, `case-${(folders += 1)}`);
  await mkdir(path);
  return path;
}

/** What an error says and what caused it. */
async function failure(promise: Promise<unknown>): Promise<{ message: string; code: string | undefined }> {
  const error = await promise.then(
    () => expect.unreachable('it should have failed'),
    (caught: unknown) => caught as Error,
  );
  return { message: error.message, code: (error.cause as NodeJS.ErrnoException | undefined)?.code };
}

/** The lines writeAtomic says on stderr while `run` runs; `each` sees each one as it is said. */
async function stderrOf(run: () => Promise<unknown>, each: (line: string) => void = () => {}): Promise<string[]> {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    const line = String(chunk);
    lines.push(line);
    each(line);
    return true;
  });
  await run();
  return lines;
}

/** 150,000 bytes that no two offsets mistake for each other. */
const data = Buffer.from(Array.from({ length: 150_000 }, (_, i) => (i * 7 + (i >> 8)) & 0xff));

describe('writeAtomic', () => {
  it('fails naming the file and keeping the OS error as the cause', async () => {
    const path = join(dir, 'no-such-folder', 'briefing.json');
    expect(await failure(files.writeAtomic(path, '{}'))).toEqual({
      message: `Having trouble writing ${path}: no such file or directory (ENOENT)`,
      code: 'ENOENT',
    });
  });

  it('writes a large file whole and says nothing when no pause is asked for', async () => {
    const out = await folder();
    const path = join(out, 'briefing.pdf');
    vi.stubEnv('BRIEFPACK_TEST_WRITE_PAUSE', '');
    const said = await stderrOf(() => files.writeAtomic(path, data));
    expect(said).toEqual([]);
    expect(await readFile(path)).toEqual(data);
    expect(await readdir(out)).toEqual(['briefing.pdf']);
  });

  it('with BRIEFPACK_TEST_WRITE_PAUSE says each piece it wrote, in the form the kill tests read', async () => {
    const out = await folder();
    const path = join(out, 'briefing.pdf');
    const temporary = join(out, `.briefing.pdf.${process.pid}.tmp`);
    vi.stubEnv('BRIEFPACK_TEST_WRITE_PAUSE', '1');
    const said = await stderrOf(() => files.writeAtomic(path, data));
    expect(said).toEqual([65536, 131072, 150000].map((offset) => `briefpack-test: wrote ${offset} of 150000 bytes of ${temporary}\n`));
    expect(await readFile(path)).toEqual(data);
  }, 10_000);

  // A build stopped by a signal runs the exit handlers: the temporary file it was writing must go,
  // the previous output must stay, and a temporary that is already gone must not make it throw.
  it.each([
    { gone: false, what: 'removes the temporary file of a write in progress' },
    { gone: true, what: 'does not throw for a temporary file that is already gone' },
  ])('on exit $what, and the previous file stays whole', async ({ gone }) => {
    expect(onExit, 'files.ts removes its temporary files on exit').toBeTypeOf('function');
    const out = await folder();
    const path = join(out, 'briefing.html');
    const temporary = join(out, `.briefing.html.${process.pid}.tmp`);
    await writeFile(path, 'previous pack');
    vi.stubEnv('BRIEFPACK_TEST_WRITE_PAUSE', '1');
    const checked: boolean[] = [];
    const said = await stderrOf(
      async () => {
        // The rename finds the temporary gone and fails: that is expected here.
        const result = await failure(files.writeAtomic(path, data));
        expect(result.message).toBe(`Having trouble writing ${path}: no such file or directory (ENOENT)`);
      },
      () => {
        // Called in the middle of the write, between two pieces: the exit comes now.
        if (checked.length > 0) return;
        checked.push(existsSync(temporary));
        if (gone) rmSync(temporary);
        onExit?.();
        checked.push(existsSync(temporary));
      },
    );
    expect(said.length).toBeGreaterThan(0);
    expect(checked).toEqual([true, false]);
    expect(await readFile(path, 'utf8')).toBe('previous pack');
    expect(await readdir(out)).toEqual(['briefing.html']);
  }, 10_000);
});

describe('ensureDirectory', () => {
  it('makes every missing level and leaves no probe file behind', async () => {
    const base = await folder();
    const out = join(base, 'a', 'b', 'c');
    await files.ensureDirectory(out);
    expect((await stat(out)).isDirectory()).toBe(true);
    expect(await readdir(out)).toEqual([]);
  });

  it('takes a folder that is already there and keeps what is in it', async () => {
    const out = await folder();
    await writeFile(join(out, 'briefing.json'), '{}');
    await files.ensureDirectory(out);
    expect(await readdir(out)).toEqual(['briefing.json']);
  });

  it('makes the same folder for two builds at once', async () => {
    const base = await folder();
    const out = join(base, 'x', 'y', 'z', 'pack');
    await Promise.all([files.ensureDirectory(out), files.ensureDirectory(out), files.ensureDirectory(out), files.ensureDirectory(out)]);
    expect((await stat(out)).isDirectory()).toBe(true);
    expect(await readdir(out)).toEqual([]);
  });

  it('with a file in the way fails, naming the file', async () => {
    const base = await folder();
    const blocker = join(base, 'a-file');
    await writeFile(blocker, 'not a folder');
    expect((await failure(files.ensureDirectory(blocker))).message).toBe(
      `Cannot write to the output folder ${blocker}: ${blocker} is a file, not a folder; pass --out DIR`,
    );
    expect(await failure(files.ensureDirectory(join(blocker, 'pack')))).toEqual({
      message: `Cannot write to the output folder ${join(blocker, 'pack')}: not a directory (ENOTDIR); pass --out DIR`,
      code: 'ENOTDIR',
    });
    expect(await readFile(blocker, 'utf8')).toBe('not a folder');
  });

  it.each([
    ['/proc/briefpack-x', '/proc'],
    ['/proc/briefpack-x/deeper/still', '/proc'],
  ])('under /proc (%s) fails at once: no folder can be made there', async (out, parent) => {
    expect(await failure(files.ensureDirectory(out))).toEqual({
      message: `Cannot write to the output folder ${out}: no folder can be made in ${parent} (ENOENT); pass --out DIR`,
      code: 'ENOENT',
    });
  });

  it('under /sys fails with the reason mkdir gives', async () => {
    const { message, code } = await failure(files.ensureDirectory('/sys/briefpack-x'));
    expect(message).toMatch(/^Cannot write to the output folder \/sys\/briefpack-x: [a-z -]+ \((EPERM|EACCES|EROFS)\); pass --out DIR$/);
    expect(message).toContain(`(${code})`);
  });

  it('in a folder that takes no files (/sys) fails with the reason the probe write gives', async () => {
    const { message, code } = await failure(files.ensureDirectory('/sys'));
    expect(message).toMatch(/^Cannot write to the output folder \/sys: [a-z -]+ \((EPERM|EACCES|EROFS)\); pass --out DIR$/);
    expect(message).toContain(`(${code})`);
  });

  it.skipIf(process.getuid?.() !== 0)('on a full disk fails at once, leaving the previous pack whole and no probe file', async () => {
    // A small file system of its own, filled up: mounting a tmpfs needs root.
    const disk = await folder();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    try {
      const out = join(disk, 'pack');
      await files.ensureDirectory(out);
      await writeFile(join(out, 'briefing.json'), '{"previous":true}');
      await writeFile(join(disk, 'filler'), Buffer.alloc(2 * 1024 * 1024)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOSPC') throw error;
      });
      expect(await failure(files.ensureDirectory(out))).toEqual({
        message: `Cannot write to the output folder ${out}: no space left on device (ENOSPC); pass --out DIR`,
        code: 'ENOSPC',
      });
      expect(await readdir(out)).toEqual(['briefing.json']);
      expect(await readFile(join(out, 'briefing.json'), 'utf8')).toBe('{"previous":true}');
    } finally {
      execFileSync('umount', [disk]);
    }
  });

  describe('clears the temporary outputs of killed builds', () => {
    /** The id of a process that has exited: a build killed with SIGKILL. */
    const dead = (): number => {
      const run = spawnSync(process.execPath, ['-e', '']);
      expect(run.status).toBe(0);
      return run.pid;
    };

    it('removes those of a process that is gone and keeps everything else', async () => {
      const out = await folder();
      const gone = dead();
      const stale = [`.briefing.pdf.${gone}.tmp`, `.briefing.epub.${gone}.tmp`, `.briefing.json.${gone}.tmp`];
      const kept = [
        'briefing.pdf',
        // A build of this process writing now, and one of another live process.
        `.briefing.pdf.${process.pid}.tmp`,
        `.briefing.html.${process.ppid}.tmp`,
        // Not the temporary of an output.
        `.notes.txt.${gone}.tmp`,
        `my.briefing.pdf.${gone}.tmp`,
        `.briefing.pdf.${gone}.tmp.bak`,
        `.briefing.pdf.${gone}x.tmp`,
        `.briefing..${gone}.tmp`,
      ];
      for (const name of [...stale, ...kept]) writeFileSync(join(out, name), name);
      await files.ensureDirectory(out);
      expect((await readdir(out)).sort()).toEqual([...kept].sort());
      for (const name of kept) expect(await readFile(join(out, name), 'utf8')).toBe(name);
    });

    it("keeps those of a live process that is another user's", async () => {
      // kill(pid, 0) says EPERM for another user's process; a test running as root never sees that,
      // so the answer is given here for one process id.
      const out = await folder();
      const other = dead();
      const kill = process.kill.bind(process);
      vi.spyOn(process, 'kill').mockImplementation((pid: number, signal?: string | number) => {
        if (pid === other) throw Object.assign(new Error(`kill EPERM`), { code: 'EPERM', errno: -1, syscall: 'kill' });
        return kill(pid, signal);
      });
      const name = `.briefing.pdf.${other}.tmp`;
      await writeFile(join(out, name), 'being written by another user');
      await files.ensureDirectory(out);
      expect(await readdir(out)).toEqual([name]);
    });

    it('leaves a folder named like one alone, and the build goes on', async () => {
      const out = await folder();
      const name = `.briefing.pdf.${dead()}.tmp`;
      await mkdir(join(out, name));
      await writeFile(join(out, name, 'inside'), 'not ours');
      await files.ensureDirectory(out);
      expect(await readdir(out)).toEqual([name]);
      expect(await readFile(join(out, name, 'inside'), 'utf8')).toBe('not ours');
    });

    it('leaves a link named like one alone when its target is elsewhere', async () => {
      const out = await folder();
      const target = join(await folder(), 'kept');
      await writeFile(target, 'elsewhere');
      const name = `.briefing.pdf.${dead()}.tmp`;
      await symlink(target, join(out, name));
      await files.ensureDirectory(out);
      // The link is the stale entry and goes; what it points to stays.
      expect(await readdir(out)).toEqual([]);
      expect(await readFile(target, 'utf8')).toBe('elsewhere');
    });
  });
});
