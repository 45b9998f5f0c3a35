// Seeds come from copy-paste and old archives: UTF-8 with or without a BOM, UTF-16 from
// Windows editors, and the odd windows-1252 file, which is what most "not UTF-8" text is.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding the text was read as; a page may declare any of them. */
  encoding: Encoding | (string & {});
  /** Where the first byte that is not UTF-8 stands, when the text fell back to windows-1252. */
  invalidAt?: { line: number; column: number };
  /** A charset the file declared that no decoder knows; the text was read as UTF-8 instead. */
  unknownCharset?: string;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

export function detectBom(bytes: Uint8Array): Encoding | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

// WHATWG's windows-1252 for bytes 0x80–0x9F, where it differs from Latin-1: curly quotes,
// dashes, the euro sign. Decoded by hand because Node's TextDecoder maps these bytes as
// Latin-1 control characters (nodejs/node#60888).
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  // Outside 0x80–0x9F the table has no entry and a byte is its own code point.
  for (const byte of bytes) chars.push(String.fromCharCode(WINDOWS_1252_C1[byte - 0x80] ?? byte));
  return chars.join('');
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes the bytes; the BOM, when there is one, is dropped. */
export function decode(bytes: Uint8Array): Decoded {
  const bom = detectBom(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', invalidAt: firstInvalid(bytes) };
}

/**
 * Decodes the bytes as the encoding `label` names (`iso-8859-1`, `Shift_JIS`…), as a browser
 * would read a page that declares it. Labels WHATWG maps to windows-1252 go through our own
 * table; UTF-8 keeps its fallback; a declared UTF-16 is UTF-8, since the bytes
 * that declared it were readable as ASCII.
 */
export function decodeAs(bytes: Uint8Array, label: string): Decoded {
  const encoding = whatwgEncoding(label);
  if (encoding === null) return { ...decode(bytes), unknownCharset: label };
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding };
  if (encoding === 'utf-8' || encoding.startsWith('utf-16')) return decode(bytes);
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** The canonical name of an encoding label, or null when there is no decoder for it. */
function whatwgEncoding(label: string): string | null {
  try {
    const { encoding } = new TextDecoder(label);
    // "replacement" is WHATWG's way of refusing encodings that smuggled scripts past filters.
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}

/** Line and column of the first byte that is not UTF-8, found as the decoder's U+FFFD. */
function firstInvalid(bytes: Uint8Array): { line: number; column: number } {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const at = Math.max(lossy.indexOf('\uFFFD'), 0);
  const before = lossy.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/** One form for every text: composed characters (NFC) and `\n` line ends. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n');
}
