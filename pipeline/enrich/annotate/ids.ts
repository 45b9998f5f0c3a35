// Content-derived identifiers: the same wording gives the same id in every build and any order.
import { createHash } from 'node:crypto';

/** Lower-case, typographic marks folded, punctuation dropped, spaces collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/'(?!\p{L})|(?<!\p{L})'/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `<prefix>-` + the first 8 hex digits of the SHA-256 of the normalized text. */
export function contentId(prefix: string, text: string): string {
  return `${prefix}-${createHash('sha256').update(normalizeText(text)).digest('hex').slice(0, 8)}`;
}
