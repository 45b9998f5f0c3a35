// Stories and copies among a pack's articles, on a pack of our own (test/fixtures/stories: three
// stories of four, three and one articles, two exact copies, an updated version and a syndicated
// copy), read by the real read stage; and the clustering against an exhaustive reference.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Brief, storyProblems, unresolvedEvidence, type Source } from '../../pipeline/model.js';
import { enrich } from '../../pipeline/enrich/index.js';
import { readSource } from '../../pipeline/read/index.js';
import { findCopies, type CopyArticle } from '../../pipeline/enrich/stories/copies.js';
import { averageLinkage, groupArticles, namesIn, type StoryArticle } from '../../pipeline/enrich/stories/group.js';
import { fixture } from '../support/fixture.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'stories');

function readPack(): Source[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const { source, diagnostics } = readSource({ path: join(DIR, name), bytes: readFileSync(join(DIR, name)) });
      if (!source) throw new Error(`${name}: ${diagnostics.map((d) => d.message).join('; ')}`);
      return source;
    });
}

const asArticle = (s: Source): StoryArticle & CopyArticle => ({
  id: s.id,
  title: s.title,
  text: s.sentences.filter((x) => x.kind !== 'heading').map((x) => x.text).join('\n'),
  date: s.published,
});

const packed = fixture(() => {
  const pack = readPack();
  const articles = pack.map(asArticle);
  const ids = (group: readonly number[], from: readonly { id: string }[] = articles) => group.map((i) => from[i]?.id ?? '?').sort();
  return { pack, articles, ids };
});

describe('copies', () => {
  const copied = fixture(() => {
    const { articles } = packed();
    const { of, copies } = findCopies(articles);
    const pairs = copies.map((c) => [articles[c.copy]?.id, articles[c.original]?.id]);
    return { articles, of, copies, pairs };
  });

  test('finds the exact copies, the updated version and the syndicated copy, each pointing at its original', () => {
    const { of, pairs } = copied();
    expect(pairs.sort()).toEqual(
      [
        ['x1-copy-of-a1', 'a1-strike-wire'],
        ['x3-a3-updated', 'a3-strike-talks'],
        ['x4-b1-syndicated', 'b1-rates-wire'],
        ['x2-copy-of-b2', 'b2-rates-mortgages'],
      ].sort(),
    );
    expect(of.filter((x) => x === null)).toHaveLength(8);
  });

  test('two articles written separately about one event are not copies', () => {
    const { articles, of } = copied();
    const original = (id: string) => of[articles.findIndex((a) => a.id === id)];
    expect(original('a2-strike-gazette')).toBeNull();
    expect(original('a4-strike-shipping')).toBeNull();
  });

  test('the earlier article is the original, whatever the order of the pack', () => {
    const { articles } = packed();
    const reversed = [...articles].reverse();
    const found = findCopies(reversed).copies.map((c) => [reversed[c.copy]?.id, reversed[c.original]?.id]);
    // Same-day copies: the first in the pack is the original, so the pairs turn round; a dated
    // original stays the original.
    expect(found).toContainEqual(['a1-strike-wire', 'x1-copy-of-a1']);
    const dated: CopyArticle[] = [
      { title: 'Later', text: articles[0]?.text ?? '', date: '2026-03-09' },
      { title: 'Earlier', text: articles[0]?.text ?? '', date: '2026-03-01' },
    ];
    expect(findCopies(dated).of).toEqual([1, null]);
  });

  test('a copy of a copy points at the first original', () => {
    const { articles } = packed();
    const text = articles[0]?.text ?? '';
    const chain: CopyArticle[] = [
      { title: 'One', text },
      { title: 'Two', text: `${text}\nA line added later.` },
      { title: 'Three', text: `${text}\nA line added later.\nAnd another one after that.` },
    ];
    expect(findCopies(chain).of).toEqual([null, 0, 0]);
  });

  test('short and empty articles are copies only word for word', () => {
    const short: CopyArticle[] = [
      { title: 'Brief', text: 'The port reopened on Friday.' },
      { title: 'Brief', text: 'The port reopened on Friday.' },
      { title: 'Brief', text: 'The port closed on Friday.' },
      { title: '', text: '' },
      { title: '', text: '' },
    ];
    expect(findCopies(short).of).toEqual([null, 0, null, null, null]);
  });

  test('a thousand copies of one article: one original, in one pass', () => {
    const { articles } = packed();
    const many: CopyArticle[] = Array.from({ length: 1000 }, (_, i) => ({ title: `Copy ${i}`, text: articles[0]?.text ?? '' }));
    const { of: many0 } = findCopies(many);
    expect(many0[0]).toBeNull();
    expect(many0.slice(1).every((x) => x === 0)).toBe(true);
  });
});

describe('stories', () => {
  const grouped = fixture(() => {
    const { articles, ids } = packed();
    const originals = articles.filter((_, i) => findCopies(articles).of[i] === null);
    return { articles, ids, originals };
  });

  test('groups the pack into its three stories, the singleton on its own', () => {
    const { ids, originals } = grouped();
    const groups = groupArticles(originals).map((g) => ids(g, originals));
    expect(groups.sort((a, b) => b.length - a.length)).toEqual([
      ['a1-strike-wire', 'a2-strike-gazette', 'a3-strike-talks', 'a4-strike-shipping'],
      ['b1-rates-wire', 'b2-rates-mortgages', 'b3-rates-opposition'],
      ['c1-museum'],
    ]);
  });

  test('copies, left in, fall into their original’s story', () => {
    const { articles, ids } = grouped();
    const groups = groupArticles(articles).map((g) => ids(g));
    expect(groups).toHaveLength(3);
    for (const [copy, original] of [
      ['x1-copy-of-a1', 'a1-strike-wire'],
      ['x3-a3-updated', 'a3-strike-talks'],
      ['x4-b1-syndicated', 'b1-rates-wire'],
    ]) {
      expect(groups.find((g) => g.includes(copy ?? ''))).toContain(original);
    }
  });

  test('the grouping does not depend on the order of the articles', () => {
    const { ids, originals } = grouped();
    const forward = groupArticles(originals).map((g) => ids(g, originals).join(',')).sort();
    const reversed = [...originals].reverse();
    const backward = groupArticles(reversed).map((g) => ids(g, reversed).join(',')).sort();
    expect(backward).toEqual(forward);
  });

  test('every article in exactly one group, also for empty, one-line and foreign-language articles', () => {
    const { originals } = grouped();
    const odd: StoryArticle[] = [
      { id: 'empty', title: '', text: '' },
      { id: 'line', title: 'Port reopens', text: 'The port reopened.' },
      { id: 'german', title: 'Hafenarbeiter streiken in Calder', text: 'Die Hafenarbeiter in Calder haben am Montag die Arbeit niedergelegt. Die Gewerkschaft fordert mehr Lohn.' },
      ...originals,
    ];
    const groups = groupArticles(odd);
    expect(groups.flat().sort((a, b) => a - b)).toEqual(odd.map((_, i) => i));
    expect(groups.find((g) => g.includes(0))).toEqual([0]);
    expect(groupArticles([])).toEqual([]);
    expect(groupArticles([{ id: 'x', title: 'x', text: '' }])).toEqual([[0]]);
  });
});

describe('namesIn', () => {
  test.each([
    ['Union secretary Ilse Brandvold said the operator, Calder Terminals, had offered more.', ['ilse brandvold', 'calder terminals']],
    ['The Bank of Estmark raised its rate.', ['bank', 'estmark']],
    ['Dock workers walked out.', []],
  ])('%s', (sentence, names) => {
    expect(namesIn(sentence)).toEqual(names);
  });
});

describe('the brief of a pack of several stories', () => {
  const packBrief = fixture(() => {
    const brief = Brief.parse(enrich(packed().pack, { overlay: {}, generatedAt: '2026-03-07T00:00:00.000Z', diagnostics: [] }));
    const story = (sourceId: string) => brief.stories.find((s) => s.sources.includes(sourceId));
    return { brief, story };
  });

  test('every original in exactly one story, the copies in none, each naming its original', () => {
    const { brief } = packBrief();
    expect(storyProblems(brief)).toEqual([]);
    expect(brief.stories.map((s) => s.sources.length)).toEqual([4, 3, 1]);
    expect(Object.fromEntries(brief.sources.filter((s) => s.duplicateOf).map((s) => [s.id, s.duplicateOf]))).toEqual({
      'x1-copy-of-a1': 'a1-strike-wire',
      'x2-copy-of-b2': 'b2-rates-mortgages',
      'x3-a3-updated': 'a3-strike-talks',
      'x4-b1-syndicated': 'b1-rates-wire',
    });
    expect(brief.diagnostics.filter((d) => d.ruleId === 'enrich/copy')).toHaveLength(4);
  });

  test('a copy is not analysed: no item cites its sentences, and it adds no source to any item', () => {
    const { brief } = packBrief();
    const copies = new Set(brief.sources.filter((s) => s.duplicateOf).map((s) => s.id));
    const cited = [...brief.scenarios, ...brief.risks, ...brief.signposts, ...brief.keyJudgments, ...brief.bluf].flatMap((x) => x.evidence);
    expect(cited.filter((id) => copies.has(id.slice(0, id.lastIndexOf(':'))))).toEqual([]);
    expect([...brief.scenarios, ...brief.risks].flatMap((x) => x.sources).filter((id) => copies.has(id))).toEqual([]);
    expect(brief.actors.flatMap((a) => a.sources).filter((id) => copies.has(id))).toEqual([]);
  });

  test('each story has a title from its articles, a summary whose evidence is its own, its dates and actors', () => {
    const { brief, story } = packBrief();
    expect(unresolvedEvidence(brief)).toEqual([]);
    for (const s of brief.stories) {
      const titles = brief.sources.filter((x) => s.sources.includes(x.id)).map((x) => x.title);
      expect(titles).toContain(s.title);
      expect(s.summary.length).toBeGreaterThanOrEqual(Math.min(2, s.sources.length + 1));
      expect(s.summary.length).toBeLessThanOrEqual(4);
      for (const line of s.summary) for (const id of line.evidence) expect(s.sources).toContain(id.slice(0, id.lastIndexOf(':')));
      expect(new Set(s.summary.map((x) => x.text)).size).toBe(s.summary.length);
    }
    expect(story('a1-strike-wire')?.dates).toEqual({ first: '2026-03-02', last: '2026-03-05' });
    expect(story('a1-strike-wire')?.actors).toContain('Ilse Brandvold');
    expect(story('b1-rates-wire')?.actors).toContain('Lena Sund');
    expect(story('c1-museum')?.dates).toEqual({ first: '2026-03-01', last: '2026-03-01' });
  });

  test('the heaviest story comes first, and the bottom line gives each story one line from its summary', () => {
    const { brief } = packBrief();
    expect(brief.stories[0]?.sources).toContain('a1-strike-wire');
    expect(brief.bluf).toHaveLength(brief.stories.length);
    brief.bluf.forEach((line, i) => expect(brief.stories[i]?.summary).toContainEqual(line));
  });

  test('the items of the analysis sit in the story of their evidence', () => {
    const { brief, story } = packBrief();
    const items = [...brief.scenarios, ...brief.risks, ...brief.signposts, ...brief.keyJudgments];
    for (const item of items) {
      const sourceIds = item.evidence.map((id) => id.slice(0, id.lastIndexOf(':')));
      expect(sourceIds.some((id) => story(id)?.id === item.storyId)).toBe(true);
    }
    for (const q of brief.quotes) expect(q.storyId).toBe(story(q.evidence.slice(0, q.evidence.lastIndexOf(':')))?.id);
    expect(brief.quotes.length).toBeGreaterThan(0);
  });
});

describe('packs that are hard to group', () => {
  const ctx = { overlay: {}, generatedAt: '2026-03-07T00:00:00.000Z', diagnostics: [] };
  const packFirst = fixture(() => {
    const { pack } = packed();
    return { pack, first: pack[0] as Source };
  });

  test('a thousand copies of one article and one other article: two stories, the copies named once each', () => {
    const { pack, first } = packFirst();
    const copies = Array.from({ length: 1000 }, (_, i): Source => ({ ...first, id: `copy-${i}`, path: `seeds/copy-${i}.md`, sentences: first.sentences.map((x) => ({ ...x, id: x.id.replace(/^[^:]+/, `copy-${i}`) })) }));
    const brief = Brief.parse(enrich([...copies, pack.find((s) => s.id === 'c1-museum') as Source], ctx));
    expect(storyProblems(brief)).toEqual([]);
    expect(brief.stories.map((s) => s.sources)).toEqual([['copy-0'], ['c1-museum']]);
    expect(brief.diagnostics.filter((d) => d.ruleId === 'enrich/copy')).toHaveLength(999);
  });

  test('every article from one outlet: stories as usual, each counting one independent source', () => {
    const { pack } = packFirst();
    const one = pack.filter((s) => s.duplicateOf === null).map((s) => ({ ...s, via: ['Northsea Wire'], author: null }));
    const brief = Brief.parse(enrich(one, ctx));
    expect(storyProblems(brief)).toEqual([]);
    expect(brief.stories.length).toBeGreaterThanOrEqual(3);
    expect(brief.stories.every((s) => s.independentSources === 1)).toBe(true);
  });

  test('articles with no sentences are stories of their own, with no summary, and a warning each', () => {
    const { pack, first } = packFirst();
    const empty = (id: string): Source => ({ ...first, id, path: `seeds/${id}.md`, title: '', sentences: [], headings: [] });
    const brief = Brief.parse(enrich([empty('blank-1'), empty('blank-2'), ...pack.slice(0, 3)], ctx));
    expect(storyProblems(brief)).toEqual([]);
    for (const id of ['blank-1', 'blank-2']) {
      const story = brief.stories.find((s) => s.sources.includes(id));
      expect(story?.sources).toEqual([id]);
      expect(story?.summary).toEqual([]);
      expect(story?.title).toBe(id);
    }
    expect(brief.diagnostics.filter((d) => d.ruleId === 'enrich/empty-source').map((d) => d.file).sort()).toEqual(['seeds/blank-1.md', 'seeds/blank-2.md']);
  });
});

/** Average linkage the slow way: always merge the pair of groups with the highest mean similarity. */
function naiveAverageLinkage(sim: readonly number[][], floor: number): number[][] {
  let groups = sim.map((_, i) => [i]);
  for (;;) {
    let best: [number, number, number] | null = null;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        let sum = 0;
        for (const i of groups[a] ?? []) for (const j of groups[b] ?? []) sum += sim[i]?.[j] ?? 0;
        const mean = sum / ((groups[a]?.length ?? 1) * (groups[b]?.length ?? 1));
        if (!best || mean > best[2]) best = [a, b, mean];
      }
    }
    if (!best || best[2] < floor) break;
    const [a, b] = best;
    groups = [...groups.filter((_, k) => k !== a && k !== b), [...(groups[a] ?? []), ...(groups[b] ?? [])]];
  }
  return groups.map((g) => g.sort((x, y) => x - y)).sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}

describe('averageLinkage (nearest-neighbour chain)', () => {
  // A seeded generator: the same matrices on every run.
  function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  test.each([1, 2, 3, 4, 5, 6, 7, 8])('merges as the exhaustive algorithm does (matrix %i)', (seed) => {
    const next = random(seed);
    const n = 12 + Math.floor(next() * 30);
    // Points in a few clusters, so that the floor cuts between levels.
    const centre = Array.from({ length: n }, () => Math.floor(next() * 4));
    const sim = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const s = (centre[i] === centre[j] ? 0.4 : 0.05) + next() * 0.3;
        (sim[i] as number[])[j] = s;
        (sim[j] as number[])[i] = s;
      }
    }
    for (const floor of [0.1, 0.3, 0.45, 0.6]) {
      const flat = Float64Array.from(sim.flat());
      expect(averageLinkage(flat, n, floor)).toEqual(naiveAverageLinkage(sim, floor));
    }
  });
});
