// The pack's identity: the same articles under the same title are the same pack, whatever the
// day. It names the EPUB (dc:identifier) and seeds the PDF's trailer ID.
import { createHash } from 'node:crypto';
import type { Brief } from '../model.js';

/** A urn:uuid derived from the pack's content, so the same pack keeps the same identifier. */
export function contentIdentifier(brief: Brief): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([brief.title, brief.sources.map((s) => s.hash)]))
    .digest('hex');
  // Shaped as a version-5-style UUID: name-based, not random.
  const hex = `${digest.slice(0, 12)}5${digest.slice(13, 16)}${((parseInt(digest[16]!, 16) & 0x3) | 0x8).toString(16)}${digest.slice(17, 32)}`;
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
