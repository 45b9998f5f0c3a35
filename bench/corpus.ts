// The packs make bench builds, the same bytes on every machine and every run, with no network.
// The smallest pack is the seeds as they are. Larger ones cycle through the seeds' texts and the
// benchmark corpus's real article bodies (the gold articleBody of each page), written as plain
// text articles: a title line, a blank line, paragraphs. Each pass over the texts rotates their
// paragraphs and numbers their titles, so no two articles are the same file.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Text {
  title: string;
  paragraphs: string[];
  origin: string;
}

export interface Pack {
  dir: string;
  files: string[];
  bytes: number;
}

const PLAIN_EXTENSIONS = /\.(txt|text|md|markdown)$/i;
const ARTICLE_EXTENSIONS = /\.(txt|text|md|markdown|html?|xhtml)$/i;
const OVERLAY = 'brief.yaml';
const TITLE_MAX = 120;

/** The seeds' article files, sorted as the CLI reads them. */
function seedNames(seeds: string): string[] {
  return readdirSync(seeds)
    .filter((name) => ARTICLE_EXTENSIONS.test(name) && statSync(join(seeds, name)).isFile())
    .sort();
}

/** A plain-text seed: its first line is the title, each further line a paragraph. */
export function seedTexts(seeds: string): Text[] {
  return seedNames(seeds)
    .filter((name) => PLAIN_EXTENSIONS.test(name))
    .flatMap((name) => {
      const [title, ...rest] = readFileSync(join(seeds, name), 'utf8')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      return title === undefined || rest.length === 0 ? [] : [{ title, paragraphs: rest, origin: join(seeds, name) }];
    });
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  if (sentence.length <= TITLE_MAX) return sentence;
  const cut = sentence.slice(0, TITLE_MAX);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : TITLE_MAX)}…`;
}

function paragraphsOf(body: string): string[] {
  const blocks = body.includes('\n\n') ? body.split(/\n\s*\n/) : body.split('\n');
  return blocks.map((block) => block.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** The corpus's article bodies in file-name order; none, with the reason, when it is missing. */
export function corpusTexts(corpus: string): { texts: Text[]; missing: string | null } {
  if (!existsSync(corpus)) return { texts: [], missing: `no corpus at ${corpus}: the packs repeat the seeds only` };
  const texts = readdirSync(corpus)
    .filter((name) => name.endsWith('.gold.json'))
    .sort()
    .flatMap((name) => {
      const gold = JSON.parse(readFileSync(join(corpus, name), 'utf8')) as Record<string, unknown>;
      const body = typeof gold.articleBody === 'string' ? gold.articleBody : '';
      const paragraphs = paragraphsOf(body);
      const named = [gold.headline, gold.title].find((t): t is string => typeof t === 'string' && t.trim() !== '');
      const title = named?.trim() ?? firstSentence(paragraphs[0] ?? '');
      return paragraphs.length === 0 ? [] : [{ title, paragraphs, origin: join(corpus, name) }];
    });
  return { texts, missing: null };
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/** The article at position `index`: its text's pass number decides the rotation and the title. */
export function article(texts: readonly Text[], index: number): string {
  const text = texts[index % texts.length];
  if (text === undefined) throw new Error('no texts to build a pack from');
  const pass = Math.floor(index / texts.length);
  const title = pass === 0 ? text.title : `${text.title} (${pass + 1})`;
  return `${title}\n\n${rotate(text.paragraphs, pass).join('\n\n')}\n`;
}

/**
 * Writes the pack of `size` articles into `dir`, replacing what was there. Up to the number of
 * seeds, the pack is the first seeds copied as they are, with their brief.yaml; beyond, it is
 * generated from `texts`. `files` lists the articles only.
 */
export function writePack(dir: string, size: number, seeds: string, texts: readonly Text[]): Pack {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seedFiles = seedNames(seeds);
  const files: string[] = [];
  if (size <= seedFiles.length) {
    for (const name of seedFiles.slice(0, size)) {
      copyFileSync(join(seeds, name), join(dir, name));
      files.push(join(dir, name));
    }
    if (existsSync(join(seeds, OVERLAY))) copyFileSync(join(seeds, OVERLAY), join(dir, OVERLAY));
  } else {
    const width = String(size).length;
    for (let index = 0; index < size; index += 1) {
      const path = join(dir, `${String(index + 1).padStart(width, '0')}.txt`);
      writeFileSync(path, article(texts, index));
      files.push(path);
    }
  }
  const bytes = files.reduce((sum, path) => sum + statSync(path).size, 0);
  return { dir, files, bytes };
}
