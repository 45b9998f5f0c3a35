// How the HTML reader compares the page's texts: headlines stated several ways, site names
// written "The Hill" or "TheHill", parts of a <title> between separators.

/** " | ", " - ", " – ", " — ", " » ", " :: ": what sites put between headline, name and tagline. */
export const SEPARATOR = /\s+(?:[|–—»·•]|-{1,2}|::)\s+/;

/** Lower case, letters and digits only: "The Hill" and "TheHill" compare equal. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice coefficient over the two texts' words: 1 for the same words, 0 for none shared. */
export function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(word, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}
