// Scenarios: from structure (the items under a heading naming scenarios/options/outcomes) and from
// language ("outcomes, including X and Y", "the possibility of X"), merged across sources by wording.
import type { Scenario, Source } from '../../model.js';
import { foundInSources } from './corroboration.js';
import { contentId } from '../annotate/ids.js';
import { ENUMERATION_CUES, SCENARIO_HEADING_WORDS, SCENARIO_NOUNS, SCENARIO_PHRASES, SCENARIO_WRAPPERS } from '../annotate/lexicon.js';
import { tag } from '../annotate/nlp.js';
import { endsWithColon, sectionBody, type Block } from '../annotate/outline.js';
import { overlap, termSet } from '../annotate/similarity.js';
import { capitalize, escapeRegExp, shorterFirst, terms, words } from '../annotate/text.js';
import { bodySentences } from '../annotate/sentences.js';

export interface ScenarioDraft {
  title: string;
  summary: string;
  ids: string[];
  sourceId: string;
  structural: boolean;
}

const MAX_TITLE_WORDS = 12;
const MAX_HEAD_WORDS = 12;

const escape = (s: string): string => escapeRegExp(s).replace(/ /g, '\\s+');

function namesScenarios(heading: string): boolean {
  const lower = ` ${words(heading).join(' ')} `;
  return SCENARIO_HEADING_WORDS.some((w) => lower.includes(` ${w} `));
}

/** "Scenario 2: Muddling through" → "Muddling through". */
const NUMBERED = /^(?:scenario|option|outcome|pathway|path)\s*(?:[\p{L}\p{N}]{1,3})?\s*[:—–.-]\s*(.+)$/iu;

/** A lead line that titles what follows: ends with a colon, is short, and states nothing (no finite verb). */
function isHeadLine(block: Block): boolean {
  if (!endsWithColon(block.text) || words(block.text).length > MAX_HEAD_WORDS) return false;
  return !tag(block.text).some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && /^\p{Ll}/u.test(t.value)));
}

function stripColon(text: string): string {
  return text.replace(/[\s:：]+$/u, '').trim();
}

/** "Security guarantees: Ukraine may receive …" → title and the rest; null without such a lead. */
function leadTitle(text: string): { title: string; rest: string } | null {
  const m = /^([^:]{3,80}):\s+(.+)$/su.exec(text);
  if (!m?.[1] || !m[2] || words(m[1]).length > 8) return null;
  return { title: m[1].trim(), rest: m[2].trim() };
}

/** A short item is its own title; a long one is titled by its first clause and summarised whole. */
function clauseTitle(text: string): { title: string; rest: string } {
  const bare = text.replace(/[.;,]+$/, '');
  if (words(bare).length <= MAX_TITLE_WORDS) return { title: bare, rest: '' };
  const clause = bare.split(/,\s|;\s|\s[—–]\s/)[0] ?? bare;
  const clipped = words(clause).length <= MAX_TITLE_WORDS ? clause : clause.split(/\s+/).slice(0, MAX_TITLE_WORDS).join(' ');
  return { title: clipped, rest: text };
}

function fromSection(body: readonly Block[], sourceId: string): ScenarioDraft[] {
  const items = body.filter((b) => b.kind === 'item');
  const minLevel = Math.min(...items.map((b) => b.level));
  const isHead = (b: Block, i: number): boolean =>
    b.kind === 'heading' ||
    (b.kind === 'item' && b.level === minLevel && (body[i + 1]?.level ?? 0) > b.level) ||
    ((b.kind === 'item' || b.kind === 'paragraph') && isHeadLine(b));
  const heads = body.map(isHead);
  const drafts: ScenarioDraft[] = [];

  if (heads.some(Boolean)) {
    let current: { head: Block; members: Block[] } | null = null;
    const flush = (): void => {
      if (!current) return;
      drafts.push({
        title: stripColon(current.head.text),
        summary: current.members.map((m) => m.text).join(' '),
        ids: [...current.head.ids, ...current.members.flatMap((m) => m.ids)],
        sourceId,
        structural: true,
      });
    };
    body.forEach((block, i) => {
      if (heads[i]) {
        flush();
        current = { head: block, members: [] };
      } else if (current && (block.kind === 'item' || current.head.kind === 'heading')) {
        current.members.push(block);
      } else {
        // A paragraph after the list comments on all the scenarios, not on the last one.
        flush();
        current = null;
      }
    });
    flush();
    return drafts;
  }

  // No heads: each top-level item is a scenario, its deeper items the summary.
  body.forEach((block, i) => {
    if (block.kind !== 'item' || block.level !== minLevel) return;
    const subs: Block[] = [];
    for (let k = i + 1; k < body.length && (body[k]?.level ?? 0) > minLevel; k++) subs.push(body[k] as Block);
    const lead = leadTitle(block.text) ?? clauseTitle(block.text);
    drafts.push({
      title: lead.title,
      summary: [lead.rest, ...subs.map((s) => s.text)].filter(Boolean).join(' '),
      ids: [...block.ids, ...subs.flatMap((s) => s.ids)],
      sourceId,
      structural: true,
    });
  });
  return drafts;
}

/** Scenarios laid out under headings that name them. */
export function structuralScenarios(blocks: readonly Block[], sourceId: string): ScenarioDraft[] {
  const drafts: ScenarioDraft[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'heading') return;
    const numbered = NUMBERED.exec(stripColon(block.text));
    const body = sectionBody(blocks, i);
    if (numbered?.[1]) {
      drafts.push({
        title: numbered[1].trim(),
        summary: body.map((b) => b.text).join(' '),
        ids: [...block.ids, ...body.flatMap((b) => b.ids)],
        sourceId,
        structural: true,
      });
    } else if (namesScenarios(block.text)) {
      drafts.push(...fromSection(body, sourceId));
    }
  });
  return drafts;
}

const ENUMERATION = new RegExp(
  `\\b(?:${SCENARIO_NOUNS.map(escape).join('|')})\\b,?\\s*(?:(?:that|which)\\s+)?(${ENUMERATION_CUES.map(escape).join('|')})\\s*(.+)$`,
  'iu',
);
const PHRASE = new RegExp(`\\b(?:${SCENARIO_PHRASES.map(escape).join('|')})\\s+(.+)$`, 'iu');
const CLAUSE_END = /[;.!?]|,\s|\s[—–]\s|\s(?:while|but|whereas|although|though|because)\s/u;
const DETERMINER = /^(?:the|a|an|any|some|possible|potential|further)\s+/i;
const WRAPPER = new RegExp(`^(?:${SCENARIO_WRAPPERS.map(escape).join('|')})\\s+`, 'i');

function cleanItem(raw: string): string | null {
  let item = raw.trim().replace(/^(?:and|or)\s+/i, '');
  for (let pass = 0; pass < 3; pass++) item = item.replace(DETERMINER, '').replace(WRAPPER, '');
  item = item.replace(/[\s,.;:]+$/, '');
  let ws = item.split(/\s+/);
  if (ws.length > MAX_TITLE_WORDS) {
    const relative = item.search(/\s(?:that|which|who|whereby)\s/);
    if (relative > 0) item = item.slice(0, relative);
    ws = item.split(/\s+/);
    if (ws.length > MAX_TITLE_WORDS) item = ws.slice(0, MAX_TITLE_WORDS).join(' ');
  }
  return terms(item).length > 0 ? capitalize(item) : null;
}

/**
 * The items of "X, Y and Z": comma-separated up to the item joined by "and"/"or", which ends the
 * enumeration ("…, X and Y, analysts said" stops before "analysts said"). "from X to Y" names two ends.
 */
function enumerationItems(text: string, range: boolean): string[] {
  const span = text.split(/[;.!?]|\s[—–]\s|\s(?:while|but|whereas|although|though|because)\s/u)[0] ?? '';
  const joiner = range ? /\s+(?:to|and|or)\s+/i : /\s+(?:and|or|versus|vs\.?)\s+/i;
  const items: string[] = [];
  for (const part of span.split(/\s*,\s*/)) {
    const last = /^(?:and|or)\s+(.*)$/i.exec(part);
    if (last?.[1]) {
      items.push(last[1]);
      break;
    }
    const pieces = part.split(joiner);
    items.push(...pieces);
    if (pieces.length > 1) break;
  }
  return items;
}

/** Scenarios named in running text: enumerations after cue nouns, and "the possibility of X". */
export function languageScenarios(text: string): string[] {
  const found: string[] = [];
  const enumeration = ENUMERATION.exec(text);
  if (enumeration?.[2]) {
    for (const part of enumerationItems(enumeration[2], /from/i.test(enumeration[1] ?? ''))) {
      const item = cleanItem(part);
      if (item) found.push(item);
    }
  }
  const phrase = PHRASE.exec(text);
  if (phrase?.[1]) {
    const item = cleanItem(phrase[1].split(CLAUSE_END)[0] ?? '');
    if (item && !found.includes(item)) found.push(item);
  }
  return found;
}

/** Same scenario: one title's content words (nearly) contain the other's, sharing two words unless one has only one. */
function similarTerms(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const { shared, coefficient } = overlap(a, b);
  return coefficient >= 0.75 && shared >= Math.min(2, a.size, b.size);
}

export function similarTitles(a: string, b: string): boolean {
  return similarTerms(termSet(a), termSet(b));
}

/** The draft that names a merged scenario: a source's own label before running text, then the shortest wording. */
function leadOf(drafts: readonly ScenarioDraft[]): ScenarioDraft {
  const labels = drafts.filter((d) => d.structural);
  return [...(labels.length > 0 ? labels : drafts)].sort((a, b) => shorterFirst(a.title, b.title))[0] as ScenarioDraft;
}

interface Cluster {
  drafts: ScenarioDraft[];
  extra: Array<{ id: string; sourceId: string }>;
}

/** Each draft's cluster: the first cluster holding a draft with a similar title, or a new one. */
function clustersOf(ordered: readonly ScenarioDraft[], termsOf: (d: ScenarioDraft) => ReadonlySet<string>): Cluster[] {
  const clusters: Cluster[] = [];
  // Similar titles share a word, so only the drafts sharing one are compared.
  const byTerm = new Map<string, Array<{ draft: ScenarioDraft; cluster: number }>>();
  for (const draft of ordered) {
    const mine = termsOf(draft);
    let home = clusters.length;
    for (const t of mine) {
      for (const other of byTerm.get(t) ?? []) {
        if (other.cluster < home && similarTerms(termsOf(other.draft), mine)) home = other.cluster;
      }
    }
    if (home === clusters.length) clusters.push({ drafts: [], extra: [] });
    clusters[home]?.drafts.push(draft);
    for (const t of mine) {
      const list = byTerm.get(t) ?? [];
      list.push({ draft, cluster: home });
      byTerm.set(t, list);
    }
  }
  return clusters;
}

interface SentenceTerms {
  id: string;
  sourceId: string;
  terms: Set<string>;
}

/** Sentences (indices, ascending) by the terms they hold. */
function sentencesByTerm(sentences: readonly SentenceTerms[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    for (const t of s.terms) {
      const list = index.get(t);
      if (list) list.push(i);
      else index.set(t, [i]);
    }
  });
  return index;
}

const MENTION_SHARE = 0.66;

/**
 * The sentences (indices, ascending) that mention a title by most of its words: at least two of
 * them and two thirds. A sentence holding enough of the title's words holds one of its rarest,
 * so only the sentences holding those are counted.
 */
function mentionsOf(title: ReadonlySet<string>, sentences: readonly SentenceTerms[], index: ReadonlyMap<string, number[]>): number[] {
  let needed = 2;
  while (needed <= title.size && needed / title.size < MENTION_SHARE) needed++;
  if (needed > title.size) return [];
  const rarest = [...title].sort((a, b) => (index.get(a)?.length ?? 0) - (index.get(b)?.length ?? 0)).slice(0, title.size - needed + 1);
  const candidates = [...new Set(rarest.flatMap((t) => index.get(t) ?? []))].sort((a, b) => a - b);
  return candidates.filter((i) => {
    const sentence = sentences[i];
    if (!sentence) return false;
    const { shared } = overlap(title, sentence.terms);
    return shared >= 2 && shared / title.size >= MENTION_SHARE;
  });
}

/**
 * Merges drafts naming the same scenario (by wording), adds sentences elsewhere that mention a
 * scenario by most of its title words, and returns scenarios with empty riskIds.
 */
export function mergeScenarios(drafts: readonly ScenarioDraft[], sources: readonly Source[]): Scenario[] {
  const ordered = [...drafts.filter((d) => d.structural), ...drafts.filter((d) => !d.structural)];
  const titleTerms = new Map(ordered.map((d) => [d, termSet(d.title)]));
  const termsOf = (d: ScenarioDraft): Set<string> => titleTerms.get(d) ?? new Set();
  const clusters = clustersOf(ordered, termsOf);

  const order = new Map<string, number>();
  sources.forEach((s, si) => s.sentences.forEach((x, k) => order.set(x.id, si * 1e6 + k)));
  const sourceOrder = new Map(sources.map((s, i) => [s.id, i]));

  const sentenceTerms: SentenceTerms[] = sources.flatMap((source) =>
    bodySentences(source).map((s) => ({ id: s.id, sourceId: source.id, terms: termSet(s.text) })),
  );
  const index = sentencesByTerm(sentenceTerms);
  for (const cluster of clusters) {
    const title = termsOf(cluster.drafts[0] as ScenarioDraft);
    if (title.size < 2) continue;
    const cited = new Set(cluster.drafts.flatMap((d) => d.ids));
    for (const i of mentionsOf(title, sentenceTerms, index)) {
      const sentence = sentenceTerms[i] as SentenceTerms;
      if (!cited.has(sentence.id)) cluster.extra.push({ id: sentence.id, sourceId: sentence.sourceId });
    }
  }

  const scenarios = clusters.map((cluster) => {
    const lead = leadOf(cluster.drafts);
    const sourceIds = [...new Set([...cluster.drafts.map((d) => d.sourceId), ...cluster.extra.map((e) => e.sourceId)])];
    sourceIds.sort((a, b) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0));
    const evidence = [...new Set([...cluster.drafts.flatMap((d) => d.ids), ...cluster.extra.map((e) => e.id)])];
    evidence.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const title = capitalize(stripColon(lead.title));
    const scenario: Scenario = {
      id: contentId('sc', title),
      title,
      summary: cluster.drafts.find((d) => d.structural && d.summary)?.summary ?? lead.summary,
      sources: sourceIds,
      evidence,
      riskIds: [],
      ...foundInSources(sourceIds),
    };
    return scenario;
  });
  const first = (s: Scenario): number => order.get(s.evidence[0] ?? '') ?? 0;
  return scenarios.sort((a, b) => b.sources.length - a.sources.length || first(a) - first(b));
}

/** All scenarios of the sources: structural ones first, then language cues in sentences not already used. */
export function findScenarios(sources: readonly Source[], outlines: ReadonlyMap<string, Block[]>): { scenarios: Scenario[]; structuralIds: Set<string> } {
  const drafts: ScenarioDraft[] = [];
  for (const source of sources) drafts.push(...structuralScenarios(outlines.get(source.id) ?? [], source.id));
  const structuralIds = new Set(drafts.flatMap((d) => d.ids));
  for (const source of sources) {
    for (const sentence of bodySentences(source)) {
      if (structuralIds.has(sentence.id)) continue;
      for (const title of languageScenarios(sentence.text)) {
        drafts.push({ title, summary: sentence.text, ids: [sentence.id], sourceId: source.id, structural: false });
      }
    }
  }
  return { scenarios: mergeScenarios(drafts, sources), structuralIds };
}
