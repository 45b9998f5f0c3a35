// Development sets and scoring for grouping a pack's articles into stories (issue 12).
//
// Two labelled public sets, read from local folders that are never committed (see bench/stories.md
// for where they come from and how to make the folders):
//   - ECB+ (fine-grained stories): 982 English news articles, 43 topics x 2 seminal events; the
//     story of an article is its topic and its half (`1ecb` = Tara Reid enters rehab, `1ecbplus` =
//     Lindsay Lohan enters rehab): the two stories of a topic share their vocabulary on purpose.
//   - BBC News (coarse topics): 2,225 articles in five categories (business, entertainment,
//     politics, sport, tech); the "story" of an article is its category.
// From each set the script samples packs shaped like real use, deterministically (content hashes,
// no Math.random): a "week" (20-60 articles from several small stories, some singletons) and a
// "month" (a few big stories with all or dozens of their articles, plus stragglers). The stories
// (ECB+: by topic, so both halves of a topic fall on the same side) or the articles (BBC: five
// categories cannot be split) are split ~70/30 by hash into a tuning part and a held-out part, and
// each part's packs are drawn from its own articles only.
//
// A grouping is any `Grouping`: articles in, groups of article ids out. The built-in baseline is
// TF-IDF over the pack's own articles, cosine similarity and average-linkage agglomerative
// clustering stopped at one similarity threshold for every pack. Scores are B-cubed precision,
// recall and F1 (per item, averaged).
//
//   node build/bench/stories.js [--ecbplus DIR] [--bbc DIR] [--polnear DIR] [--thresholds 0.1,0.2,...]
//                               [--grouping path/to/module.js#exportName,...] [--part tuning|held-out]
//                               [--packs N] [--json FILE]
//
// Without --grouping it scores briefpack's stories (group.js#groupStories), its sections over the
// stories (sections.js#groupSections) and the baseline at 0.15; with it, the groupings named and the
// baseline only at the --thresholds given.
//
// Folders default to $STORIES_ECBPLUS / $STORIES_BBC, then ../data/stories/{ecbplus,bbc} from the
// working directory (beside the repository when run from its root). A missing folder prints one line saying how to get it, and the set is skipped.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findCopies } from '../pipeline/enrich/stories/copies.js';
import { groupArticles } from '../pipeline/enrich/stories/group.js';

// ---------------------------------------------------------------------------------------------
// The interface a grouping implements

export interface Article {
  id: string;
  title: string;
  text: string;
  /** ISO date (YYYY-MM-DD) when the article gives one. */
  date?: string;
}

/** Groups a pack's articles: every id in exactly one group; singletons are groups of one. */
export type Grouping = (articles: readonly Article[]) => string[][] | Promise<string[][]>;

export interface LabelledArticle extends Article {
  /** The gold story (ECB+: topic + half; BBC: category). */
  story: string;
  /** The unit the tuning/held-out split is made on (ECB+: the topic; BBC: the article). */
  splitKey: string;
  /** Stories that share a topic (ECB+: the two halves of one topic); used to make hard packs. */
  family: string;
}

export type Part = 'tuning' | 'held-out';
export type Shape = 'week' | 'month';

export interface LabelledSet {
  name: string;
  kind: 'fine-grained stories' | 'coarse topics';
  articles: LabelledArticle[];
}

export interface Pack {
  id: string;
  set: string;
  part: Part;
  shape: Shape;
  articles: LabelledArticle[];
}

// ---------------------------------------------------------------------------------------------
// Hashing: the only source of "randomness"

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A number in [0, 1) from a hash of the text. */
function unit(text: string): number {
  return parseInt(sha(text).slice(0, 13), 16) / 2 ** 52;
}

/** An integer in [lo, hi] from a hash of the text. */
function between(text: string, lo: number, hi: number): number {
  return lo + Math.floor(unit(text) * (hi - lo + 1));
}

/** The items ordered by the hash of seed + key: a deterministic shuffle. */
function shuffled<T>(items: readonly T[], seed: string, key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, rank: sha(`${seed}\u0000${key(item)}`) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map(({ item }) => item);
}

const HELD_OUT_SHARE = 0.3;

/**
 * The held-out split keys of a set: the keys ranked by hash, the first 30% (rounded) held out, so
 * the share is exact even for 43 ECB+ topics. Adding or removing a key moves few others.
 */
export function heldOutKeys(keys: Iterable<string>): Set<string> {
  const unique = [...new Set(keys)];
  const ranked = shuffled(unique, 'split', (key) => key);
  return new Set(ranked.slice(0, Math.round(unique.length * HELD_OUT_SHARE)));
}

export function partsOf(set: LabelledSet): Map<string, Part> {
  const held = heldOutKeys(set.articles.map((a) => a.splitKey));
  return new Map(set.articles.map((a) => [a.id, held.has(a.splitKey) ? 'held-out' : 'tuning']));
}

// ---------------------------------------------------------------------------------------------
// Loading the sets

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** The first "Month D, YYYY" or "D Month YYYY" in the text, as YYYY-MM-DD. */
function dateIn(text: string): string | undefined {
  const month = '(january|february|march|april|may|june|july|august|september|october|november|december)';
  const mdy = new RegExp(`\\b${month}\\s+(\\d{1,2})\\s*,\\s*((?:19|20)\\d\\d)\\b`, 'i').exec(text);
  const dmy = new RegExp(`\\b(\\d{1,2})\\s+${month}\\s*,?\\s*((?:19|20)\\d\\d)\\b`, 'i').exec(text);
  const pick = mdy && (!dmy || mdy.index <= dmy.index) ? { m: mdy[1], d: mdy[2], y: mdy[3] } : dmy ? { m: dmy[2], d: dmy[1], y: dmy[3] } : null;
  if (!pick || !pick.m || !pick.d || !pick.y) return undefined;
  const m = MONTHS.indexOf(pick.m.toLowerCase()) + 1;
  const d = Number(pick.d);
  if (m < 1 || d < 1 || d > 31) return undefined;
  return `${pick.y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Joins ECB+'s tokens back into running text. */
function detokenize(tokens: readonly string[]): string {
  return tokens
    .join(' ')
    .replace(/``\s*|''/g, '"')
    .replace(/\s+([.,;:!?%)\]}])/g, '$1')
    .replace(/([([{$])\s+/g, '$1')
    .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1')
    .replace(/"\s+([^"]*?)\s+"/g, '"$1"')
    .replace(/\s+/g, ' ')
    .trim();
}

const URL_SENTENCE = /^(https?\s*:\s*\/\s*\/|www\s*\.)/i;
const DATELINE = /^(first published|published|last updated|updated|posted|by\b|(mon|tues|wednes|thurs|fri|satur|sun)day\b)/i;

/**
 * ECB+ as the corpus release lays it out: DIR/<topic>/<topic>_<n>ecb.xml and ..._<n>ecbplus.xml.
 * The ecbplus texts open with the page's URL as a "sentence": it is dropped (it names the outlet
 * and is absent from the ecb half, so it would separate the halves by format, not content).
 */
export function loadEcbPlus(dir: string): LabelledSet {
  const articles: LabelledArticle[] = [];
  const topics = readdirSync(dir).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(a) - Number(b));
  for (const topic of topics) {
    const files = readdirSync(join(dir, topic)).filter((name) => /^\d+_\d+ecb(plus)?\.xml$/.test(name)).sort();
    for (const file of files) {
      const xml = readFileSync(join(dir, topic, file), 'utf8');
      const sentences = new Map<number, string[]>();
      for (const match of xml.matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
        const index = Number(match[1]);
        const list = sentences.get(index) ?? [];
        list.push(decodeXml(match[2] ?? ''));
        sentences.set(index, list);
      }
      const lines = [...sentences.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([, tokens]) => detokenize(tokens))
        .filter((line) => line && !URL_SENTENCE.test(line));
      const head = lines.slice(0, 4).join(' ');
      const titleIndex = lines.findIndex(
        (line) => !DATELINE.test(line) && !/^[-–—]/.test(line) && !(line.length < 40 && dateIn(line)),
      );
      const title = lines[titleIndex] ?? '';
      const text = lines.filter((_, i) => i !== titleIndex).join('\n');
      const half = /ecbplus\.xml$/.test(file) ? 'ecbplus' : 'ecb';
      const date = dateIn(head);
      articles.push({
        id: `ecbplus/${topic}/${file.replace(/\.xml$/, '')}`,
        title,
        text,
        ...(date ? { date } : {}),
        story: `${topic}${half}`,
        splitKey: `topic ${topic}`,
        family: topic,
      });
    }
  }
  return { name: 'ECB+', kind: 'fine-grained stories', articles };
}

/** BBC News (Greene & Cunningham 2006) as bbc-fulltext lays it out: DIR/<category>/NNN.txt. */
export function loadBbc(dir: string): LabelledSet {
  const articles: LabelledArticle[] = [];
  const categories = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
  for (const category of categories) {
    for (const file of readdirSync(join(dir, category)).filter((name) => /\.txt$/.test(name)).sort()) {
      // A few files are not UTF-8 (a stray £ byte); latin1 keeps every byte as one character.
      const raw = readFileSync(join(dir, category, file));
      const body = raw.toString('utf8').includes('\uFFFD') ? raw.toString('latin1') : raw.toString('utf8');
      const [first, ...rest] = body.split(/\r?\n/);
      const id = `bbc/${category}/${file.replace(/\.txt$/, '')}`;
      articles.push({
        id,
        title: (first ?? '').trim(),
        text: rest.join('\n').trim(),
        story: category,
        splitKey: id,
        family: category,
      });
    }
  }
  return { name: 'BBC News', kind: 'coarse topics', articles };
}

/** Our story labels for four months of PolNeAR (bench/polnear-stories.json; bench/stories.md says how they were made). */
export const POLNEAR_GOLD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'polnear-stories.json');

interface PolnearGold {
  months: Array<{ month: string; stories: Array<{ title: string; ids: string[] }> }>;
}

/**
 * PolNeAR (networkdynamics/PolNeAR): US news on the 2016 campaign from seven publishers. DIR holds
 * the corpus's data/{train,dev,test}/text/<publisher>_<date>_<slug>.txt; the first paragraph is the
 * title. Only the months our gold labels are read; the split is by month.
 */
export function loadPolnear(dir: string, goldPath = POLNEAR_GOLD): LabelledSet {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as PolnearGold;
  const paths = new Map<string, string>();
  for (const part of ['train', 'dev', 'test']) {
    const folder = join(dir, 'data', part, 'text');
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) if (name.endsWith('.txt')) paths.set(name.replace(/\.txt$/, ''), join(folder, name));
  }
  const articles: LabelledArticle[] = [];
  for (const { month, stories } of gold.months) {
    stories.forEach((story, k) => {
      for (const id of story.ids) {
        const path = paths.get(id);
        if (!path) throw new Error(`${goldPath}: ${id} is not in ${dir}/data/*/text`);
        const [title = '', ...rest] = readFileSync(path, 'utf8').trim().split(/\n\s*\n/);
        articles.push({
          id: `polnear/${id}`,
          title: title.replace(/\s+/g, ' ').trim(),
          text: rest.map((p) => p.replace(/\s+/g, ' ').trim()).join('\n'),
          date: /_(\d{4}-\d\d-\d\d)_/.exec(id)?.[1] ?? `${month}-01`,
          story: `${month} ${k}`,
          splitKey: month,
          family: month,
        });
      }
    });
  }
  return { name: 'PolNeAR', kind: 'fine-grained stories', articles };
}

/** A second annotator's reading of some of the same months, when there is one. */
export const POLNEAR_SECOND = join(dirname(POLNEAR_GOLD), 'polnear-stories-second.json');

/**
 * How far the second reading agrees with the first, per month it covers: B-cubed with the first as
 * gold. The ceiling a grouping can be held to on these labels.
 */
export function annotatorAgreement(firstPath = POLNEAR_GOLD, secondPath = POLNEAR_SECOND): Array<{ month: string } & BCubed> {
  if (!existsSync(secondPath)) return [];
  const read = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as PolnearGold).months;
  const first = new Map(read(firstPath).map((m) => [m.month, m]));
  return read(secondPath).flatMap((second) => {
    const month = first.get(second.month);
    if (!month) return [];
    const gold = new Map(month.stories.flatMap((story, k) => story.ids.map((id) => [id, String(k)] as const)));
    const { sumP: _p, sumR: _r, ...score } = bcubed(gold, second.stories.map((story) => story.ids));
    return [{ month: second.month, ...score }];
  });
}

/**
 * PolNeAR's packs are real stretches of time, not samples: each month whole (shape "month", 73-92
 * articles) and each of its weeks (days 1-7, 8-14, 15-21, 22 to the end; shape "week").
 */
export function calendarPacks(set: LabelledSet): Pack[] {
  const parts = partsOf(set);
  const packs: Pack[] = [];
  for (const [month, articles] of groupBy(set.articles, (a) => a.splitKey)) {
    const part = parts.get((articles[0] as LabelledArticle).id) ?? 'tuning';
    const add = (shape: Shape, id: string, chosen: LabelledArticle[]) =>
      packs.push({ id: `${set.name}/${part}/${shape}/${id}`, set: set.name, part, shape, articles: shuffled(chosen, `${set.name} ${id} order`, (a) => a.id) });
    add('month', month, articles);
    const weekOf = (a: LabelledArticle) => Math.min(3, Math.floor((Number(a.date?.slice(8, 10) ?? '1') - 1) / 7));
    for (const [week, chosen] of groupBy(articles, (a) => String(weekOf(a)))) add('week', `${month} week ${Number(week) + 1}`, chosen);
  }
  return packs;
}

// ---------------------------------------------------------------------------------------------
// Making packs

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item)) ?? [];
    list.push(item);
    map.set(key(item), list);
  }
  return map;
}

/** Articles of the stories, in a deterministic order of their own. */
function take(articles: readonly LabelledArticle[], count: number, seed: string): LabelledArticle[] {
  return shuffled(articles, seed, (a) => a.id).slice(0, count);
}

/**
 * A week of one country's politics: several small stories, 20-60 articles in all, a few of them
 * singletons. Stories are drawn by family, so the two ECB+ halves of a topic often meet in a pack.
 */
function weekPack(stories: Map<string, LabelledArticle[]>, seed: string): LabelledArticle[] {
  const target = between(`${seed} size`, 20, 60);
  const byFamily = groupBy([...stories.keys()], (story) => stories.get(story)?.[0]?.family ?? story);
  const families = shuffled([...byFamily.keys()], `${seed} families`, (f) => f);
  const chosen: LabelledArticle[] = [];
  for (const family of families) {
    if (chosen.length >= target) break;
    for (const story of shuffled(byFamily.get(family) ?? [], `${seed} ${family}`, (s) => s)) {
      if (chosen.length >= target) break;
      const pool = stories.get(story) ?? [];
      const roll = unit(`${seed} ${story} kind`);
      // One story in six a singleton; else 2-12 articles. A coarse set has too few stories for
      // that (BBC: five), so its groups take up to a third of the pack each.
      const cap = stories.size >= 10 ? 12 : Math.ceil(target / 3);
      const wanted = roll < 1 / 6 ? 1 : between(`${seed} ${story} count`, 2, cap);
      chosen.push(...take(pool, Math.min(wanted, pool.length, target - chosen.length), `${seed} ${story}`));
    }
  }
  // Too few stories to reach the size (a coarse set): top the groups of two or more up, in turn.
  const used = new Set(chosen.map((a) => a.id));
  const growing = [...new Set(chosen.map((a) => a.story))].filter((s) => chosen.filter((a) => a.story === s).length >= 2);
  for (let round = 0; chosen.length < target && growing.length > 0; round += 1) {
    const story = growing[round % growing.length] ?? '';
    const [next] = take((stories.get(story) ?? []).filter((a) => !used.has(a.id)), 1, `${seed} ${story} more ${round}`);
    if (!next) {
      growing.splice(round % growing.length, 1);
      continue;
    }
    used.add(next.id);
    chosen.push(next);
  }
  return chosen;
}

/** A month of world news: 2-4 big stories (15-40 articles, or all a story has) plus 3-8 stragglers. */
function monthPack(stories: Map<string, LabelledArticle[]>, seed: string): LabelledArticle[] {
  const order = shuffled([...stories.keys()], `${seed} stories`, (s) => s);
  const bigCount = Math.min(order.length, between(`${seed} big`, 2, 4));
  const big = order.slice(0, bigCount);
  const chosen: LabelledArticle[] = [];
  for (const story of big) {
    const pool = stories.get(story) ?? [];
    chosen.push(...take(pool, Math.min(pool.length, between(`${seed} ${story} count`, 15, 40)), `${seed} ${story}`));
  }
  const used = new Set(chosen.map((a) => a.id));
  const stragglers = between(`${seed} stragglers`, 3, 8);
  // Stragglers: one article each from other stories; with fewer stories than that (BBC has five),
  // single articles of the stories left out of the big ones.
  const others = order.slice(bigCount);
  for (let i = 0; i < stragglers && others.length > 0; i += 1) {
    const story = others[i % others.length] ?? '';
    const pool = (stories.get(story) ?? []).filter((a) => !used.has(a.id));
    const [pick] = take(pool, 1, `${seed} straggler ${i}`);
    if (!pick) continue;
    used.add(pick.id);
    chosen.push(pick);
    if (others.length < stragglers) break; // a coarse set: one straggler per left-out topic
  }
  return chosen;
}

export const PACKS_PER_SHAPE = 40;

/** The packs of a set: per shape, ~70% drawn from the tuning articles and ~30% from the held-out. */
export function makePacks(set: LabelledSet, perShape = PACKS_PER_SHAPE): Pack[] {
  const packs: Pack[] = [];
  const parts = partsOf(set);
  for (const part of ['tuning', 'held-out'] as const) {
    const articles = set.articles.filter((a) => parts.get(a.id) === part);
    const stories = groupBy(articles, (a) => a.story);
    const count = Math.round(perShape * (part === 'tuning' ? 1 - HELD_OUT_SHARE : HELD_OUT_SHARE));
    for (const shape of ['week', 'month'] as const) {
      for (let i = 0; i < count; i += 1) {
        const seed = `${set.name} ${part} ${shape} ${i}`;
        const chosen = shape === 'week' ? weekPack(stories, seed) : monthPack(stories, seed);
        const id = `${set.name}/${part}/${shape}/${i}`;
        packs.push({ id, set: set.name, part, shape, articles: shuffled(chosen, `${seed} order`, (a) => a.id) });
      }
    }
  }
  return packs;
}

// ---------------------------------------------------------------------------------------------
// Scoring: B-cubed (Bagga & Baldwin 1998; Amigo et al. 2009), per item, averaged

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
}

function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Checks that the groups partition the ids exactly; returns each id's group index. */
export function groupIndex(ids: readonly string[], groups: readonly (readonly string[])[]): Map<string, number> {
  const index = new Map<string, number>();
  const known = new Set(ids);
  groups.forEach((group, g) => {
    for (const id of group) {
      if (!known.has(id)) throw new Error(`grouping returned an unknown article id: ${id}`);
      if (index.has(id)) throw new Error(`grouping put article ${id} in two groups`);
      index.set(id, g);
    }
  });
  const missing = ids.filter((id) => !index.has(id));
  if (missing.length > 0) throw new Error(`grouping left out ${missing.length} article(s), e.g. ${missing[0]}`);
  return index;
}

/** Per-item precision and recall sums of one pack (to pool across packs) and its own scores. */
export function bcubed(gold: ReadonlyMap<string, string>, groups: readonly (readonly string[])[]): BCubed & { sumP: number; sumR: number } {
  const ids = [...gold.keys()];
  const predicted = groupIndex(ids, groups);
  const cell = new Map<string, number>(); // (group, story) -> count
  const groupSize = new Map<number, number>();
  const storySize = new Map<string, number>();
  for (const id of ids) {
    const g = predicted.get(id) ?? -1;
    const s = gold.get(id) ?? '';
    cell.set(`${g}\u0000${s}`, (cell.get(`${g}\u0000${s}`) ?? 0) + 1);
    groupSize.set(g, (groupSize.get(g) ?? 0) + 1);
    storySize.set(s, (storySize.get(s) ?? 0) + 1);
  }
  let sumP = 0;
  let sumR = 0;
  for (const id of ids) {
    const g = predicted.get(id) ?? -1;
    const s = gold.get(id) ?? '';
    const both = cell.get(`${g}\u0000${s}`) ?? 0;
    sumP += both / (groupSize.get(g) ?? 1);
    sumR += both / (storySize.get(s) ?? 1);
  }
  const n = ids.length || 1;
  return { precision: sumP / n, recall: sumR / n, f1: f1Of(sumP / n, sumR / n), items: ids.length, sumP, sumR };
}

export interface Summary {
  /** Pooled over every item of every pack. */
  precision: number;
  recall: number;
  f1: number;
  /** Mean and minimum of the packs' own F1. */
  meanPackF1: number;
  worstPackF1: number;
  packs: number;
  items: number;
}

export async function score(packs: readonly Pack[], grouping: Grouping): Promise<Summary> {
  let sumP = 0;
  let sumR = 0;
  let items = 0;
  let sumF1 = 0;
  let worst = 1;
  for (const pack of packs) {
    const input: Article[] = pack.articles.map(({ id, title, text, date }) => ({ id, title, text, ...(date ? { date } : {}) }));
    const groups = await grouping(input);
    const result = bcubed(new Map(pack.articles.map((a) => [a.id, a.story])), groups);
    sumP += result.sumP;
    sumR += result.sumR;
    items += result.items;
    sumF1 += result.f1;
    worst = Math.min(worst, result.f1);
  }
  const precision = items ? sumP / items : 0;
  const recall = items ? sumR / items : 0;
  return {
    precision,
    recall,
    f1: f1Of(precision, recall),
    meanPackF1: packs.length ? sumF1 / packs.length : 0,
    worstPackF1: packs.length ? worst : 0,
    packs: packs.length,
    items,
  };
}

// ---------------------------------------------------------------------------------------------
// Copies: every article of a part as one pack, against the exact copies the set holds

export interface CopyScore {
  articles: number;
  /** Articles whose title and text repeat an earlier one's exactly (white space aside). */
  exact: number;
  /** Copies found, and how many of them are exact copies. */
  found: number;
  foundExact: number;
  /** Copies found that are not exact: near copies (rewrites, updates), to read. */
  near: { copy: string; original: string; share: number; judged: 'copy' | 'not-copy' | null }[];
}

/**
 * Near copies read by hand (bench/near-copies-gold.json): each pair the copy finder reported on
 * 1 December 2026 that is not an exact copy, judged "copy" (same article, an update keeping most of
 * it, the same wire text) or "not-copy" (articles written apart that share a quote or a paragraph).
 * Ids and labels only, no article text.
 */
interface NearCopyJudgment {
  original: string;
  copy: string;
  label: 'copy' | 'not-copy';
}

function nearCopyGold(): Map<string, 'copy' | 'not-copy'> {
  const path = fileURLToPath(new URL('../../bench/near-copies-gold.json', import.meta.url));
  if (!existsSync(path)) return new Map();
  const judged = JSON.parse(readFileSync(path, 'utf8')) as NearCopyJudgment[];
  // Which of the two is the original is not what was judged: either order finds the pair.
  return new Map(judged.flatMap((j) => [[`${j.original} ${j.copy}`, j.label] as const, [`${j.copy} ${j.original}`, j.label] as const]));
}

export function scoreCopies(articles: readonly LabelledArticle[]): CopyScore {
  const seen = new Set<string>();
  const exact = articles.map((a) => {
    const key = `${a.title}\n${a.text}`.replace(/\s+/g, ' ').trim();
    const repeat = seen.has(key);
    seen.add(key);
    return repeat;
  });
  const { copies } = findCopies(articles);
  const foundExact = copies.filter((c) => exact[c.copy]).length;
  const gold = nearCopyGold();
  const near = copies
    .filter((c) => !exact[c.copy])
    .map((c) => ({
      copy: articles[c.copy]?.title ?? '',
      original: articles[c.original]?.title ?? '',
      share: c.share,
      judged: gold.get(`${articles[c.original]?.id} ${articles[c.copy]?.id}`) ?? null,
    }));
  return { articles: articles.length, exact: exact.filter(Boolean).length, found: copies.length, foundExact, near };
}

/** Milliseconds of the grouping and of the copy finder on the first `size` articles, medians of `runs`. */
export interface Speed {
  size: number;
  groupingMs: number;
  copiesMs: number;
}

export function speedOf(articles: readonly Article[], sizes: readonly number[], runs = 3): Speed[] {
  const median = (f: () => unknown): number => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      f();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
  };
  return sizes
    .filter((size) => size <= articles.length)
    .map((size) => {
      const pack = articles.slice(0, size);
      return { size, groupingMs: median(() => groupArticles(pack)), copiesMs: median(() => findCopies(pack)) };
    });
}

// ---------------------------------------------------------------------------------------------
// The baseline: TF-IDF over the pack + cosine + average-linkage agglomerative clustering

// scikit-learn's English stop words (ENGLISH_STOP_WORDS), as TfidfVectorizer(stop_words='english').
const STOP_WORDS = new Set(
  (
    'a about above across after afterwards again against all almost alone along already also although always am among ' +
    'amongst amoungst amount an and another any anyhow anyone anything anyway anywhere are around as at back be became ' +
    'because become becomes becoming been before beforehand behind being below beside besides between beyond bill both ' +
    'bottom but by call can cannot cant co con could couldnt cry de describe detail do done down due during each eg eight ' +
    'either eleven else elsewhere empty enough etc even ever every everyone everything everywhere except few fifteen fifty ' +
    'fill find fire first five for former formerly forty found four from front full further get give go had has hasnt ' +
    'have he hence her here hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in ' +
    'inc indeed interest into is it its itself keep last latter latterly least less ltd made many may me meanwhile might ' +
    'mill mine more moreover most mostly move much must my myself name namely neither never nevertheless next nine no ' +
    'nobody none noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours ' +
    'ourselves out over own part per perhaps please put rather re same see seem seemed seeming seems serious several she ' +
    'should show side since sincere six sixty so some somehow someone something sometime sometimes somewhere still such ' +
    'system take ten than that the their them themselves then thence there thereafter thereby therefore therein thereupon ' +
    'these they thick thin third this those though three through throughout thru thus to together too top toward towards ' +
    'twelve twenty two un under until up upon us very via was we well were what whatever when whence whenever where ' +
    'whereafter whereas whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why ' +
    'will with within without would yet you your yours yourself yourselves'
  ).split(' '),
);

/** scikit-learn's default token pattern (\b\w\w+\b), lower-cased, stop words out. */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? []).filter((t) => !STOP_WORDS.has(t));
}

/** L2-normalised TF-IDF vectors (raw tf, smooth idf: ln((1+n)/(1+df)) + 1), as TfidfVectorizer. */
export function tfidf(docs: readonly string[][]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = docs.length;
  return docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const term of doc) tf.set(term, (tf.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = count * (Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

/**
 * Average-linkage agglomerative clustering on a similarity matrix: merges the two clusters of
 * highest mean pairwise similarity while that mean is at least `threshold` (cosine distance
 * 1 - threshold, as scikit-learn's distance_threshold). Ties go to the lowest indices.
 */
export function averageLinkage(similarity: readonly (readonly number[])[], threshold: number): number[][] {
  const n = similarity.length;
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  const sim: number[][] = similarity.map((row) => [...row]);
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i += 1) {
      if (!members[i]) continue;
      const row = sim[i] ?? [];
      for (let j = i + 1; j < n; j += 1) {
        if (!members[j]) continue;
        const s = row[j] ?? -Infinity;
        if (s > best) {
          best = s;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0 || best < threshold) break;
    const a = members[bi] ?? [];
    const b = members[bj] ?? [];
    // Lance-Williams update for average linkage.
    for (let k = 0; k < n; k += 1) {
      if (!members[k] || k === bi || k === bj) continue;
      const merged = (a.length * (sim[bi]?.[k] ?? 0) + b.length * (sim[bj]?.[k] ?? 0)) / (a.length + b.length);
      (sim[bi] ?? [])[k] = merged;
      (sim[k] ?? [])[bi] = merged;
    }
    members[bi] = [...a, ...b];
    members[bj] = null;
  }
  return members.filter((m): m is number[] => m !== null);
}

/** The baseline grouping at one threshold: title + text, TF-IDF of the pack, cosine, average linkage. */
export function tfidfAverageLinkage(threshold: number): Grouping {
  return (articles) => {
    const vectors = tfidf(articles.map((a) => tokens(`${a.title}\n${a.text}`)));
    const similarity = vectors.map((v, i) => vectors.map((w, j) => (i === j ? 1 : dot(v, w))));
    return averageLinkage(similarity, threshold).map((cluster) => cluster.map((i) => articles[i]?.id ?? ''));
  };
}

// ---------------------------------------------------------------------------------------------
// The command line

// Defaults are relative to the working directory (the repository root under make), as CORPUS is.
const DATA = resolve('..', 'data', 'stories');

interface SetSource {
  flag: string;
  env: string;
  fallback: string;
  load: (dir: string) => LabelledSet;
  check: (dir: string) => boolean;
  how: string;
  /** The set's own packs, when it has real ones; else packs are sampled (makePacks). */
  packs?: (set: LabelledSet) => Pack[];
}

const SOURCES: SetSource[] = [
  {
    flag: '--ecbplus',
    env: 'STORIES_ECBPLUS',
    fallback: join(DATA, 'ecbplus'),
    load: loadEcbPlus,
    check: (dir) => existsSync(join(dir, '1', '1_1ecb.xml')),
    how:
      'git archive of github.com/tommasoc80/EventStoryLine at 46edefee5e82e0917b823abe0a18bf8c7770f15c, ' +
      'folder ECB+_LREC2014/ECB+ (see bench/stories.md)',
  },
  {
    flag: '--bbc',
    env: 'STORIES_BBC',
    fallback: join(DATA, 'bbc'),
    load: loadBbc,
    check: (dir) => existsSync(join(dir, 'business', '001.txt')),
    how:
      'git archive of github.com/dejanbatanjac/bbc-article-classify-bert at 8265dc84e88b82b87ce7f5b2df5bbbb1159ae922, ' +
      'folder bbc (or bbc-fulltext.zip from mlg.ucd.ie/datasets/bbc.html; see bench/stories.md)',
  },
  {
    flag: '--polnear',
    env: 'STORIES_POLNEAR',
    fallback: join(DATA, 'polnear'),
    load: (dir) => loadPolnear(dir),
    check: (dir) => existsSync(join(dir, 'data', 'train', 'text')) && existsSync(POLNEAR_GOLD),
    how: 'git archive of github.com/networkdynamics/PolNeAR at c3eee833c035bf7b8c84f55b58c0bf7346cfae76, folders data/{train,dev,test}/text (see bench/stories.md)',
    packs: calendarPacks,
  },
];

function argument(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function loadGrouping(spec: string): Promise<{ name: string; grouping: Grouping }> {
  const [path, exportName = 'default'] = spec.split('#');
  const module = (await import(pathToFileURL(resolve(path ?? '')).href)) as Record<string, unknown>;
  const grouping = module[exportName];
  if (typeof grouping !== 'function') throw new Error(`${spec}: no function exported as ${exportName}`);
  return { name: `${basename(path ?? '')}#${exportName}`, grouping: grouping as Grouping };
}

function fmt(x: number): string {
  return x.toFixed(3);
}

function describe(set: LabelledSet, packs: readonly Pack[]): string {
  const stories = new Set(set.articles.map((a) => a.story)).size;
  const dupes = set.articles.length - new Set(set.articles.map((a) => sha(`${a.title}\n${a.text}`.replace(/\s+/g, ' ')))).size;
  const partOfId = partsOf(set);
  const parts = (['tuning', 'held-out'] as const).map((part) => {
    const own = set.articles.filter((a) => partOfId.get(a.id) === part);
    const ps = packs.filter((p) => p.part === part);
    const sizes = ps.map((p) => p.articles.length);
    return `${part}: ${own.length} articles, ${new Set(own.map((a) => a.story)).size} stories, ${ps.length} packs of ${Math.min(...sizes)}-${Math.max(...sizes)} articles`;
  });
  const dated = set.articles.filter((a) => a.date).length;
  return `${set.name} (${set.kind}): ${set.articles.length} articles, ${stories} stories, ${dupes} exact duplicate texts, ${dated} dated; ${parts.join('; ')}`;
}

/** briefpack's two levels: the stories, and the sections over them (bench/sections.ts). */
const DEFAULT_GROUPINGS = ['build/pipeline/enrich/stories/group.js#groupStories', 'build/bench/sections.js#groupSections'];

async function main(argv: readonly string[]): Promise<void> {
  // By default: briefpack's stories and sections, and the baseline at the threshold best on ECB+.
  const groupingSpecs = argument(argv, '--grouping') ?? DEFAULT_GROUPINGS.join(',');
  const thresholds = (argument(argv, '--thresholds') ?? (argument(argv, '--grouping') === undefined ? '0.15' : ''))
    .split(',')
    .filter((t) => t.trim() !== '')
    .map(Number)
    .filter((t) => Number.isFinite(t));
  const perShape = Number(argument(argv, '--packs') ?? PACKS_PER_SHAPE);
  const groupings: { name: string; grouping: Grouping }[] = [
    ...(await Promise.all(groupingSpecs.split(',').filter((spec) => spec !== '').map(loadGrouping))),
    ...thresholds.map((t) => ({ name: `tfidf+avg-link t=${t}`, grouping: tfidfAverageLinkage(t) })),
  ];
  const rows: Record<string, unknown>[] = [];
  // While tuning, --part tuning keeps the held-out figures out of sight.
  const partArg = argument(argv, '--part') ?? 'both';
  const parts = (['tuning', 'held-out'] as const).filter((p) => partArg === 'both' || partArg === p);
  if (parts.length === 0) throw new Error(`--part ${partArg}: use tuning, held-out or both`);
  for (const source of SOURCES) {
    const dir = resolve(argument(argv, source.flag) ?? process.env[source.env] ?? source.fallback);
    if (!existsSync(dir) || !source.check(dir)) {
      console.log(`skipped: no set at ${dir} (set ${source.env} or ${source.flag} DIR; make it from the ${source.how})`);
      continue;
    }
    const set = source.load(dir);
    const packs = source.packs ? source.packs(set) : makePacks(set, perShape);
    console.log(describe(set, packs));
    console.log('grouping                       | part     | shape | P     | R     | F1    | mean pack F1 | worst pack F1');
    for (const { name, grouping } of groupings) {
      for (const part of parts) {
        for (const shape of ['all', 'week', 'month'] as const) {
          const chosen = packs.filter((p) => p.part === part && (shape === 'all' || p.shape === shape));
          const s = await score(chosen, grouping);
          rows.push({ set: set.name, grouping: name, part, shape, ...s });
          console.log(
            `${name.padEnd(30)} | ${part.padEnd(8)} | ${shape.padEnd(5)} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} | ${fmt(s.meanPackF1).padEnd(12)} | ${fmt(s.worstPackF1)}`,
          );
        }
      }
    }
    if (set.name === 'PolNeAR') {
      for (const a of annotatorAgreement()) {
        console.log(`two annotators, ${a.month}: P ${fmt(a.precision)} R ${fmt(a.recall)} F1 ${fmt(a.f1)} (second reading against the first, ${a.items} articles)`);
        rows.push({ set: set.name, agreement: a });
      }
    }
    const partOfId = partsOf(set);
    for (const part of parts) {
      const c = scoreCopies(set.articles.filter((a) => partOfId.get(a.id) === part));
      rows.push({ set: set.name, part, copies: c });
      const judged = c.near.filter((n) => n.judged !== null);
      const right = judged.filter((n) => n.judged === 'copy').length;
      console.log(
        `copies, ${part}: ${c.articles} articles as one pack, ${c.exact} exact copies; found ${c.found}: ${c.foundExact} exact ` +
          `(recall ${c.exact ? fmt(c.foundExact / c.exact) : '–'}), ${c.near.length} near copies, ` +
          `${judged.length} of them judged by hand: ${right} right (precision ${judged.length ? fmt(right / judged.length) : '–'})`,
      );
      for (const n of c.near.filter((x) => x.judged !== 'copy').slice(0, 8)) {
        console.log(`  near copy (${fmt(n.share)}, ${n.judged ?? 'not judged'}): "${n.copy.slice(0, 60)}" of "${n.original.slice(0, 60)}"`);
      }
    }
    if (set.name === 'BBC News') {
      // Speed on real, distinct articles (make bench's packs repeat 20 pages, so they are mostly copies).
      const mixed = [...set.articles].sort((a, b) => sha(a.id).localeCompare(sha(b.id)));
      for (const sp of speedOf(mixed, [100, 1000])) {
        console.log(`speed, ${sp.size} BBC articles: grouping ${sp.groupingMs.toFixed(0)} ms, copies ${sp.copiesMs.toFixed(0)} ms (medians of 3, one core)`);
        rows.push({ set: set.name, speed: sp });
      }
      console.log(`peak RSS of this process so far (the sets loaded): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    }
    console.log('');
  }
  const jsonOut = argument(argv, '--json');
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
