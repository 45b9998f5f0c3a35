// A folder is a boundary: the seeds folder, the templates folder, a font package. What a pack is
// made of is read from inside it and from nowhere else. A link whose target resolves outside is
// never followed; pipes, sockets and devices are never opened (a FIFO would block the build); a
// file is opened without following links and checked to be the very file that was inspected, so
// swapping an entry for a link between the look and the read does not get past the check.
import { constants } from 'node:fs';
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

export type EntryKind = 'file' | 'folder' | 'pipe' | 'socket' | 'device' | 'outside' | 'broken-link' | 'unreadable';

export interface Entry {
  /** The path as named: inside the folder, maybe a link. */
  path: string;
  kind: EntryKind;
  /** For a link, where it leads (resolved); for a broken link, what it says. */
  target: string | null;
  /** Device and inode of a file: two names of one file have the same identity. */
  identity: string | null;
  /** Why the entry could not be looked at: the OS's own words. */
  reason: string | null;
  /** When a file was last changed, as inspected (ms since the epoch); 0 for anything else. */
  mtimeMs: number;
}

/** The OS's reason without the call and path Node appends: "permission denied (EACCES)". */
export function osReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text = String(message ?? error).replace(/^[A-Z]+: /, '').replace(/, \w+(?: '.*')?$/s, '');
  return code ? `${text} (${code})` : text;
}

function kindOf(info: Stats): EntryKind {
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'folder';
  if (info.isFIFO()) return 'pipe';
  if (info.isSocket()) return 'socket';
  return 'device';
}

function identityOf(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}

/** True when `path` is `root` or lies under it; both are real paths. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export class Folder {
  private constructor(
    /** As given, for messages. */
    readonly path: string,
    /** Its real path: the boundary. */
    readonly real: string,
  ) {}

  /** The folder at `path`; an error names it and the OS's reason when it is missing or not a folder. */
  static async open(path: string, what: string, hint: string): Promise<Folder> {
    let real: string;
    try {
      real = await realpath(path);
      if (!(await stat(real)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      throw new Error(`Cannot read the ${what} ${path}: ${osReason(error)}; ${hint}`, { cause: error });
    }
    return new Folder(path, real);
  }

  /** What `name` (a path relative to the folder) is, without opening it. */
  async inspect(name: string): Promise<Entry> {
    const path = join(this.path, name);
    const entry = (kind: EntryKind, fields: Partial<Entry> = {}): Entry => ({ path, kind, target: null, identity: null, reason: null, mtimeMs: 0, ...fields });
    let info: Stats;
    try {
      info = await lstat(path);
    } catch (error) {
      return entry('unreadable', { reason: osReason(error) });
    }
    // A name inside that goes through a linked folder is judged by where it really leads.
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const said = await readlink(path).catch(() => null);
      if (code === 'ENOENT' || code === 'ELOOP') return entry('broken-link', { target: said, reason: osReason(error) });
      return entry('unreadable', { reason: osReason(error) });
    }
    const linked = info.isSymbolicLink() || real !== join(this.real, name);
    if (!isInside(this.real, real)) return entry('outside', { target: real });
    if (info.isSymbolicLink()) {
      try {
        info = await stat(real);
      } catch (error) {
        return entry('unreadable', { target: real, reason: osReason(error) });
      }
    }
    return entry(kindOf(info), { target: linked ? real : null, identity: identityOf(info), mtimeMs: info.isFile() ? info.mtimeMs : 0 });
  }

  /**
   * The bytes of a file `inspect` found, or its size alone when it has more than `maxBytes`.
   * Opened without following a link and without blocking, then checked to be the file inspected.
   */
  async read(entry: Entry, maxBytes: number): Promise<{ bytes: Uint8Array } | { size: number }> {
    if (entry.kind !== 'file') throw new Error(`${entry.path} is not a file`);
    const handle = await open(entry.target ?? entry.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (!info.isFile() || identityOf(info) !== entry.identity) {
        throw Object.assign(new Error('it changed while it was being read'), { code: 'ECHANGED' });
      }
      if (info.size > maxBytes) return { size: info.size };
      return { bytes: new Uint8Array(await handle.readFile()) };
    } finally {
      await handle.close();
    }
  }

  /** The bytes of `name`, which must be a file inside the folder: anything else is an error naming both. */
  async readBytes(name: string, maxBytes = 64 * 1024 * 1024): Promise<Uint8Array> {
    const entry = await this.inspect(name);
    const fail = (why: string, cause?: unknown): never => {
      throw new Error(`Cannot read ${entry.path}: ${why}`, { cause });
    };
    if (entry.kind === 'outside') fail(`it links to ${entry.target}, outside ${this.path}; only files inside the folder are read — put the file itself there`);
    if (entry.kind !== 'file') fail(describeEntry(entry));
    let read: Awaited<ReturnType<Folder['read']>>;
    try {
      read = await this.read(entry, maxBytes);
    } catch (error) {
      return fail(osReason(error), error);
    }
    return 'size' in read ? fail(`it has more than ${maxBytes} bytes`) : read.bytes;
  }

  async readText(name: string): Promise<string> {
    return Buffer.from(await this.readBytes(name)).toString('utf8');
  }
}

/** What an entry that is not a readable file is, in words. */
export function describeEntry(entry: Entry): string {
  switch (entry.kind) {
    case 'file':
      return 'a file';
    case 'folder':
      return 'a folder, not a file';
    case 'pipe':
      return 'a named pipe (FIFO), not a file';
    case 'socket':
      return 'a socket, not a file';
    case 'device':
      return 'a device, not a file';
    case 'outside':
      return `a link to ${entry.target}, outside the folder`;
    case 'broken-link':
      return `a link to ${entry.target ?? 'nothing'} that leads nowhere: ${entry.reason}`;
    case 'unreadable':
      return `cannot be read: ${entry.reason}`;
  }
}

