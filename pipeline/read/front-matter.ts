// YAML front matter of Markdown seeds. The block is blanked out rather than cut, so the
// Markdown parser still reports the file's own line numbers.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { VFile } from 'vfile';
import { SOURCE } from './file.js';
import { languageTag } from './language-tag.js';

const Text = z.union([z.string(), z.number()]).transform(String);
const Names = z.union([Text, z.array(Text)]).transform((value) => (Array.isArray(value) ? value : [value]));

const FrontMatterSchema = z.object({
  title: Text.optional(),
  kicker: Text.optional(),
  author: Names.optional(),
  source: Names.optional(),
  publisher: Names.optional(),
  date: Text.optional(),
  lang: Text.optional(),
});

export interface FrontMatter {
  title?: string;
  kicker?: string;
  author?: string;
  via?: string[];
  /** As written; the published rule turns it into an ISO date. */
  date?: string;
  lang?: string;
}

const BLOCK = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?=\n|$)/;

/** Front matter of `text` (recorded on `file.data`) and the text with that block blanked. */
export function takeFrontMatter(text: string, file: VFile): string {
  const match = BLOCK.exec(text);
  if (!match) return text;
  file.data.frontMatter = parseFrontMatter(match[1] ?? '', file);
  return match[0].replace(/[^\n]/g, '') + text.slice(match[0].length);
}

function parseFrontMatter(yaml: string, file: VFile): FrontMatter {
  const document = parseDocument(yaml);
  const [error] = document.errors;
  if (error) {
    const place = error.linePos?.[0];
    // The parser's own "at line 2, column 1" counts from the YAML block, not the file.
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    file.message(`front matter is not valid YAML: ${reason}`, {
      place: place ? { line: place.line + 1, column: place.col } : { line: 1, column: 1 },
      ruleId: 'front-matter',
      source: SOURCE,
    });
    return {};
  }
  const parsed = FrontMatterSchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    file.message(`front matter ignored: unexpected value for ${fields}`, {
      place: { line: 2, column: 1 },
      ruleId: 'front-matter',
      source: SOURCE,
    });
    return {};
  }
  const lang = parsed.data.lang === undefined ? undefined : languageTag(parsed.data.lang);
  if (lang === null) {
    // Found by its key in the block; the block starts on the file's second line.
    const line = yaml.split('\n').findIndex((l) => /^lang\s*:/.test(l));
    file.message(`front matter lang "${parsed.data.lang}" is not a language tag such as en or en-GB; the article is read as English`, {
      place: { line: line + 2, column: 1 },
      ruleId: 'front-matter',
      source: SOURCE,
    });
  }
  return toFrontMatter(parsed.data, lang ?? undefined);
}

function toFrontMatter(data: z.infer<typeof FrontMatterSchema>, lang: string | undefined): FrontMatter {
  const via = [...(data.source ?? []), ...(data.publisher ?? [])];
  return {
    ...(data.title !== undefined && { title: data.title.trim() }),
    ...(data.kicker !== undefined && { kicker: data.kicker.trim() }),
    ...(data.author !== undefined && { author: data.author.join(', ') }),
    ...(via.length > 0 && { via: [...new Set(via)] }),
    ...(data.date !== undefined && { date: data.date.trim() }),
    ...(lang !== undefined && { lang }),
  };
}
