// Opening a built EPUB: its files, its nav and its internal links.
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

export interface EpubFiles {
  text: (name: string) => Promise<string>;
  bytes: (name: string) => Promise<Uint8Array>;
  names: string[];
}

export async function openEpub(path: string): Promise<EpubFiles> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const entry = (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is not in ${path}`);
    return file;
  };
  return {
    names: Object.keys(zip.files),
    text: (name) => entry(name).async('string'),
    bytes: (name) => entry(name).async('uint8array'),
  };
}

/** Link texts and targets of the nav's table of contents, in order. */
export function navEntries(xhtml: string): { title: string; href: string }[] {
  const toc = /<nav[^>]*epub:type="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(xhtml)?.[1] ?? '';
  return [...toc.matchAll(/<a href="([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({ href: m[1]!, title: decode(m[2]!.replace(/<[^>]+>/g, '').trim()) }));
}

function decode(text: string): string {
  return text.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Internal links whose file or fragment does not exist; empty when every link lands. */
export async function brokenLinks(epub: EpubFiles, folder = 'OEBPS/'): Promise<string[]> {
  const chapters = epub.names.filter((n) => n.startsWith(folder) && n.endsWith('.xhtml'));
  const ids = new Map<string, Set<string>>();
  const texts = new Map<string, string>();
  for (const name of chapters) {
    const text = await epub.text(name);
    texts.set(name, text);
    ids.set(name.slice(folder.length), new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  }
  const broken: string[] = [];
  for (const [name, text] of texts) {
    for (const [, href] of text.matchAll(/\s(?:xlink:)?href="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(href!) || href!.endsWith('.css')) continue;
      const [file, fragment] = href!.split('#') as [string, string | undefined];
      const target = file === '' ? name.slice(folder.length) : file;
      const known = ids.get(target);
      if (!known || (fragment && !known.has(fragment))) broken.push(`${name} → ${href}`);
    }
  }
  return broken;
}
