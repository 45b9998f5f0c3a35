// The scores of scrapinghub/article-extraction-benchmark (evaluate.py): precision, recall and
// F1 over 4-token shingles, tokens being runs of word characters (Python's `\w+`), and the
// corpus F1 taken from the mean precision and mean recall. Also the plainer score the issue
// describes: white-space tokens compared as multisets.

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  /** Whether anything was predicted / expected: evaluate.py leaves such pages out of the means. */
  predicted: boolean;
  expected: boolean;
}

const SHINGLE = 4;

function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function counts(items: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

/** evaluate.py's precision and recall, with its conventions for empty texts. */
function scoreCounts(gold: Map<string, number>, predicted: Map<string, number>): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...gold.keys(), ...predicted.keys()])) {
    const g = gold.get(key) ?? 0;
    const p = predicted.get(key) ?? 0;
    tp += Math.min(g, p);
    fp += Math.max(0, p - g);
    fn += Math.max(0, g - p);
  }
  const precision = fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: f1Of(precision, recall), predicted: tp + fp > 0, expected: tp + fn > 0 };
}

function shingles(text: string): string[] {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const result: string[] = [];
  for (let i = 0; i < Math.max(1, tokens.length - SHINGLE + 1); i += 1) {
    const shingle = tokens.slice(i, i + SHINGLE);
    if (shingle.length > 0) result.push(shingle.join('\u0000'));
  }
  return result;
}

/** The benchmark's score of one page. */
export function shingleScore(gold: string, predicted: string): Score {
  return scoreCounts(counts(shingles(gold)), counts(shingles(predicted)));
}

/** White-space tokens as multisets. */
export function tokenScore(gold: string, predicted: string): Score {
  const tokens = (text: string): string[] => text.split(/\s+/).filter(Boolean);
  return scoreCounts(counts(tokens(gold)), counts(tokens(predicted)));
}

/** The benchmark's corpus F1: from the mean precision and the mean recall. */
export function corpusF1(scores: readonly Score[]): number {
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
  const precision = mean(scores.filter((s) => s.predicted).map((s) => s.precision));
  const recall = mean(scores.filter((s) => s.expected).map((s) => s.recall));
  return f1Of(precision, recall);
}
