// Direct quotes and their speakers on PolNeAR (issue 13): every attribution in its articles is annotated
// as source / cue / content (brat standoff files). bench/stories.md says how to get the set.
//
//   node build/bench/quotes.js [--polnear DIR] [--split train|dev|test|all] [--worst N]
//
// A gold direct quote is a span in quotation marks, of four words or more, inside an attribution's
// content; its gold speaker is that attribution's source span as the text has it ("he", "the
// spokesman", "Sen. Ted Cruz"), or none. Each of our quotes is matched to the gold quote whose words it
// shares most (at least 80 % of the shorter). Then:
//   - found: the share of gold quotes matched (recall), and the share of our quotes that match one;
//   - speaker right: of the matched gold quotes that have a source, the share where the speaker we
//     give is the gold source: as written (`said`, the mention we attributed the quote to, shares a
//     content word with the gold span, or is the same pronoun), or, for a named gold source, the
//     actor we resolved it to shares a name word with it;
//   - strict: the gold source's head word (its last word before an apposition or affiliation: "cruz"
//     in "Sen. Ted Cruz (R-Tex.)", "woman" in "Clinton's right-hand woman") is a word of ours;
//   - no speaker: matched quotes with a gold source to which we gave none (counted wrong above).
// train is where the rules are developed; dev and test are kept aside and reported apart.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../pipeline/enrich/annotate/index.js';
import type { Quote } from '../pipeline/model.js';
import { readSource } from '../pipeline/read/index.js';

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

interface Span {
  type: string;
  ranges: Array<[number, number]>;
  text: string;
}

export interface GoldQuote {
  /** The words inside the quotation marks. */
  text: string;
  start: number;
  /** The source span's text, or null for an attribution without one. */
  source: string | null;
}

export interface GoldArticle {
  id: string;
  split: Split;
  text: string;
  quotes: GoldQuote[];
  /** Every attribution's content, for judging whether a quote we find is one. */
  contents: string[];
}

/** brat standoff: `T1\tSource 110 112\twe`, `T3\tContent 10 20;30 40\t…`, `E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`. */
export function parseBrat(ann: string): Array<Record<string, Span>> {
  const spans = new Map<string, Span>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split('\n')) {
    const [id, body, text] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const [type = '', ...rest] = body.split(' ');
      const ranges = rest
        .join(' ')
        .split(';')
        .map((r) => r.split(' ').map(Number) as [number, number])
        .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
      spans.set(id, { type, ranges, text: text ?? '' });
    } else if (id.startsWith('E')) {
      events.push(Object.fromEntries(body.split(' ').map((part) => part.split(':') as [string, string])));
    }
  }
  return events.map((event) => {
    const out: Record<string, Span> = {};
    for (const [role, ref] of Object.entries(event)) {
      const span = spans.get(ref);
      if (span) out[role.replace(/\d+$/, '')] = span;
    }
    return out;
  });
}

const QUOTED = /[“"]([^“”"]+)[”"]/g;
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The quoted spans of four words or more inside an attribution's content ranges. */
export function goldQuotes(text: string, attributions: ReadonlyArray<Record<string, Span>>): GoldQuote[] {
  const quotes: GoldQuote[] = [];
  for (const a of attributions) {
    const content = a.Content;
    if (!content) continue;
    const source = a.Source ? a.Source.ranges.map(([s, e]) => text.slice(s, e)).join(' ') : null;
    for (const [s, e] of content.ranges) {
      // Widen by one character each side: the marks are often just outside the annotated content.
      const from = Math.max(0, s - 1);
      const piece = text.slice(from, Math.min(text.length, e + 1));
      for (const m of piece.matchAll(QUOTED)) {
        if (wordsOf(m[1] ?? '').length >= 4) quotes.push({ text: m[1] ?? '', start: from + (m.index ?? 0), source });
      }
    }
  }
  return quotes;
}

export function loadPolnearQuotes(dir: string, splits: readonly Split[] = SPLITS): GoldArticle[] {
  const articles: GoldArticle[] = [];
  for (const split of splits) {
    const textDir = join(dir, 'data', split, 'text');
    const annDir = join(dir, 'data', split, 'attributions');
    if (!existsSync(textDir) || !existsSync(annDir)) continue;
    const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
    for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
      const stem = file.replace(/\.txt$/, '');
      // Doubly annotated articles have one file per annotator: the first is taken.
      const ann = anns.find((a) => a.startsWith(`${stem}_`));
      if (!ann) continue;
      const text = readFileSync(join(textDir, file), 'utf8');
      const attributions = parseBrat(readFileSync(join(annDir, ann), 'utf8'));
      articles.push({
        id: stem,
        split,
        text,
        quotes: goldQuotes(text, attributions),
        contents: attributions.flatMap((a) => (a.Content ? [a.Content.ranges.map(([s, e]) => text.slice(s, e)).join(' ')] : [])),
      });
    }
  }
  return articles;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const MINOR = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'for', 'on', 'at', 'to', 'his', 'her', 'their', 'its', 'mr', 'ms', 'mrs', 'dr', 'sen', 'rep', 'gov', 'said', 's']);

/** Share of the shorter text's words the other holds (as a multiset prefix match is overkill here). */
function overlap(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = new Set(wordsOf(b));
  if (wa.length === 0 || wb.size === 0) return 0;
  const [short, long] = wa.length <= wb.size ? [wa, wb] : [[...wb], new Set(wa)];
  return short.filter((w) => long.has(w)).length / short.length;
}

/** Whether a speaker we give is the gold source. */
export function sameSpeaker(gold: string, quote: Pick<Quote, 'speaker'> & { said?: string | null }): boolean {
  const goldWords = wordsOf(gold);
  const goldContent = new Set(goldWords.filter((w) => !MINOR.has(w) && !PRONOUNS.has(w)));
  const said = wordsOf(quote.said ?? '');
  if (said.length > 0) {
    if (said.length === 1 && PRONOUNS.has(said[0] as string) && goldWords.length === 1 && goldWords[0] === said[0]) return true;
    if (said.some((w) => goldContent.has(w))) return true;
  }
  const speaker = wordsOf(quote.speaker ?? '').filter((w) => !MINOR.has(w) && !PRONOUNS.has(w));
  return speaker.some((w) => goldContent.has(w));
}

/** The gold source's head: its last word before an apposition, a clause or an affiliation ("Sen. Ted Cruz (R-Tex.), who …" → "cruz"). */
export function headOf(gold: string): string | null {
  const first = gold.split(/,|\(|\s(?:of|who|which|from|at|for|with)\s/)[0] ?? gold;
  const ws = wordsOf(first.replace(/['’]s?\b/g, ''));
  return ws.at(-1) ?? null;
}

/** The strict reading: the gold head is a word of the speaker as we name it (or of the actor it resolved to). */
export function sameHead(gold: string, quote: Pick<Quote, 'speaker'> & { said?: string | null }): boolean {
  const head = headOf(gold);
  if (head === null) return false;
  const ours = new Set([...wordsOf((quote.said ?? '').replace(/['’]s?\b/g, '')), ...wordsOf((quote.speaker ?? '').replace(/['’]s?\b/g, ''))]);
  return ours.has(head);
}

export interface QuoteScore {
  articles: number;
  gold: number;
  found: number;
  ours: number;
  oursMatched: number;
  withSource: number;
  speakerRight: number;
  /** The strict reading: the gold source's head word is in our speaker. */
  headRight: number;
  noSpeaker: number;
  worst: Array<{ article: string; quote: string; gold: string | null; ours: string | null; said: string | null; paragraph: string }>;
}

export function scoreQuotes(articles: readonly GoldArticle[]): QuoteScore {
  const score: QuoteScore = { articles: articles.length, gold: 0, found: 0, ours: 0, oursMatched: 0, withSource: 0, speakerRight: 0, headRight: 0, noSpeaker: 0, worst: [] };
  for (const article of articles) {
    const { source, diagnostics } = readSource({ path: `${article.id}.txt`, bytes: new TextEncoder().encode(article.text) });
    if (!source) continue;
    void diagnostics;
    const { quotes } = annotate([source]);
    score.ours += quotes.length;
    score.oursMatched += quotes.filter((q) => article.contents.some((c) => overlap(q.text, c) >= 0.8)).length;
    score.gold += article.quotes.length;
    for (const gold of article.quotes) {
      let best: Quote | null = null;
      let bestOverlap = 0.8;
      for (const q of quotes) {
        const o = overlap(q.text, gold.text);
        if (o >= bestOverlap) {
          best = q;
          bestOverlap = o;
        }
      }
      if (!best) continue;
      score.found++;
      if (gold.source === null) continue;
      score.withSource++;
      const said = (best as Quote & { said?: string | null }).said ?? null;
      if (sameHead(gold.source, { speaker: best.speaker, said })) score.headRight++;
      if (sameSpeaker(gold.source, { speaker: best.speaker, said })) score.speakerRight++;
      else {
        if (best.speaker === null) score.noSpeaker++;
        const from = article.text.lastIndexOf('\n', gold.start) + 1;
        const to = article.text.indexOf('\n', gold.start);
        const paragraph = article.text.slice(from, to < 0 ? undefined : to);
        score.worst.push({ article: article.id, quote: gold.text.slice(0, 70), gold: gold.source, ours: best.speaker, said, paragraph });
      }
    }
  }
  return score;
}

function argument(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);

function main(argv: readonly string[]): void {
  const dir = resolve(argument(argv, '--polnear') ?? process.env.STORIES_POLNEAR ?? join('..', 'data', 'stories', 'polnear'));
  if (!existsSync(join(dir, 'data', 'train', 'attributions'))) {
    console.log(`skipped: no PolNeAR attributions at ${dir}/data/*/attributions (bench/stories.md says how to get them)`);
    return;
  }
  const splitArg = argument(argv, '--split') ?? 'all';
  const splits = splitArg === 'all' ? SPLITS : SPLITS.filter((s) => s === splitArg);
  if (splits.length === 0) throw new Error(`--split ${splitArg}: use train, dev, test or all`);
  const worst = Number(argument(argv, '--worst') ?? 0);
  console.log('split | articles | gold quotes | found | our quotes that are quotes | speaker right (of found with a source) | strict: head word | no speaker');
  for (const split of splits) {
    const s = scoreQuotes(loadPolnearQuotes(dir, [split]));
    console.log(
      `${split.padEnd(5)} | ${String(s.articles).padEnd(8)} | ${String(s.gold).padEnd(11)} | ${pct(s.found, s.gold).padEnd(7)} | ` +
        `${pct(s.oursMatched, s.ours)} of ${s.ours} | ${pct(s.speakerRight, s.withSource)} of ${s.withSource} | ${pct(s.headRight, s.withSource)} | ${s.noSpeaker}`,
    );
    if (split === 'train') {
      const every = Math.max(1, Math.floor(s.worst.length / Math.max(1, worst)));
      for (const w of s.worst.filter((_, i) => i % every === 0).slice(0, worst)) {
        console.log(`  ${w.article}: "${w.quote}" gold ${JSON.stringify(w.gold)}, ours ${JSON.stringify(w.ours)} (said ${JSON.stringify(w.said)})`);
        if (argv.includes('--context')) console.log(`      ¶ ${w.paragraph.slice(0, 400)}`);
      }
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
