// Fonts from npm (@fontsource), embedded: as data: URLs in the print page, which may load nothing
// else, and as files inside the EPUB. The packages' own @font-face rules (with their unicode-range)
// are reused; only their url() changes.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { Folder } from '../folder.js';

const FontList = z.object({
  faces: z.array(
    z.object({
      // Names only: a path in them would lead out of node_modules.
      package: z.string().regex(/^@fontsource\/[a-z0-9][a-z0-9-]*$/, 'an @fontsource package name'),
      weight: z.number().int(),
      style: z.enum(['normal', 'italic']),
      subsets: z.array(z.string().regex(/^[a-z0-9-]+$/, 'a subset name such as latin')).min(1),
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

function parseList(text: string, path: string): z.infer<typeof FontList> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}); restore it from git`, { cause: error });
  }
  const parsed = FontList.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}; restore it from git`);
  }
  return parsed.data;
}

/** The package's folder, the boundary for what its CSS may pull in. */
async function packageFolder(name: string): Promise<Folder> {
  let dir: string;
  try {
    dir = dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    throw new Error(`The font package ${name} is not installed: run npm ci`, { cause: error });
  }
  return Folder.open(dir, 'font package', 'run npm ci');
}

/** The @font-face block for one subset, with its woff fallback dropped: every target reads woff2. */
function faceRule(css: string, blockName: string): { rule: string; file: string } | null {
  const start = css.indexOf(`/* ${blockName} */`);
  if (start < 0) return null;
  const end = css.indexOf('}', start);
  const rule = css.slice(css.indexOf('@font-face', start), end + 1).replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/, '');
  const file = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(rule)?.[1];
  return file ? { rule, file } : null;
}

/** The faces `listText` (fonts.json, at `listPath`) names, read from their packages. */
export async function loadFonts(listText: string, listPath: string): Promise<Fonts> {
  const list = parseList(listText, listPath);
  const printRules: string[] = [];
  const epubRules: string[] = [];
  const files: FontFile[] = [];
  for (const face of list.faces) {
    const dir = await packageFolder(face.package);
    const family = face.package.slice('@fontsource/'.length);
    const css = await dir.readText(`${face.weight}${face.style === 'italic' ? '-italic' : ''}.css`);
    for (const subset of face.subsets) {
      const found = faceRule(css, `${family}-${subset}-${face.weight}-${face.style}`);
      if (!found) throw new Error(`${listPath}: ${face.package} has no ${subset} subset at weight ${face.weight} ${face.style}`);
      const data = await dir.readBytes(join('files', found.file));
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
