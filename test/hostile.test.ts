// Untrusted articles: remote and local resources, scripts, template syntax, huge words, deep
// nesting, right-to-left and CJK text. The pack builds with warnings, nothing leaves the page,
// no local file leaks into an output, and the text survives as text.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lstat, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flat, readPdf } from './support/pdf.js';
import { openEpub } from './support/epub.js';
import { epubcheck } from './support/epubcheck.js';

const run = promisify(execFile);
const FIXTURES = 'test/fixtures/hostile';
/** A line of /etc/passwd that any leak of it would carry. */
const PASSWD = /root:[^:\n]*:0:0:/;
/** What the fixtures' outside-link.md leads to, beside the seeds folder: it must appear nowhere. */
const OUTSIDE = 'HOSTILE-OUTSIDE-SECRET-5d21';

let server: Server;
const hits: string[] = [];
let dir: string;
let out: string;
let build: { stdout: string; stderr: string };

beforeAll(async () => {
  // Every URL in the fixtures points here: a request that escapes the build is counted.
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('leaked');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = String((server.address() as AddressInfo).port);
  dir = await mkdtemp(join(tmpdir(), 'briefpack-hostile-'));
  const seeds = join(dir, 'seeds');
  out = join(dir, 'out');
  await run('mkdir', ['-p', seeds]);
  await writeFile(join(dir, 'secret-outside.md'), `# ${OUTSIDE}\n\nA paragraph that must never reach a pack: ${OUTSIDE}.\n`);
  for (const name of await readdir(FIXTURES)) {
    // The links stay links: passwd-link.txt leads to /etc/passwd, outside-link.md beside the folder.
    const from = join(FIXTURES, name);
    if ((await lstat(from)).isSymbolicLink()) await symlink(await readlink(from), join(seeds, name));
    else await writeFile(join(seeds, name), (await readFile(from, 'utf8')).replaceAll('PORT', port));
  }
  build = await run('node', ['build/pipeline/cli.js', 'build', '--seeds', seeds, '--out', out, '--no-cache'], {
    env: { ...process.env, SOURCE_DATE_EPOCH: '1741000000' },
  });
});
afterAll(async () => {
  server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a pack built from hostile articles', () => {
  it('builds, warning about what it dropped', () => {
    expect(build.stdout).toMatch(/^pdf\s/m);
    expect(build.stderr).toMatch(/warning: .*image/i);
  });

  it('sends no request anywhere', () => {
    expect(hits).toEqual([]);
  });

  it('lets no local file into any output, not even through a link in the seeds folder', async () => {
    const leaks = [PASSWD, new RegExp(OUTSIDE)];
    const texts = [
      await readFile(join(out, 'briefing.html'), 'utf8'),
      await readFile(join(out, 'briefing.json'), 'utf8'),
      (await readPdf(join(out, 'briefing.pdf'))).pages.join('\n'),
    ];
    const epub = await openEpub(join(out, 'briefing.epub'));
    for (const name of epub.names.filter((n) => /\.(xhtml|opf|ncx|css)$/.test(n))) texts.push(await epub.text(name));
    for (const text of texts) for (const leak of leaks) expect(text).not.toMatch(leak);
  });

  it('says which links it did not follow, and where they lead', () => {
    expect(build.stderr).toMatch(/passwd-link\.txt: warning: a link to \/etc\/passwd, outside the seeds folder; skipped/);
    expect(build.stderr).toContain(`outside-link.md: warning: a link to ${join(dir, 'secret-outside.md')}, outside the seeds folder; skipped`);
  });

  it('keeps no script, frame, object, form, base, refresh, event handler or dangerous link', async () => {
    const html = await readFile(join(out, 'briefing.html'), 'utf8');
    const body = html.slice(html.indexOf('<body'));
    expect(body).not.toMatch(/<(script|iframe|object|embed|form|base|img|link)\b/i);
    expect(body).not.toMatch(/http-equiv/i);
    expect(body).not.toMatch(/\son[a-z]+=/i);
    expect(body).not.toMatch(/href="(javascript|vbscript|file):/i);
    expect(body).toContain('href="https://example.org/a"');
    expect(body).not.toContain('SCRIPT-RAN');
  });

  it('prints template syntax, right-to-left, CJK and emoji text as text', async () => {
    const text = flat((await readPdf(join(out, 'briefing.pdf'))).pages.join(' '));
    expect(text).toContain("{{constructor.constructor('return process')()}}");
    expect(text).toContain('{{{raw}}}');
    expect(text).toContain('Hostile {{constructor}}');
    const html = await readFile(join(out, 'briefing.html'), 'utf8');
    for (const fragment of ['مرحبا بالعالم', 'שלום עולם', '你好，世界', '🚀', 'level 30 of a list', 'Port authority warns of delays', 'mediation by the labour ministry']) expect(html).toContain(fragment);
  });

  it('still makes an EPUB that epubcheck passes', async () => {
    expect((await epubcheck(join(out, 'briefing.epub'))).messages).toEqual([]);
  });
});
