// READ: one seed file's bytes → a Source (metadata, mdast, sentences with ids) and the
// diagnostics met on the way. Pure: the caller reads the file; nothing here touches the
// disk, the clock or chance, and bad input becomes diagnostics, never an exception.
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import type { Diagnostic, ReadResult, Source } from '../model.js';
import { formatOf, refuseBytes, refuseText, type ReadableFormat, type Refusal } from './admit.js';
import { decode, normalizeText, type Decoded } from './decode.js';
import { SOURCE, createFile, diagnosticsOf } from './file.js';
import { takeFrontMatter } from './front-matter.js';
import { decodeHtml } from './html/charset.js';
import { readPage } from './html/page.js';
import { plainTextOf, visitNodes } from './mdast.js';
import { readAttribution } from './rules/attribution.js';
import { dropBoilerplate } from './rules/boilerplate.js';
import { readByline } from './rules/byline.js';
import { readPublished } from './rules/published.js';
import { splitIntoSentences } from './rules/sentences.js';
import { stripPositions } from './rules/strip-positions.js';
import { readTitle } from './rules/title.js';
import { dropImages } from './rules/images.js';
import { textParse } from './text/parse.js';

export interface ReadOptions {
  /** Larger files are refused unread; 5 MB by default. */
  maxBytes?: number;
  /** The source id when the file name alone would not be unique in the pack (a.txt beside a.md). */
  id?: string;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export { formatDiagnostic } from './diagnostic.js';

export function readSource(input: { path: string; bytes: Uint8Array }, options: ReadOptions = {}): ReadResult {
  const { path, bytes } = input;
  const format = formatOf(path);
  if (typeof format !== 'string') return refused(path, format);
  const sizeRefusal = refuseBytes(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (sizeRefusal) return refused(path, sizeRefusal);
  const decoded = format === 'html' ? decodeHtml(bytes) : decode(bytes);
  const textRefusal = refuseText(decoded.text);
  if (textRefusal) return refused(path, textRefusal);
  try {
    return readText(path, format, decoded, bytes, options.id);
  } catch (error) {
    // A rule that trips on some text must not take the whole pack down with it.
    const reason = error instanceof Error ? error.message : String(error);
    const message = `could not read this file: ${reason}; it was skipped`;
    return refused(path, { severity: 'error', ruleId: 'read-failed', message });
  }
}

function refused(path: string, refusal: Refusal): ReadResult {
  return { source: null, diagnostics: [{ file: path, line: 0, column: 0, ...refusal }] };
}

function readText(path: string, format: ReadableFormat, decoded: Decoded, bytes: Uint8Array, givenId?: string): ReadResult {
  const file = createFile(path, normalizeText(decoded.text));
  reportEncoding(file, decoded);
  const id = givenId ?? sourceIdOf(file);
  const tree = parse(file, format);
  if (tree === null) return { source: null, diagnostics: diagnosticsOf(file, path) };
  applyRules(tree, file, id);
  const source: Source = {
    id,
    path,
    format,
    title: file.data.title ?? id,
    kicker: file.data.kicker ?? null,
    author: file.data.author ?? null,
    via: file.data.via ?? [],
    published: file.data.published ?? null,
    lang: file.data.frontMatter?.lang ?? 'en',
    headings: headingsOf(tree),
    boilerplate: file.data.boilerplate ?? [],
    sentences: file.data.sentences ?? [],
    tree,
    hash: createHash('sha256').update(bytes).digest('hex'),
    duplicateOf: null,
  };
  return { source, diagnostics: diagnosticsOf(file, path) };
}

/**
 * The rules in the order they depend on each other: boilerplate goes before the byline is
 * looked for at the end, the date before the byline's own date, everything before the
 * sentences are counted.
 */
function applyRules(tree: Root, file: VFile, sourceId: string): void {
  unified()
    .use(dropImages)
    .use(readTitle)
    .use(dropBoilerplate)
    .use(readPublished)
    .use(readByline)
    .use(readAttribution)
    .use(splitIntoSentences, { sourceId })
    .use(stripPositions)
    .runSync(tree, file);
}

/** The file's article as mdast; null when a web page holds no article. */
function parse(file: VFile, format: ReadableFormat): Root | null {
  const text = String(file.value);
  if (format === 'html') return readPage(file);
  if (format === 'text') return unified().use(textParse).parse(text);
  return unified().use(remarkParse).use(remarkGfm).parse(takeFrontMatter(text, file));
}

function reportEncoding(file: VFile, decoded: Decoded): void {
  if (decoded.unknownCharset !== undefined) {
    file.message(`the file declares the charset "${decoded.unknownCharset}", which I cannot decode; read it as UTF-8`, {
      ruleId: 'unknown-charset',
      source: SOURCE,
    });
  }
  // A windows-1252 the file declares is no guess; only the fallback from UTF-8 is.
  if (decoded.invalidAt === undefined) return;
  file.message('the file is not valid UTF-8; read it as windows-1252 — save it as UTF-8 to be sure', {
    place: decoded.invalidAt ?? null,
    ruleId: 'not-utf8',
    source: SOURCE,
  });
}

/**
 * The file name without its extension. Sentence ids are `<id>:s<N>`, so white space and
 * colons, which would make them ambiguous, become hyphens.
 */
function sourceIdOf(file: VFile): string {
  const stem = file.stem ?? '';
  const id = stem.replace(/[\s:]+/g, '-');
  if (id !== stem) {
    file.info(`the source id is "${id}": white space and colons in "${stem}" would break sentence ids`, {
      ruleId: 'source-id',
      source: SOURCE,
    });
  }
  return id;
}

function headingsOf(tree: Root): string[] {
  const headings: string[] = [];
  visitNodes(tree, (node) => {
    if (node.type === 'heading') headings.push(plainTextOf(node));
  });
  return headings;
}
