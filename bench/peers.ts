// The routes issue 7 compares the pack with, run on the same articles: pandoc straight to EPUB,
// and pandoc to a standalone HTML page printed by `chromium --headless --print-to-pdf`. Plain `-s`
// rather than --embed-resources: nothing may be fetched, and the page needs nothing fetched.
import { accessSync, constants, mkdirSync, rmSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { runChecked, type RunOptions } from './measure.js';

export interface PeerTools {
  pandoc: string;
  chromium: string;
}

export interface PeerRun {
  epubMs: number;
  /** pandoc → HTML, then Chromium → PDF: the two processes one after the other. */
  pdfMs: number;
}

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The executable `name` on the PATH, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** pandoc and chromium when both are on the PATH; otherwise what is missing. */
export function findPeerTools(): PeerTools | { missing: string[] } {
  const pandoc = onPath('pandoc');
  const chromium = onPath('chromium');
  if (pandoc && chromium) return { pandoc, chromium };
  return { missing: [pandoc ? null : 'pandoc', chromium ? null : 'chromium'].filter((name): name is string => name !== null) };
}

/**
 * One run of each route over `articles` (paths relative to `packDir`, read as Markdown, which
 * plain text is too), writing into `workDir`. Chromium gets a fresh profile per run, as
 * puppeteer gives the pack's build one.
 */
export async function runPeers(tools: PeerTools, packDir: string, articles: readonly string[], workDir: string, env: NodeJS.ProcessEnv): Promise<PeerRun> {
  const work = resolve(workDir);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const options: RunOptions = { cwd: packDir, env };
  const metadata = ['--metadata', 'title=Briefing pack'];

  const epub = await runChecked(tools.pandoc, ['-o', join(work, 'peer.epub'), ...metadata, ...articles], options);
  const html = await runChecked(tools.pandoc, ['-s', '-o', join(work, 'peer.html'), ...metadata, ...articles], options);
  const pdf = await runChecked(
    tools.chromium,
    [...CHROMIUM_FLAGS, `--user-data-dir=${join(work, 'profile')}`, `--print-to-pdf=${join(work, 'peer.pdf')}`, `file://${join(work, 'peer.html')}`],
    options,
  );
  return { epubMs: epub.wallMs, pdfMs: html.wallMs + pdf.wallMs };
}

/** The first line `command --version` prints, or what went wrong. */
export async function versionOf(name: string, command: string | null, env: NodeJS.ProcessEnv): Promise<string> {
  if (command === null) return `${name} not installed`;
  try {
    const run = await runChecked(command, ['--version'], { cwd: process.cwd(), env });
    return run.stdout.trim().split('\n')[0] ?? '';
  } catch (error) {
    return `${name} of unknown version (${(error as Error).message.split('\n')[0]})`;
  }
}
