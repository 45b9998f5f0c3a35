// Brief → the view the templates read: numbering, labels and links decided once, here,
// so that templates only lay things out.
import { citedEvidence, type Brief, type Risk, type Scenario, type Source } from '../model.js';
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
}

export interface SectionView {
  id: string;
  title: string;
  partial: string;
  file: string;
}

const SECTIONS: ReadonlyArray<Omit<SectionView, 'file'>> = [
  { id: 'bottom-line', title: 'Bottom line up front', partial: 'bluf' },
  { id: 'scenarios', title: 'Scenarios', partial: 'scenarios' },
  { id: 'risks', title: 'Risks', partial: 'risks' },
  { id: 'actors', title: 'Actors and quotes', partial: 'actors' },
  { id: 'signposts', title: 'What to watch', partial: 'signposts' },
];

export const ARTICLES_SECTION = { id: 'sources', title: 'Source articles' } as const;

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

function sourceViews(sources: Source[], html: readonly string[]): SourceView[] {
  return sources.map((source, index) => ({
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
    html: html[index] ?? '',
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
          href: target === 'epub' ? `${source.file}${fragment}` : fragment,
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

function contentsEntries(sections: SectionView[], sources: SourceView[], target: Target): ContentsEntry[] {
  const entry = (id: string, title: string, file: string, children: ContentsEntry[] = []): ContentsEntry => ({
    id,
    title,
    href: target === 'epub' ? file : `#${id}`,
    page: null,
    children,
  });
  return [
    ...sections.map((s) => entry(s.id, s.title, s.file)),
    entry(
      ARTICLES_SECTION.id,
      ARTICLES_SECTION.title,
      sources[0]?.file ?? '',
      sources.map((s) => entry(s.anchor, s.title, s.file)),
    ),
  ];
}

/** The contents with each entry's page number filled in from a first print. */
export function withPages(contents: readonly ContentsEntry[], pages: PageNumbers): ContentsEntry[] {
  return contents.map((entry) => ({ ...entry, page: pages[entry.id] ?? null, children: withPages(entry.children, pages) }));
}

export function buildView(brief: Brief, target: Target, articles: readonly string[] = articleHtmls(brief)) {
  const sources = sourceViews(brief.sources, articles);
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
  }));

  return {
    pack: {
      title: brief.title,
      subtitle: brief.subtitle,
      audience: brief.audience,
      marking: brief.marking,
      lang: brief.lang,
      date: formatDate(brief.generatedAt, brief.lang),
      sourceCount: brief.sources.length,
      sentenceCount: brief.sources.reduce((sum, s) => sum + s.sentences.length, 0),
    },
    contents: contentsEntries(sections, sources, target),
    sections,
    articlesSection: ARTICLES_SECTION,
    sources,
    bluf: brief.bluf.map((s) => ({ text: s.text, refs: refs(s.evidence) })),
    keyJudgments: brief.keyJudgments.map((k) => ({ ...k, refs: refs(k.evidence) })),
    scenarios: brief.scenarios.map((s: Scenario) => ({
      ...s,
      label: scenarioLabels.get(s.id),
      refs: refs(s.evidence),
      sourceLabels: sourceLabels(s.sources),
      riskLabels: s.riskIds.flatMap((id) => riskLabels.get(id) ?? []),
    })),
    risks,
    matrix: riskMatrix(risks, riskHref),
    actors: brief.actors.map((a) => ({ ...a, refs: refs(a.evidence.slice(0, 3)) })),
    quotes: brief.quotes.map((q) => ({ ...q, refs: refs([q.evidence]) })),
    signposts: brief.signposts.map((s) => ({ text: s.text, refs: refs(s.evidence) })),
  };
}

export type View = ReturnType<typeof buildView>;
