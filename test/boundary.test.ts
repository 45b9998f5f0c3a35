// issue 10: brief.yaml, the templates folder and the output folder, each at its edge: a link out
// of the templates is an error, brief.yaml is read like a seed and its attacks are one line with
// a place, and an output folder that cannot be written fails at once and loses nothing.
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

const SEED = 'seeds/000_ce3e0963e407180a.txt';
const SECRET = 'BRIEFPACK-OUTSIDE-41c7e2';
const QUICK = ['--formats', 'json', '--no-cache'];

let dir: string;

async function seedsWith(name: string, files: Record<string, string> = {}): Promise<string> {
  const seeds = join(dir, name);
  await mkdir(seeds, { recursive: true });
  await copyFile(SEED, join(seeds, 'article.txt'));
  for (const [file, text] of Object.entries(files)) await writeFile(join(seeds, file), text);
  return seeds;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefpack-boundary-'));
  await writeFile(join(dir, 'secret.txt'), `${SECRET}\n`);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('brief.yaml', () => {
  it('with an alias bomb stops the build with one line at the alias', async () => {
    const aliases = 'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`);
    const seeds = await seedsWith('bomb', { 'brief.yaml': ['title: Bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...aliases].join('\n') });
    const run = await cli(['build', '--seeds', seeds, '--out', join(dir, 'bomb-out'), ...QUICK]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bomb\/brief\.yaml:3:8: error: aliases \(\*name\) here expand past 100 copies.*\[overlay-aliases\]/);
    expect(run.stderr).not.toMatch(/Excessive alias count/);
  });

  it('nested a hundred thousand deep stops the build with one line, without a crash', async () => {
    const seeds = await seedsWith('deep', { 'brief.yaml': `title: Deep\nrisks: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` });
    const run = await cli(['build', '--seeds', seeds, '--out', join(dir, 'deep-out'), ...QUICK]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/deep\/brief\.yaml:2:\d+: error: the file nests deeper than 32 levels/);
  });

  it('linking outside the folder is not read: a warning, and the pack builds without it', async () => {
    await writeFile(join(dir, 'outside.yaml'), `title: ${SECRET}\n`);
    const seeds = await seedsWith('overlay-link');
    await symlink(join(dir, 'outside.yaml'), join(seeds, 'brief.yaml'));
    const out = join(dir, 'overlay-link-out');
    const run = await cli(['build', '--seeds', seeds, '--out', out, ...QUICK]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`brief.yaml: warning: a link to ${join(dir, 'outside.yaml')}, outside the folder; it was not opened, and no overlay was applied [overlay-skipped]`);
    expect(await readFile(join(out, 'briefing.json'), 'utf8')).not.toContain(SECRET);
  });

  it('as a named pipe does not block the build', async () => {
    const seeds = await seedsWith('overlay-pipe');
    execFileSync('mkfifo', [join(seeds, 'brief.yaml')]);
    const run = await cli(['build', '--seeds', seeds, '--out', join(dir, 'overlay-pipe-out'), ...QUICK], { timeout: 30_000 });
    expect(run.killed).toBe(false);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/brief\.yaml: warning: a named pipe \(FIFO\), not a file; it was not opened/);
  });
});

describe('the templates folder', () => {
  async function templatesWith(name: string, change: (folder: string) => Promise<void>): Promise<string> {
    const folder = join(dir, name);
    await cp('templates', folder, { recursive: true });
    await change(folder);
    return folder;
  }

  it('with a template linking outside is an error naming the link and its target', async () => {
    const templates = await templatesWith('tpl-layout', async (folder) => {
      await rm(join(folder, 'layout.hbs'));
      await symlink(join(dir, 'secret.txt'), join(folder, 'layout.hbs'));
    });
    const out = join(dir, 'tpl-layout-out');
    const run = await cli(['build', '--seeds', await seedsWith('tpl-seeds'), '--out', out, '--templates', templates, '--formats', 'html', '--no-cache']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot read ${join(templates, 'layout.hbs')}: it links to ${join(dir, 'secret.txt')}, outside ${templates}`);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('with a partial, or the partials folder, linking outside is an error', async () => {
    const partial = await templatesWith('tpl-partial', async (folder) => {
      await rm(join(folder, 'partials', 'risks.hbs'));
      await symlink('/etc/passwd', join(folder, 'partials', 'risks.hbs'));
    });
    const linkedFolder = await templatesWith('tpl-partials', async (folder) => {
      await cp(join(folder, 'partials'), join(dir, 'partials-elsewhere'), { recursive: true });
      await rm(join(folder, 'partials'), { recursive: true });
      await symlink(join(dir, 'partials-elsewhere'), join(folder, 'partials'));
    });
    const seeds = await seedsWith('tpl-seeds');
    const first = await cli(['build', '--seeds', seeds, '--out', join(dir, 'tpl-p-out'), '--templates', partial, '--formats', 'html', '--no-cache']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('risks.hbs: it links to /etc/passwd, outside');
    const second = await cli(['build', '--seeds', seeds, '--out', join(dir, 'tpl-p-out'), '--templates', linkedFolder, '--formats', 'html', '--no-cache']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`partials is a link to ${join(dir, 'partials-elsewhere')}, outside the folder`);
  });

  it('with a font list naming a path instead of a package is an error', async () => {
    const templates = await templatesWith('tpl-fonts', async (folder) => {
      const list = JSON.parse(await readFile(join(folder, 'fonts.json'), 'utf8')) as { faces: { package: string }[] };
      list.faces[0]!.package = '@fontsource/../../../etc';
      await writeFile(join(folder, 'fonts.json'), JSON.stringify(list));
    });
    const run = await cli(['build', '--seeds', await seedsWith('tpl-seeds'), '--out', join(dir, 'tpl-f-out'), '--templates', templates, '--formats', 'html', '--no-cache']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/fonts\.json: faces\.0\.package: an @fontsource package name/);
  });
});

describe('an output folder that cannot be made or written', () => {
  const refused = async (out: string, reason: RegExp | string, as?: string[]) => {
    const run = await cli(['build', '--seeds', await seedsWith('out-seeds'), '--out', out, '--formats', 'json,html'], { timeout: 30_000, as });
    expect(run.killed).toBe(false);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Cannot write to the output folder ${out}: `);
    expect(lines[0]).toMatch(reason);
    // At once: before any article is read.
    expect(run.stdout).not.toMatch(/^read\s/m);
  };

  it('under /proc fails at once instead of spinning', async () => {
    await refused('/proc/briefpack-x', /no folder can be made in \/proc \(ENOENT\); pass --out DIR/);
    await refused('/proc/briefpack-x/deeper/still', /no folder can be made in \/proc/);
  });

  it('under /sys fails at once', async () => {
    await refused('/sys/briefpack-x', /\((EPERM|EACCES|EROFS)\)/);
  });

  it('with a file in the way fails, naming the file', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    await refused(blocker, `${blocker} is a file, not a folder`);
    await refused(join(blocker, 'pack'), /not a directory \(ENOTDIR\)/);
  });

  it('without permission fails with the OS reason', async () => {
    const locked = join(dir, 'locked-out');
    await mkdir(locked, { mode: 0o755 });
    await chmod(dir, 0o755);
    await chmod(locked, 0o755);
    const as = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
    if (as === undefined) await chmod(locked, 0o555);
    await refused(join(locked, 'pack'), /permission denied \(EACCES\)/, as);
  });

  it('on a full disk fails at once and leaves the previous pack whole', async () => {
    // A small file system of its own: needs root to mount a tmpfs, as CI has.
    const disk = join(dir, 'small-disk');
    await mkdir(disk);
    expect(process.getuid?.(), 'this test mounts a tmpfs and needs root').toBe(0);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', disk]);
    try {
      const out = join(disk, 'pack');
      const first = await cli(['build', '--seeds', await seedsWith('out-seeds'), '--out', out, '--formats', 'json,html']);
      expect(first.code).toBe(0);
      const before = await readFile(join(out, 'briefing.json'));
      execFileSync('sh', ['-c', `dd if=/dev/zero of=${join(disk, 'filler')} bs=64k 2>/dev/null || true`]);
      await refused(out, /no space left on device \(ENOSPC\)/);
      expect(await readFile(join(out, 'briefing.json'))).toEqual(before);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
