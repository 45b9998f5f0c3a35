// Brief → the view the templates read: numbering, labels and links decided once, here,
// so that templates only lay things out.
import { citedEvidence, type Brief, type Risk, type Scenario, type Source, type Story } from '../model.js';
import { anchorId, articleHtml } from './article.js';
import { riskMatrix } from './matrix.js';

/** Where each contents entry's target printed, by element id; absent on the first print. */
export type PageNumbers = Readonly<Record<string, number>>;

/** Where a link lands: the print document is one page, the EPUB one file per chapter. */
export type Target = 'print' | 'epub';

export interface Ref {
  label: string;
  href: string;
  title: string;
}

export interface SourceView {
  n: number;
  id: string;
  anchor: string;
  file: string;
  title: string;
  kicker: string | null;
  author: string | null;
  via: string[];
  published: string | null;
  boilerplate: string[];
  html: string;
  /** The story the article belongs to ("Story 2"), or null for a copy. */
  story: string | null;
  /** Other editions of this article: copies, updates, the same text from other outlets. */
  editions: Array<{ id: string; title: string; via: string[]; published: string | null }>;
  /** Whether the pack prints it (--articles); references to one it leaves out are not links. */
  printed: boolean;
}

export interface SectionView {
  id: string;
  title: string;
  partial: string;
  file: string;
}

const SECTIONS: ReadonlyArray<Omit<SectionView, 'file'>> = [
  { id: 'bottom-line', title: 'Bottom line up front', partial: 'bluf' },
  { id: 'stories', title: 'Stories', partial: 'stories' },
  { id: 'scenarios', title: 'Scenarios', partial: 'scenarios' },
  { id: 'risks', title: 'Risks', partial: 'risks' },
  { id: 'actors', title: 'Actors and quotes', partial: 'actors' },
  { id: 'signposts', title: 'What to watch', partial: 'signposts' },
];

export const ARTICLES_SECTION = { id: 'sources', title: 'Source articles' } as const;

/** Which articles the pack prints at the back: every one, those the analysis cites, or none. */
export type ArticlesChoice = 'all' | 'cited' | 'none';

/** Past this many articles (copies aside) the pack prints only the cited ones unless told otherwise. */
export const ALL_ARTICLES_UP_TO = 40;

export function defaultArticles(brief: Brief): ArticlesChoice {
  return brief.sources.filter((s) => s.duplicateOf === null).length <= ALL_ARTICLES_UP_TO ? 'all' : 'cited';
}

function formatDate(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

function sourceFile(n: number): string {
  return `article-${n}.xhtml`;
}

/** Each article as sanitized HTML with its sentence anchors, cited sentences marked. */
export function articleHtmls(brief: Brief): string[] {
  // Every sentence the analysis cites gets a visible mark in its article.
  const cited = new Set(citedEvidence(brief));
  return brief.sources.map((source) => articleHtml(source, cited));
}

/**
 * The articles in the order of the stories (each story's earliest first), every copy listed under
 * its original rather than printed again. Numbers follow that order: [1] opens the first story.
 */
function sourceViews(brief: Brief, html: readonly string[], storyLabels: ReadonlyMap<string, string>, choice: ArticlesChoice): SourceView[] {
  const cited = new Set(citedEvidence(brief).map((id) => id.slice(0, id.lastIndexOf(':'))));
  const at = new Map(brief.sources.map((s, i) => [s.id, i]));
  const storyOf = new Map(brief.stories.flatMap((story) => story.sources.map((id) => [id, story.id] as const)));
  const originals = new Map(brief.sources.filter((s) => s.duplicateOf === null).map((s) => [s.id, s]));
  const copiesOf = new Map<string, Source[]>();
  for (const copy of brief.sources) {
    if (copy.duplicateOf === null) continue;
    const list = copiesOf.get(copy.duplicateOf);
    if (list) list.push(copy);
    else copiesOf.set(copy.duplicateOf, [copy]);
  }
  const ordered = [
    ...brief.stories.flatMap((story) => story.sources.flatMap((id) => originals.get(id) ?? [])),
    ...[...originals.values()].filter((s) => !storyOf.has(s.id)),
  ];
  return ordered.map((source, index) => ({
    n: index + 1,
    id: source.id,
    anchor: `article-${index + 1}`,
    file: sourceFile(index + 1),
    title: source.title || source.id,
    kicker: source.kicker,
    author: source.author,
    via: source.via,
    published: source.published,
    boilerplate: source.boilerplate,
    html: html[at.get(source.id) ?? -1] ?? '',
    story: storyLabels.get(storyOf.get(source.id) ?? '') ?? null,
    editions: (copiesOf.get(source.id) ?? []).map((copy) => ({ id: copy.id, title: copy.title || copy.id, via: copy.via, published: copy.published })),
    printed: choice === 'all' || (choice === 'cited' && cited.has(source.id)),
  }));
}


/** Resolves sentence ids to labelled links ("2·s14") pointing at the sentence in its article. */
function evidenceLinker(sources: SourceView[], brief: Brief, target: Target) {
  const bySourceId = new Map(sources.map((s) => [s.id, s]));
  const sentenceText = new Map(brief.sources.flatMap((s) => s.sentences.map((x) => [x.id, x.text] as const)));
  return (ids: readonly string[]): Ref[] =>
    ids.flatMap((id) => {
      const [sourceId, local] = [id.slice(0, id.lastIndexOf(':')), id.slice(id.lastIndexOf(':') + 1)];
      const source = bySourceId.get(sourceId);
      if (!source) return [];
      const fragment = `#${anchorId(id)}`;
      return [
        {
          label: `${source.n}·${local}`,
          href: !source.printed ? '' : target === 'epub' ? `${source.file}${fragment}` : fragment,
          title: sentenceText.get(id) ?? '',
        },
      ];
    });
}

function label(prefix: string, items: ReadonlyArray<{ id: string }>): Map<string, string> {
  return new Map(items.map((item, index) => [item.id, `${prefix}${index + 1}`]));
}

function sourceLabeller(sources: SourceView[]) {
  const byId = new Map(sources.map((s) => [s.id, `[${s.n}] ${s.title}`]));
  return (ids: readonly string[]): string[] => ids.flatMap((id) => byId.get(id) ?? []);
}

/** Risks in the order a reader triages them: highest score first, ties by likelihood of wording. */
function byScore(risks: Risk[]): Risk[] {
  return [...risks].sort((a, b) => b.score - a.score || a.statement.localeCompare(b.statement));
}

interface ContentsEntry {
  id: string;
  title: string;
  href: string;
  page: number | null;
  children: ContentsEntry[];
}

function contentsEntries(sections: SectionView[], sources: SourceView[], stories: ReadonlyArray<{ id: string; title: string }>, target: Target): ContentsEntry[] {
  const entry = (id: string, title: string, file: string, children: ContentsEntry[] = []): ContentsEntry => ({
    id,
    title,
    href: target === 'epub' ? file : `#${id}`,
    page: null,
    children,
  });
  const printed = sources.filter((s) => s.printed);
  return [
    ...sections.map((s) =>
      entry(
        s.id,
        s.title,
        s.file,
        // Each story is an entry of its own, as each article is.
        s.id === 'stories' && stories.length > 1 ? stories.map((story) => ({ ...entry(story.id, story.title, `${s.file}#${story.id}`) })) : [],
      ),
    ),
    ...(printed.length === 0
      ? []
      : [entry(ARTICLES_SECTION.id, ARTICLES_SECTION.title, printed[0]?.file ?? '', printed.map((s) => entry(s.anchor, s.title, s.file)))]),
  ];
}

/** The contents with each entry's page number filled in from a first print. */
export function withPages(contents: readonly ContentsEntry[], pages: PageNumbers): ContentsEntry[] {
  return contents.map((entry) => ({ ...entry, page: pages[entry.id] ?? null, children: withPages(entry.children, pages) }));
}

/** "3 March 2026", or "3–5 March 2026" across days. */
function dateSpan(dates: Story['dates'], lang: string): string | null {
  if (!dates.first) return null;
  const first = formatDate(dates.first, lang);
  if (!dates.last || dates.last === dates.first) return first;
  return `${first} – ${formatDate(dates.last, lang)}`;
}

/** Rows of a story's part of the actors table; the JSON keeps every actor. */
const ACTORS_PER_STORY = 8;
/** Rows for a pack of one story. */
const ACTORS_ONE_STORY = 24;

/**
 * The actors table: per story, the actors who speak in it and those named in more than one of its
 * sentences — speakers first, then people, organisations and groups by how often the story names
 * them, places last. A pack of one story has one part, without a heading.
 */
function actorTable(brief: Brief, refs: (evidence: readonly string[]) => unknown) {
  const sourceOf = (evidence: string) => evidence.slice(0, evidence.lastIndexOf(':'));
  const one = brief.stories.length <= 1;
  const parts = (one ? [{ id: null as string | null, title: null as string | null, sources: brief.sources.map((s) => s.id) }] : brief.stories).map((story) => {
    const ids = new Set(story.sources);
    const rows = brief.actors
      .map((actor) => ({
        actor,
        here: actor.evidence.filter((e) => ids.has(sourceOf(e))).length,
        speaks: brief.quotes.some((q) => q.speaker === actor.name && ids.has(sourceOf(q.evidence))),
      }))
      .filter((r) => r.speaks || r.here >= 2)
      .sort((a, b) => Number(b.speaks) - Number(a.speaks) || Number(a.actor.kind === 'place') - Number(b.actor.kind === 'place') || b.here - a.here || a.actor.name.localeCompare(b.actor.name))
      .slice(0, one ? ACTORS_ONE_STORY : ACTORS_PER_STORY)
      .map(({ actor, here }) => ({ ...actor, here, sourcesHere: actor.sources.filter((id) => ids.has(id)).length, refs: refs(actor.evidence.filter((e) => ids.has(sourceOf(e))).slice(0, 3)) }));
    return { title: one ? null : story.title, actors: rows };
  });
  const listed = new Set(parts.flatMap((p) => p.actors.map((a) => a.name)));
  return { parts: parts.filter((p) => p.actors.length > 0), leftOut: brief.actors.filter((a) => !listed.has(a.name)).length };
}

export function buildView(brief: Brief, target: Target, articles: readonly string[] = articleHtmls(brief), choice: ArticlesChoice = defaultArticles(brief)) {
  const storyLabels = new Map(brief.stories.map((s, i) => [s.id, `Story ${i + 1}`]));
  const sources = sourceViews(brief, articles, storyLabels, choice);
  const refs = evidenceLinker(sources, brief, target);
  const sourceLabels = sourceLabeller(sources);
  const ranked = byScore(brief.risks);
  const scenarioLabels = label('S', brief.scenarios);
  const riskLabels = label('R', ranked);
  const sections: SectionView[] = SECTIONS.map((section) => ({ ...section, file: `${section.id}.xhtml` }));
  const riskHref = (risk: Risk) => (target === 'epub' ? `risks.xhtml#${risk.id}` : `#${risk.id}`);
  const risks = ranked.map((r) => ({
    ...r,
    label: riskLabels.get(r.id) ?? '',
    refs: refs(r.evidence),
    sourceCount: r.sources.length,
    scenarioLabels: r.scenarioIds.flatMap((id) => scenarioLabels.get(id) ?? []),
    story: storyLabels.get(r.storyId ?? '') ?? null,
  }));
  const articleOf = new Map(sources.map((s) => [s.id, s]));
  const stories = brief.stories.map((story) => ({
    ...story,
    label: storyLabels.get(story.id) ?? '',
    dateSpan: dateSpan(story.dates, brief.lang),
    summary: story.summary.map((line) => ({ text: line.text, refs: refs(line.evidence) })),
    articles: story.sources.flatMap((id) => {
      const article = articleOf.get(id);
      if (!article) return [];
      const outlets = [...new Set([...article.via, ...article.editions.flatMap((e) => e.via)])];
      const href = !article.printed ? '' : target === 'epub' ? article.file : `#${article.anchor}`;
      return [{ n: article.n, title: article.title, href, outlets, editions: article.editions.length }];
    }),
    copies: story.sources.reduce((sum, id) => sum + (articleOf.get(id)?.editions.length ?? 0), 0),
  }));

  return {
    pack: {
      title: brief.title,
      subtitle: brief.subtitle,
      audience: brief.audience,
      marking: brief.marking,
      lang: brief.lang,
      date: formatDate(brief.generatedAt, brief.lang),
      // Copies are other editions of an article: counted apart, their sentences not at all.
      sourceCount: brief.sources.filter((s) => s.duplicateOf === null).length,
      copyCount: brief.sources.filter((s) => s.duplicateOf !== null).length,
      storyCount: brief.stories.length,
      multipleStories: brief.stories.length > 1,
      sentenceCount: brief.sources.filter((s) => s.duplicateOf === null).reduce((sum, s) => sum + s.sentences.length, 0),
    },
    contents: contentsEntries(sections, sources, stories, target),
    sections,
    articlesSection: ARTICLES_SECTION,
    /** The articles printed at the back, in story order. */
    sources: sources.filter((s) => s.printed),
    /** Articles left out by --articles, named in a line under the contents of the appendix. */
    articlesLeftOut: sources.filter((s) => !s.printed).length,
    articlesChoice: choice,
    stories,
    /** Story labels only mean something when there is more than one story. */
    multipleStories: brief.stories.length > 1,
    bluf: brief.bluf.map((s) => ({ text: s.text, refs: refs(s.evidence) })),
    keyJudgments: brief.keyJudgments.map((k) => ({ ...k, refs: refs(k.evidence), story: storyLabels.get(k.storyId ?? '') ?? null })),
    /** Key judgments under the story they belong to, in the stories' order: a pack of several stories reads them story by story. */
    keyJudgmentsByStory: [...brief.stories.map((s) => s.id), null]
      .map((storyId) => ({
        label: storyId === null ? null : (storyLabels.get(storyId) ?? null),
        title: brief.stories.find((s) => s.id === storyId)?.title ?? 'Across the stories',
        items: brief.keyJudgments.filter((k) => k.storyId === storyId).map((k) => ({ ...k, refs: refs(k.evidence) })),
      }))
      .filter((group) => group.items.length > 0),
    scenarios: brief.scenarios.map((s: Scenario) => ({
      ...s,
      label: scenarioLabels.get(s.id),
      refs: refs(s.evidence),
      sourceLabels: sourceLabels(s.sources),
      riskLabels: s.riskIds.flatMap((id) => riskLabels.get(id) ?? []),
      story: storyLabels.get(s.storyId ?? '') ?? null,
    })),
    risks,
    matrix: riskMatrix(risks, riskHref),
    actors: brief.actors.map((a) => ({ ...a, refs: refs(a.evidence.slice(0, 3)) })),
    actorTable: actorTable(brief, refs),
    quotes: brief.quotes.map((q) => ({ ...q, refs: refs([q.evidence]) })),
    signposts: brief.signposts.map((s) => ({ text: s.text, refs: refs(s.evidence) })),
  };
}

export type View = ReturnType<typeof buildView>;
