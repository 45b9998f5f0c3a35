// The seeds folder, entry by entry: which entries are articles to read, and a word for every
// other one. Only files at the top of the folder are read, each once however many names it has;
// nothing a link leads to outside the folder is read, not even its size or date.
import { readdir } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Diagnostic } from './model.js';
import { Folder, describeEntry, type Entry } from './folder.js';
import { formatOf } from './read/admit.js';
import { OVERLAY_FILE } from './overlay-schema.js';

export interface SeedList {
  folder: Folder;
  /** Files to read, in name order. */
  files: Entry[];
  /** brief.yaml when it is a file inside the folder. */
  overlay: Entry | null;
  diagnostics: Diagnostic[];
}

/** A path as the user sees it in a message: relative to where briefpack runs. */
export function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}

function note(entry: Entry, severity: Diagnostic['severity'], ruleId: string, message: string): Diagnostic {
  return { file: displayPath(entry.path), line: 0, column: 0, severity, ruleId, message };
}

/** The word for an entry that is not read; null for a file, which is. */
function skipped(entry: Entry, named: string): Diagnostic | null {
  switch (entry.kind) {
    case 'file':
      return null;
    case 'outside':
      return note(entry, 'warning', 'link-outside', `a link to ${entry.target}, outside the seeds folder; skipped: nothing outside the folder is read into a pack`);
    case 'broken-link':
      return note(entry, 'warning', 'broken-link', `${describeEntry(entry)}; skipped`);
    case 'folder': {
      // A folder named like an article is a mistake worth a warning; any other is just not read.
      const seedLike = typeof formatOf(named) === 'string';
      return seedLike
        ? note(entry, 'warning', 'not-a-file', 'a folder, not a file; skipped: only files at the top of the seeds folder are read')
        : note(entry, 'info', 'sub-folder', 'a folder; skipped: only files at the top of the seeds folder are read, not sub-folders');
    }
    case 'pipe':
    case 'socket':
    case 'device':
      return note(entry, 'warning', 'special-file', `${describeEntry(entry)}; skipped without opening it`);
    case 'unreadable':
      return note(entry, 'warning', 'unreadable', `cannot read this entry: ${entry.reason}; skipped`);
  }
}

/** One name per file: the file's own name when it is listed, else the first link to it. */
function readOnce(files: Entry[]): { kept: Entry[]; diagnostics: Diagnostic[] } {
  const byIdentity = new Map<string, Entry[]>();
  for (const entry of files) byIdentity.set(entry.identity ?? entry.path, [...(byIdentity.get(entry.identity ?? entry.path) ?? []), entry]);
  const kept = new Set<Entry>();
  const diagnostics: Diagnostic[] = [];
  for (const names of byIdentity.values()) {
    const keeper = names.find((entry) => entry.target === null) ?? names[0];
    if (keeper === undefined) continue;
    kept.add(keeper);
    for (const other of names) {
      if (other !== keeper) diagnostics.push(note(other, 'info', 'same-file', `the same file as ${displayPath(keeper.path)}; read once`));
    }
  }
  return { kept: files.filter((entry) => kept.has(entry)), diagnostics };
}

/** Every entry of the seeds folder, looked at without opening any of them. */
export async function listSeeds(dir: string): Promise<SeedList> {
  const folder = await Folder.open(dir, 'seeds folder', 'pass --seeds DIR');
  let names: string[];
  try {
    names = await readdir(folder.path);
  } catch (error) {
    throw new Error(`Cannot read the seeds folder ${dir}: ${(error as Error).message}; pass --seeds DIR`, { cause: error });
  }
  const diagnostics: Diagnostic[] = [];
  const files: Entry[] = [];
  let overlay: Entry | null = null;
  // Hidden entries (.git, .DS_Store, editors' swap files) are no one's articles.
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const entry = await folder.inspect(name);
    if (name === OVERLAY_FILE) {
      if (entry.kind === 'file') overlay = entry;
      else diagnostics.push(note(entry, 'warning', 'overlay-skipped', `${describeEntry(entry)}; it was not opened, and no overlay was applied`));
      continue;
    }
    const word = skipped(entry, name);
    if (word) diagnostics.push(word);
    else files.push(entry);
  }
  const once = readOnce(files);
  return { folder, files: once.kept, overlay, diagnostics: [...diagnostics, ...once.diagnostics] };
}
