// Copies among a pack's articles: the same article published twice, an updated version of it (a
// longer rewrite that keeps most of its text), the same wire text under another outlet's name.
//
// An article is a set of word 5-shingles (Broder's w-shingling), hashed. Article B copies an
// earlier article A when most of the shorter of the two is in the other: containment
// |A ∩ B| / min(|A|, |B|) of at least COPY_SHARE. The earliest (by date, then the shorter, then
// by place in the pack) is the original, and every copy points at its original, never at another copy. Shared
// shingles are counted through an index of the originals' shingles, so the work grows with how
// many originals share each shingle, not with the square of the pack.
import { words } from '../annotate/text.js';

export interface CopyArticle {
  title: string;
  text: string;
  /** ISO date, when the article gives one: the earlier of two copies is the original. */
  date?: string | null;
}

/** Words a shingle spans. */
export const SHINGLE = 5;
/** Share of the shorter article that must be in the other. */
export const COPY_SHARE = 0.7;
/** Shingles an article needs to be compared by share; shorter ones are copies only word for word. */
export const MIN_SHINGLES = 8;

/** 32-bit FNV-1a of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shinglesOf(tokens: readonly string[]): Set<number> {
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) shingles.add(hash(tokens.slice(i, i + SHINGLE).join(' ')));
  return shingles;
}

export interface Copy {
  /** The copy's number in the pack. */
  copy: number;
  /** The original's number. */
  original: number;
  /** Share of the shorter article found in the other, 0–1. */
  share: number;
}

/**
 * For each article, the number of the article it copies, or null for an original. An article
 * with no words is never a copy.
 */
export function findCopies(articles: readonly CopyArticle[]): { of: (number | null)[]; copies: Copy[] } {
  const tokens = articles.map((a) => words(a.text.trim() === '' ? a.title : a.text));
  const shingles = tokens.map(shinglesOf);
  const exact = tokens.map((t) => t.join(' '));
  // Earliest first: dated articles by date, then the undated. On one day the shorter comes first,
  // since an update adds to what it updates; then the order of the pack.
  const order = articles
    .map((a, i) => ({ i, date: a.date ?? '', length: (tokens[i] as string[]).length }))
    .sort((x, y) => (x.date && y.date ? x.date.localeCompare(y.date) : x.date ? -1 : y.date ? 1 : 0) || x.length - y.length || x.i - y.i)
    .map((x) => x.i);
  const rank = new Int32Array(articles.length);
  order.forEach((i, r) => (rank[i] = r));
  const of: (number | null)[] = articles.map(() => null);
  const copies: Copy[] = [];
  const byText = new Map<string, number>();
  const postings = new Map<number, number[]>(); // shingle → originals that hold it
  for (const i of order) {
    const own = shingles[i] as Set<number>;
    const text = exact[i] as string;
    if (text === '') continue;
    const twin = byText.get(text);
    if (twin !== undefined) {
      of[i] = twin;
      copies.push({ copy: i, original: twin, share: 1 });
      continue;
    }
    let found: Copy | null = null;
    if (own.size >= MIN_SHINGLES) {
      const shared = new Map<number, number>();
      for (const s of own) for (const j of postings.get(s) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
      for (const [j, count] of shared) {
        const other = shingles[j] as Set<number>;
        if (other.size < MIN_SHINGLES) continue;
        const share = count / Math.min(own.size, other.size);
        // The closest original wins; among equals, the earliest.
        if (share >= COPY_SHARE && (!found || share > found.share || (share === found.share && (rank[j] as number) < (rank[found.original] as number)))) {
          found = { copy: i, original: j, share };
        }
      }
    }
    if (found) {
      of[i] = found.original;
      copies.push(found);
      continue;
    }
    byText.set(text, i);
    for (const s of own) {
      const list = postings.get(s);
      if (list) list.push(i);
      else postings.set(s, [i]);
    }
  }
  return { of, copies: copies.sort((a, b) => a.copy - b.copy) };
}
