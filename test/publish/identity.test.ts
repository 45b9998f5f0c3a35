// The pack's identifier (pipeline/publish/identity.ts): a urn:uuid shaped as a name-based (version 5)
// UUID whose bits are the SHA-256 of the pack's title and its articles' hashes, so the same articles
// under the same title keep the same EPUB identifier and PDF ID whatever the day, and any change to
// them makes a new one.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentIdentifier } from '../../pipeline/publish/identity.js';
import type { Brief } from '../../pipeline/model.js';
import { briefOf, sourceOf } from '../support/brief.js';

const storm = sourceOf('storm', 'Hurricane nears the coast', ['The storm strengthened overnight. Forecasters expect landfall on Friday.']);
const rates = sourceOf('rates', 'Central bank holds rates', ['The bank left its rate at 4.5 percent.']);
const pack = (title: string, sources = [storm, rates], generatedAt = '2025-03-03T00:00:00.000Z'): Brief => briefOf(sources, { title, generatedAt });

const UUID5 = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('contentIdentifier', () => {
  it.each([
    ['Storm & rates: week 12', [storm, rates]],
    ['Storm & rates: week 13', [storm, rates]],
    ['Storm only', [storm]],
    ['Rates only', [rates]],
    ['Test pack', [rates, storm]],
  ])('for "%s" is a version-5 UUID carrying the SHA-256 of the title and article hashes', (title, sources) => {
    const brief = pack(title, sources);
    const id = contentIdentifier(brief);
    expect(id).toMatch(UUID5);
    const hex = id.slice('urn:uuid:'.length).replaceAll('-', '');
    const digest = createHash('sha256')
      .update(JSON.stringify([title, sources.map((s) => s.hash)]))
      .digest('hex');
    // All 32 digits are the digest's but the version digit and the variant's two high bits.
    expect(hex.slice(0, 12)).toBe(digest.slice(0, 12));
    expect(hex.slice(13, 16)).toBe(digest.slice(13, 16));
    expect(parseInt(hex[16]!, 16) & 0x3).toBe(parseInt(digest[16]!, 16) & 0x3);
    expect(hex.slice(17)).toBe(digest.slice(17, 32));
  });

  it('is the same for the same articles under the same title, whatever the day', () => {
    expect(contentIdentifier(pack('Weekly', [storm, rates], '2025-03-03T00:00:00.000Z'))).toBe(
      contentIdentifier(pack('Weekly', [storm, rates], '2026-01-09T12:30:00.000Z')),
    );
  });

  it('changes with the title', () => {
    expect(contentIdentifier(pack('Weekly'))).not.toBe(contentIdentifier(pack('Weekly, revised')));
  });

  it('changes when an article changes, though its id and title stay', () => {
    const edited = { ...storm, hash: 'f'.repeat(64) };
    expect(contentIdentifier(pack('Weekly', [edited, rates]))).not.toBe(contentIdentifier(pack('Weekly', [storm, rates])));
  });

  it('changes when an article is added', () => {
    expect(contentIdentifier(pack('Weekly', [storm]))).not.toBe(contentIdentifier(pack('Weekly', [storm, rates])));
  });

  it('is different for different packs', () => {
    const ids = ['A', 'B', 'C'].flatMap((title) => [[storm], [rates], [storm, rates]].map((sources) => contentIdentifier(pack(title, sources))));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
