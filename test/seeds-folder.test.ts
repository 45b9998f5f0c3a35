// issue 10: the seeds folder is the boundary. Every kind of entry a folder can hold, what the
// build does with it, and that nothing a link leads to outside the folder reaches a pack.
import { execFileSync } from 'node:child_process';
import { chmod, link, mkdir, mkdtemp, readFile, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSeeds } from '../pipeline/seeds.js';
import { Folder } from '../pipeline/folder.js';
import type { Diagnostic } from '../pipeline/model.js';
import { cli } from './support/cli.js';

const SEED = 'seeds/000_ce3e0963e407180a.txt';
/** What is outside the folder: no output may ever carry it. */
const SECRET = 'BRIEFPACK-OUTSIDE-7f3a9c';

let dir: string;
let seeds: string;
let socket: Server;

function ruleOf(diagnostics: readonly Diagnostic[], name: string): string | undefined {
  return diagnostics.find((d) => d.file.endsWith(`/${name}`) || d.file === name)?.ruleId;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefpack-folder-'));
  seeds = join(dir, 'seeds');
  await mkdir(seeds);
  await mkdir(join(dir, 'elsewhere'));
  await writeFile(join(dir, 'secret.txt'), `${SECRET} root:x:0:0:root:/root:/bin/bash\nThe secret goes on for a while so it reads as an article.\n`);
  await writeFile(join(dir, 'elsewhere', 'note.md'), `# ${SECRET}\n\nAnother secret paragraph.\n`);
  await copyFile(SEED, join(seeds, 'article.txt'));
  await symlink('article.txt', join(seeds, 'alias.txt'));
  await link(join(seeds, 'article.txt'), join(seeds, 'hard.txt'));
  await symlink(join(dir, 'secret.txt'), join(seeds, 'passwd-link.txt'));
  await symlink('../secret.txt', join(seeds, 'relative-out.txt'));
  await symlink('/etc/passwd', join(seeds, 'etc-passwd.txt'));
  await symlink(join(dir, 'elsewhere'), join(seeds, 'linked-folder'));
  await symlink('linked-folder/note.md', join(seeds, 'through-linked.md'));
  await symlink('nowhere.txt', join(seeds, 'broken.txt'));
  await symlink('loop-b.txt', join(seeds, 'loop-a.txt'));
  await symlink('loop-a.txt', join(seeds, 'loop-b.txt'));
  execFileSync('mkfifo', [join(seeds, 'pipe.txt')]);
  socket = createServer();
  await new Promise<void>((resolve) => socket.listen(join(seeds, 'socket.md'), resolve));
  await mkdir(join(seeds, 'folder.txt'));
  await mkdir(join(seeds, 'archive'));
  await writeFile(join(seeds, 'archive', 'old.txt'), `${SECRET} in a sub-folder\n`);
  await writeFile(join(seeds, 'empty.txt'), '');
  await writeFile(join(seeds, 'binary.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  await writeFile(join(seeds, 'photo.jpg'), 'not an article');
  await writeFile(join(seeds, '.hidden.txt'), `${SECRET} hidden\n`);
});

afterAll(async () => {
  socket?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('listing the seeds folder', () => {
  it('reads a file once however many names it has, and nothing but files', async () => {
    const list = await listSeeds(seeds);
    // The reader then refuses the empty, the binary and the picture, each with its own word.
    expect(list.files.map((f) => f.path)).toEqual(['article.txt', 'binary.txt', 'empty.txt', 'photo.jpg'].map((name) => join(seeds, name)));
    expect(ruleOf(list.diagnostics, 'alias.txt')).toBe('same-file');
    expect(ruleOf(list.diagnostics, 'hard.txt')).toBe('same-file');
  });

  it('gives every other entry its word', async () => {
    const { diagnostics } = await listSeeds(seeds);
    const expected: Record<string, string> = {
      'passwd-link.txt': 'link-outside',
      'relative-out.txt': 'link-outside',
      'etc-passwd.txt': 'link-outside',
      'linked-folder': 'link-outside',
      'through-linked.md': 'link-outside',
      'broken.txt': 'broken-link',
      'loop-a.txt': 'broken-link',
      'loop-b.txt': 'broken-link',
      'pipe.txt': 'special-file',
      'socket.md': 'special-file',
      'folder.txt': 'not-a-file',
      archive: 'sub-folder',
    };
    for (const [name, rule] of Object.entries(expected)) expect(ruleOf(diagnostics, name), name).toBe(rule);
    const outside = diagnostics.find((d) => d.file.endsWith('passwd-link.txt'));
    expect(outside?.severity).toBe('warning');
    expect(outside?.message).toContain(join(dir, 'secret.txt'));
    expect(diagnostics.find((d) => d.file.endsWith('etc-passwd.txt'))?.message).toContain('/etc/passwd');
    expect(diagnostics.find((d) => d.file.endsWith('pipe.txt'))?.message).toMatch(/named pipe.*without opening it/);
    expect(diagnostics.some((d) => d.file.includes('.hidden'))).toBe(false);
  });

  it('treats a seeds folder reached through a link as the folder it is', async () => {
    await symlink(seeds, join(dir, 'seeds-link'));
    const list = await listSeeds(join(dir, 'seeds-link'));
    expect(list.files.map((f) => f.path)).toContain(join(dir, 'seeds-link', 'article.txt'));
    expect(list.files).toHaveLength(4);
    expect(ruleOf(list.diagnostics, 'passwd-link.txt')).toBe('link-outside');
  });

  it('refuses a file swapped for something else after it was looked at', async () => {
    const folder = await Folder.open(dir, 'test folder', 'none');
    await writeFile(join(dir, 'swap.txt'), 'first');
    const entry = await folder.inspect('swap.txt');
    await rm(join(dir, 'swap.txt'));
    await symlink(join(dir, 'secret.txt'), join(dir, 'swap.txt'));
    await expect(folder.read(entry, 1000)).rejects.toThrow(/ELOOP|changed/);
  });

  it('names the folder when it is missing or a file', async () => {
    await expect(listSeeds(join(dir, 'none'))).rejects.toThrow(`Cannot read the seeds folder ${join(dir, 'none')}: no such file or directory (ENOENT); pass --seeds DIR`);
    await expect(listSeeds(join(seeds, 'article.txt'))).rejects.toThrow(/not a folder \(ENOTDIR\); pass --seeds DIR/);
  });
});

describe('a build from that folder', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    out = join(dir, 'out');
    run = await cli(['build', '--seeds', seeds, '--out', out, '--formats', 'html,json', '--no-cache'], { timeout: 90_000 });
  }, 100_000);

  it('builds without blocking on the pipe, from the one article', async () => {
    expect(run.killed).toBe(false);
    expect(run.code).toBe(0);
    const brief = JSON.parse(await readFile(join(out, 'briefing.json'), 'utf8')) as { sources: { id: string }[] };
    expect(brief.sources.map((s) => s.id)).toEqual(['article']);
  });

  it('puts nothing from outside the folder, a sub-folder or a hidden file in any output', async () => {
    for (const name of ['briefing.html', 'briefing.json']) {
      const text = await readFile(join(out, name), 'utf8');
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(/root:[^:\n]*:0:0:/);
    }
  });

  it('warns on the terminal, one line an entry, naming the link and where it points', () => {
    expect(run.stderr).toMatch(new RegExp(`passwd-link\\.txt: warning: a link to ${join(dir, 'secret.txt')}, outside the seeds folder; skipped`));
    expect(run.stderr).toMatch(/pipe\.txt: warning: a named pipe \(FIFO\), not a file; skipped without opening it \[special-file\]/);
    expect(run.stderr).toMatch(/folder\.txt: warning: a folder, not a file; skipped/);
    expect(run.stderr).toMatch(/empty\.txt: warning: the file is empty; skipped \[empty-file\]/);
    expect(run.stderr).toMatch(/binary\.txt: warning: the file holds binary data/);
  });

  it('keeps every word in briefing.json', async () => {
    const brief = JSON.parse(await readFile(join(out, 'briefing.json'), 'utf8')) as { diagnostics: Diagnostic[] };
    for (const name of ['passwd-link.txt', 'broken.txt', 'pipe.txt', 'socket.md', 'folder.txt', 'archive', 'alias.txt', 'photo.jpg', 'empty.txt', 'binary.txt']) {
      expect(ruleOf(brief.diagnostics, name), name).toBeDefined();
    }
  });
});

describe('a file the user cannot read', () => {
  it('is a warning with the OS reason, and the rest builds', async () => {
    const folder = join(dir, 'locked');
    await mkdir(folder);
    await copyFile(SEED, join(folder, 'ok.txt'));
    await writeFile(join(folder, 'locked.txt'), `${SECRET}\n`);
    await chmod(folder, 0o755);
    await chmod(dir, 0o755);
    await chmod(join(folder, 'locked.txt'), 0o000);
    const out = join(dir, 'locked-out');
    await mkdir(out, { mode: 0o777 });
    await chmod(out, 0o777);
    // Root reads any file: the build runs as nobody there.
    const as = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
    const run = await cli(['build', '--seeds', folder, '--out', out, '--formats', 'json', '--no-cache'], { as, timeout: 90_000 });
    expect(run.stderr).toContain('locked.txt: warning: cannot read this file: permission denied (EACCES); skipped [unreadable]');
    expect(run.code).toBe(0);
    expect(await readFile(join(out, 'briefing.json'), 'utf8')).not.toContain(SECRET);
  }, 100_000);
});
