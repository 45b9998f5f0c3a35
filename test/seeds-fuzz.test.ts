// issue 10: packs built from generated seeds folders mixing good articles, links in and out,
// pipes, folders, empty and binary files. The pack always builds, nothing outside the folder
// appears in any output, and every odd entry has its word in briefing.json.
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, readFile, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.js';
import type { Diagnostic } from '../pipeline/model.js';

const ARTICLES = ['seeds/000_ce3e0963e407180a.txt', 'seeds/002_5814ca9cacb9ce4c.txt', 'test/fixtures/read-mixed/grain.md', 'test/fixtures/read-mixed/gas.html'];
const SECRET = 'BRIEFPACK-FUZZ-OUTSIDE-93b1';

type Kind =
  | 'article' | 'link-in' | 'hard-link' | 'link-out' | 'link-out-relative' | 'link-through-folder' | 'broken-link'
  | 'pipe' | 'folder-named-seed' | 'sub-folder' | 'empty' | 'binary' | 'unknown-extension';

/** The rule each kind of entry must be reported with; null: read as an article. */
const RULE: Record<Kind, string | null> = {
  article: null,
  'link-in': 'same-file',
  'hard-link': 'same-file',
  'link-out': 'link-outside',
  'link-out-relative': 'link-outside',
  'link-through-folder': 'link-outside',
  'broken-link': 'broken-link',
  pipe: 'special-file',
  'folder-named-seed': 'not-a-file',
  'sub-folder': 'sub-folder',
  empty: 'empty-file',
  binary: 'binary-file',
  'unknown-extension': 'unknown-extension',
};

const entry: fc.Arbitrary<Entry> = fc.record({
  kind: fc.constantFrom(...(Object.keys(RULE) as Kind[])),
  article: fc.nat({ max: ARTICLES.length - 1 }),
  ext: fc.constantFrom('txt', 'md', 'html'),
});

type Entry = { kind: Kind; article: number; ext: string };

let dir: string;
let runs = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefpack-fuzz-'));
  await writeFile(join(dir, 'secret.txt'), `${SECRET}\nroot:x:0:0:root:/root:/bin/bash\n`);
  await mkdir(join(dir, 'elsewhere'));
  await writeFile(join(dir, 'elsewhere', 'note.txt'), `${SECRET} in a folder outside\n`);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Makes one entry; the first article of the folder is base.txt, which links point at. */
async function make(seeds: string, name: string, e: Entry): Promise<void> {
  const path = join(seeds, name);
  const article = ARTICLES[e.article] ?? ARTICLES[0]!;
  switch (e.kind) {
    case 'article':
      return copyFile(article, path);
    case 'link-in':
      return symlink('base.txt', path);
    case 'hard-link':
      return link(join(seeds, 'base.txt'), path);
    case 'link-out':
      return symlink(join(dir, 'secret.txt'), path);
    case 'link-out-relative':
      return symlink('../../secret.txt', path);
    case 'link-through-folder':
      await symlink(join(dir, 'elsewhere'), `${path}-folder`);
      return symlink(`${name}-folder/note.txt`, path);
    case 'broken-link':
      return symlink('no-such-file.txt', path);
    case 'pipe':
      execFileSync('mkfifo', [path]);
      return;
    case 'folder-named-seed':
      return mkdir(path);
    case 'sub-folder':
      await mkdir(path);
      return writeFile(join(path, 'inner.txt'), `${SECRET} in a sub-folder\n`);
    case 'empty':
      return writeFile(path, '');
    case 'binary':
      return writeFile(path, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0x0a, 0xff, 0]));
    case 'unknown-extension':
      return copyFile(article, path);
  }
}

function nameOf(index: number, e: Entry): string {
  if (e.kind === 'sub-folder') return `sub${index}`;
  if (e.kind === 'unknown-extension') return `e${index}.docx`;
  return `e${index}.${e.ext}`;
}

describe('a seeds folder from anyone', () => {
  it('always builds, leaks nothing and has a word for every odd entry', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 10 }), async (entries) => {
        runs += 1;
        const seeds = join(dir, `case${runs}`, 'seeds');
        const out = join(dir, `case${runs}`, 'out');
        await mkdir(seeds, { recursive: true });
        await copyFile(ARTICLES[0]!, join(seeds, 'base.txt'));
        for (const [i, e] of entries.entries()) await make(seeds, nameOf(i, e), e);

        const code = await main(['build', '--seeds', seeds, '--out', out, '--formats', 'json,html', '--no-cache', '--quiet']);
        expect(code).toBe(0);
        const json = await readFile(join(out, 'briefing.json'), 'utf8');
        const html = await readFile(join(out, 'briefing.html'), 'utf8');
        for (const text of [json, html]) {
          expect(text).not.toContain(SECRET);
          expect(text).not.toMatch(/root:[^:\n]*:0:0:/);
        }
        const brief = JSON.parse(json) as { sources: { id: string }[]; diagnostics: Diagnostic[] };
        for (const [i, e] of entries.entries()) {
          const rule = RULE[e.kind];
          const name = nameOf(i, e);
          const said = brief.diagnostics.filter((d) => d.file.endsWith(`/${name}`)).map((d) => d.ruleId);
          if (rule === null) expect(brief.sources.map((s) => s.id), name).toContain(`e${i}`);
          else expect(said, `${e.kind} ${name}`).toContain(rule);
        }
        const read = 1 + entries.filter((e) => e.kind === 'article').length;
        expect(brief.sources).toHaveLength(read);
        await rm(join(dir, `case${runs}`), { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
