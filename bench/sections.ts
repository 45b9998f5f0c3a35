// The sections model (pipeline/enrich/stories/sections.json): trained here on the tuning part of the
// BBC News set, scored on the part kept aside (bench/stories.md says how to get the set).
//
//   node build/bench/sections.js train [--bbc DIR] [--words N]   writes the model
//   node build/bench/stories.js --grouping build/bench/sections.js#groupSections
//                                                               scores the section level as a grouping
//
// Multinomial naive Bayes with add-one smoothing over content-word stems (the same features the
// pipeline reads: sectionFeatures). Only each section's N most telling words are kept (by how much
// more likely the word is in that section than in any other), so the file stays small and readable;
// a user can add words to a section by hand.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupArticles, type StoryArticle } from '../pipeline/enrich/stories/group.js';
import { SECTION_RULE, SECTIONS, sectionFeatures, sectionOf, type SectionModel, type SectionRule } from '../pipeline/enrich/stories/sections.js';
import { loadBbc, partsOf, type LabelledArticle } from './stories.js';

const LABELS: Record<string, string> = {
  business: 'Business',
  entertainment: 'Arts and entertainment',
  politics: 'Politics',
  sport: 'Sport',
  tech: 'Technology',
  crime: 'Crime and justice',
  world: 'World',
};

/** News Category Dataset (Misra 2022, CC BY 4.0): HuffPost headlines and standfirsts, one JSON object a line. */
const HUFFPOST_SECTIONS: Record<string, string> = { CRIME: 'crime', 'WORLD NEWS': 'world' };

export function loadHuffpost(path: string): LabelledArticle[] {
  const articles: LabelledArticle[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const row = JSON.parse(line) as { headline?: string; short_description?: string; category?: string };
    const section = HUFFPOST_SECTIONS[row.category ?? ''];
    if (section === undefined) return;
    const id = `huffpost/${i + 1}`;
    articles.push({ id, title: row.headline ?? '', text: row.short_description ?? '', story: section, splitKey: id, family: section });
  });
  return articles;
}

const BBC_COMMIT = '8265dc84e88b82b87ce7f5b2df5bbbb1159ae922';
export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'pipeline', 'enrich', 'stories', 'sections.json');

/** A word must be in this many training articles to be a feature. */
const MIN_DF = 3;

export function train(articles: readonly LabelledArticle[], perSection: number, complement = false): SectionModel {
  const ids = [...new Set(articles.map((a) => a.story))].sort();
  const counts = new Map(ids.map((id) => [id, new Map<string, number>()]));
  const totals = new Map(ids.map((id) => [id, 0]));
  const df = new Map<string, number>();
  for (const article of articles) {
    const own = counts.get(article.story) as Map<string, number>;
    for (const [word, n] of sectionFeatures([article])) {
      own.set(word, (own.get(word) ?? 0) + n);
      totals.set(article.story, (totals.get(article.story) as number) + n);
      df.set(word, (df.get(word) ?? 0) + 1);
    }
  }
  const vocabulary = [...df].filter(([, d]) => d >= MIN_DF).map(([w]) => w).sort();
  const v = vocabulary.length;
  const all = new Map<string, number>();
  for (const own of counts.values()) for (const [w, n] of own) all.set(w, (all.get(w) ?? 0) + n);
  const allTotal = [...totals.values()].reduce((a, b) => a + b, 0);
  const logP = complement
    ? (id: string, word: string) =>
        -Math.log(((all.get(word) ?? 0) - ((counts.get(id) as Map<string, number>).get(word) ?? 0) + 1) / (allTotal - (totals.get(id) as number) + v))
    : (id: string, word: string) =>
        Math.log((((counts.get(id) as Map<string, number>).get(word) ?? 0) + 1) / ((totals.get(id) as number) + v));
  const kept = new Set<string>();
  for (const id of ids) {
    const lead = vocabulary.map((w) => ({ w, lead: logP(id, w) - Math.max(...ids.filter((o) => o !== id).map((o) => logP(o, w))) }));
    lead.sort((a, b) => b.lead - a.lead || a.w.localeCompare(b.w));
    for (const { w } of lead.slice(0, perSection)) kept.add(w);
  }
  const keptWords = [...kept].sort();
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    source:
      `BBC News (Greene & Cunningham 2006), dejanbatanjac/bbc-article-classify-bert at ${BBC_COMMIT}: ` +
      `trained on the ${articles.length} articles of the tuning part (bench/stories.md), ${perSection} words per section; ` +
      'word statistics only, no article text',
    sections: ids.map((id) => ({
      id,
      label: LABELS[id] ?? id,
      unseen: round(Math.log(1 / ((totals.get(id) as number) + v))),
      words: Object.fromEntries(keptWords.map((w) => [w, round(logP(id, w))])),
    })),
  };
}

/**
 * The section level as a grouping: the stories first, then the stories of one section together.
 * A story the model leaves unfiled stays a group of its own.
 */
export function sectionGrouping(model: SectionModel = SECTIONS, rule: SectionRule = SECTION_RULE) {
  return (articles: readonly StoryArticle[]): string[][] => {
  const bySection = new Map<string, string[]>();
  const groups: string[][] = [];
  for (const story of groupArticles(articles)) {
    const members = story.map((i) => articles[i] as StoryArticle);
    const { section } = sectionOf(members, model, rule);
    const ids = members.map((a) => a.id);
    if (section === null) groups.push(ids);
    else bySection.set(section, [...(bySection.get(section) ?? []), ...ids]);
  }
  return [...bySection.values(), ...groups];
  };
}

export const groupSections = sectionGrouping();

function argument(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}

function main(argv: readonly string[]): void {
  if (argv[0] !== 'train') {
    console.error('usage: node build/bench/sections.js train [--bbc DIR] [--words N]');
    process.exitCode = 2;
    return;
  }
  const dir = argument(argv, '--bbc') ?? join('..', 'data', 'stories', 'bbc');
  if (!existsSync(dir)) {
    console.log(`sections: skipped, no BBC News set at ${dir} (bench/stories.md says how to get it)`);
    return;
  }
  const set = loadBbc(dir);
  const parts = partsOf(set);
  const tuning = set.articles.filter((a) => parts.get(a.id) === 'tuning');
  const huffpost = argument(argv, '--huffpost') ?? join('..', 'data', 'sections', 'News_Category_Dataset_v3.json');
  const extra = existsSync(huffpost) ? loadHuffpost(huffpost) : [];
  const model = train([...tuning, ...extra], Number(argument(argv, '--words') ?? 500));
  writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`sections: ${model.sections.length} sections, ${Object.keys(model.sections[0]?.words ?? {}).length} words, written to ${MODEL_PATH}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
