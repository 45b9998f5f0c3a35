// Brief → the view the templates read: numbering, labels and links decided once, here,
// so that templates only lay things out.
import type { Brief, Risk, Scenario, Source } from '../model.js';
import { anchorId, articleHtml } from './article.js';

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

function sourceViews(sources: Source[]): SourceView[] {
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
    html: articleHtml(source),
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

function sourceLabels(ids: readonly string[], sources: SourceView[]): string[] {
  return ids.flatMap((id) => {
    const source = sources.find((s) => s.id === id);
    return source ? [`[${source.n}] ${source.title}`] : [];
  });
}

/** Risks in the order a reader triages them: highest score first, ties by likelihood of wording. */
function byScore(risks: Risk[]): Risk[] {
  return [...risks].sort((a, b) => b.score - a.score || a.statement.localeCompare(b.statement));
}

export function buildView(brief: Brief, target: Target) {
  const sources = sourceViews(brief.sources);
  const refs = evidenceLinker(sources, brief, target);
  const risks = byScore(brief.risks);
  const scenarioLabels = label('S', brief.scenarios);
  const riskLabels = label('R', risks);
  const sections: SectionView[] = SECTIONS.map((section) => ({ ...section, file: `${section.id}.xhtml` }));
  const sectionHref = (section: { id: string; file: string }) => (target === 'epub' ? section.file : `#${section.id}`);

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
    contents: [
      ...sections.map((s) => ({ title: s.title, href: sectionHref(s), children: [] as { title: string; href: string }[] })),
      {
        title: ARTICLES_SECTION.title,
        href: target === 'epub' ? sources[0]?.file ?? '' : `#${ARTICLES_SECTION.id}`,
        children: sources.map((s) => ({ title: s.title, href: target === 'epub' ? s.file : `#${s.anchor}` })),
      },
    ],
    sections,
    articlesSection: ARTICLES_SECTION,
    sources,
    bluf: brief.bluf.map((s) => ({ text: s.text, refs: refs(s.evidence) })),
    keyJudgments: brief.keyJudgments.map((k) => ({ ...k, refs: refs(k.evidence) })),
    scenarios: brief.scenarios.map((s: Scenario) => ({
      ...s,
      label: scenarioLabels.get(s.id),
      refs: refs(s.evidence),
      sourceLabels: sourceLabels(s.sources, sources),
      riskLabels: s.riskIds.flatMap((id) => riskLabels.get(id) ?? []),
    })),
    risks: risks.map((r) => ({
      ...r,
      label: riskLabels.get(r.id),
      refs: refs(r.evidence),
      sourceCount: r.sources.length,
      scenarioLabels: r.scenarioIds.flatMap((id) => scenarioLabels.get(id) ?? []),
    })),
    actors: brief.actors.map((a) => ({ ...a, refs: refs(a.evidence.slice(0, 3)) })),
    quotes: brief.quotes.map((q) => ({ ...q, refs: refs([q.evidence]) })),
    signposts: brief.signposts.map((s) => ({ text: s.text, refs: refs(s.evidence) })),
  };
}

export type View = ReturnType<typeof buildView>;
