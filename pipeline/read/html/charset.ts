// A saved page says which encoding it is in. Browsers believe a byte order mark first, then
// a <meta> in the first 1024 bytes (WHATWG's prescan), and only then guess; so do we.
import { decode, decodeAs, detectBom, type Decoded } from '../decode.js';

const PRESCAN_BYTES = 1024;
const META = /<meta\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s"'=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const CHARSET_IN_CONTENT = /charset\s*=\s*["']?([^\s"';]+)/i;
/** A comment, or one the first 1024 bytes cut off. */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** `<meta charset=…>`, or `<meta http-equiv=content-type content="…; charset=…">`. */
function charsetOf(attributes: Map<string, string>): string | null {
  const charset = attributes.get('charset')?.trim();
  if (charset) return charset;
  if (attributes.get('http-equiv')?.trim().toLowerCase() !== 'content-type') return null;
  return CHARSET_IN_CONTENT.exec(attributes.get('content') ?? '')?.[1] ?? null;
}

/** The charset the page declares near its start, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Labels and markup are ASCII, and Latin-1 maps every byte to one character.
  // Comments are skipped, as the prescan skips them: a commented-out declaration declares nothing.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES)).replace(COMMENT, ' ');
  for (const match of head.matchAll(META)) {
    const charset = charsetOf(attributesOf(match[1] ?? ''));
    if (charset) return charset;
  }
  return null;
}

/** Decodes a page: BOM, else its declared charset, else UTF-8 with the windows-1252 fallback. */
export function decodeHtml(bytes: Uint8Array): Decoded {
  if (detectBom(bytes)) return decode(bytes);
  const charset = declaredCharset(bytes);
  return charset ? decodeAs(bytes, charset) : decode(bytes);
}
