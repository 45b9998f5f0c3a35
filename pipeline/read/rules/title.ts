// The title is the depth-1 heading the article opens with (the first line of a plain-text
// seed); front matter wins over it. A short "Section: " prefix is the kicker.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { SOURCE } from '../file.js';
import { plainTextOf } from '../mdast.js';

const MAX_KICKER_WORDS = 3;
const KICKER = /^(\p{Lu}[^:]*?):\s+(\S.*)$/u;

/** "Media: NATO eyes …" → kicker "Media"; a long prefix is part of the title. */
export function splitKicker(headline: string): { kicker: string | null; title: string } {
  const match = KICKER.exec(headline);
  const [, kicker = '', title = ''] = match ?? [];
  const short = kicker.split(/\s+/).length <= MAX_KICKER_WORDS && !/[.!?]$/.test(kicker);
  // "Rutte: “We must do more”" names a speaker, not a section.
  const quoted = /^["“'‘«]/u.test(title);
  return match && short && !quoted ? { kicker, title } : { kicker: null, title: headline };
}

export const readTitle: Plugin<[], Root> = function () {
  return (tree, file) => {
    const frontMatter = file.data.frontMatter ?? {};
    const first = tree.children[0];
    const heading = first?.type === 'heading' && first.depth === 1 ? first : null;
    if (heading) tree.children.shift();
    const headline = heading ? plainTextOf(heading) : '';
    const { kicker, title } =
      frontMatter.title !== undefined ? { kicker: null, title: frontMatter.title } : splitKicker(headline);
    file.data.kicker = frontMatter.kicker ?? kicker;
    file.data.title = title || (file.stem ?? '');
    if (!title) {
      file.info('no title found: neither front matter nor a short first line gives one; the file name stands in', {
        place: { line: 1, column: 1 },
        ruleId: 'no-title',
        source: SOURCE,
      });
    }
  };
};
