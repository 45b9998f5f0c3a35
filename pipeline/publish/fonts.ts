// Fonts from npm (@fontsource), embedded: as data: URLs in the print page, which may load nothing
// else, and as files inside the EPUB. The packages' own @font-face rules (with their unicode-range)
// are reused; only their url() changes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const FontList = z.object({
  faces: z.array(
    z.object({
      package: z.string().startsWith('@fontsource/'),
      weight: z.number().int(),
      style: z.enum(['normal', 'italic']),
      subsets: z.array(z.string()).min(1),
    }),
  ),
});

export interface FontFile {
  filename: string;
  data: Uint8Array;
}

export interface Fonts {
  /** @font-face rules whose sources are data: URLs. */
  printCss: string;
  /** @font-face rules whose sources are `fonts/<file>` inside the EPUB. */
  epubCss: string;
  files: FontFile[];
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    throw new Error(`The font package ${name} is not installed: run npm ci`, { cause: error });
  }
}

/** The @font-face block for one subset, with its woff fallback dropped: every target reads woff2. */
function faceRule(css: string, blockName: string): { rule: string; file: string } | null {
  const start = css.indexOf(`/* ${blockName} */`);
  if (start < 0) return null;
  const end = css.indexOf('}', start);
  const rule = css.slice(css.indexOf('@font-face', start), end + 1).replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/, '');
  const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
  return file ? { rule, file } : null;
}

export async function loadFonts(listPath: string): Promise<Fonts> {
  const list = FontList.parse(JSON.parse(await readFile(listPath, 'utf8')));
  const printRules: string[] = [];
  const epubRules: string[] = [];
  const files: FontFile[] = [];
  for (const face of list.faces) {
    const dir = packageDir(face.package);
    const family = face.package.slice('@fontsource/'.length);
    const css = await readFile(join(dir, `${face.weight}${face.style === 'italic' ? '-italic' : ''}.css`), 'utf8');
    for (const subset of face.subsets) {
      const found = faceRule(css, `${family}-${subset}-${face.weight}-${face.style}`);
      if (!found) throw new Error(`${listPath}: ${face.package} has no ${subset} subset at weight ${face.weight} ${face.style}`);
      const data = new Uint8Array(await readFile(join(dir, 'files', found.file)));
      const url = `./files/${found.file}`;
      // No font-display: swap; print waits for the face rather than laying out twice.
      const rule = found.rule.replace(/\s*font-display: swap;/, '');
      printRules.push(rule.replace(url, `data:font/woff2;base64,${Buffer.from(data).toString('base64')}`));
      epubRules.push(rule.replace(url, `fonts/${found.file}`));
      files.push({ filename: found.file, data });
    }
  }
  return { printCss: printRules.join('\n'), epubCss: epubRules.join('\n'), files };
}
