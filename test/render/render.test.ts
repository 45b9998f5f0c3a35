import { beforeAll, describe, expect, it } from 'vitest';
import { render, cssString, type Theme } from '../../pipeline/render/index.js';
import { anchorId, articleHtml } from '../../pipeline/render/article.js';
import { ALL_ARTICLES_UP_TO, defaultArticles } from '../../pipeline/render/view.js';
import { loadTheme } from '../../pipeline/publish/theme.js';
import { briefOf, sourceOf } from '../support/brief.js';

let theme: Theme;
beforeAll(async () => {
  theme = (await loadTheme('templates')).theme;
});

const harbour = sourceOf('port-strike', 'Dockers walk out at three ports', [
  'Dockers at three ports walked out on Monday. The union said talks had failed.',
  '## What happens next',
  'Ministers could impose arbitration. Shipping lines warned of delays.',
]);
const budget = sourceOf('budget', 'City budget <b>vote</b> delayed', ['The council postponed the vote. A deficit of 4.5 million remains.']);

const brief = briefOf([harbour, budget], {
  bluf: [{ text: 'A strike halts three ports.', evidence: ['port-strike:s1'] }],
  scenarios: [
    {
      id: 'sc-0123456789',
      title: 'Arbitration',
      summary: 'Ministers impose arbitration.',
      sources: ['port-strike'],
      evidence: ['port-strike:s4'],
      riskIds: ['rk-abcdef0123'],
      confidence: 'low',
    },
  ],
  risks: [
    {
      id: 'rk-abcdef0123',
      statement: 'Shipping lines warned of delays.',
      scenarioIds: ['sc-0123456789'],
      likelihood: { term: 'roughly even chance', band: '45–55 %', cue: 'could' },
      impact: 'medium',
      score: 8,
      evidence: ['port-strike:s5'],
      sources: ['port-strike'],
    },
  ],
});

describe('render', () => {
  it('puts every section and every article in the print document', () => {
    const { html } = render(brief, theme);
    for (const text of ['Bottom line up front', 'Scenarios', 'Risks', 'What to watch', 'Dockers walk out at three ports', 'Arbitration']) {
      expect(html).toContain(text);
    }
  });

  it('links each evidence reference to an anchor that exists in the same document', () => {
    const { html } = render(brief, theme);
    const targets = [...html.matchAll(/href="#(ev-[^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThanOrEqual(3);
    for (const target of targets) expect(html).toContain(`id="${target}"`);
  });

  it('points EPUB evidence links at the article chapter that holds the sentence', () => {
    const { epub } = render(brief, theme);
    const scenarios = epub.chapters.find((c) => c.filename === 'scenarios.xhtml');
    expect(scenarios?.content).toContain(`href="article-1.xhtml#${anchorId('port-strike:s4')}"`);
    const article = epub.chapters.find((c) => c.filename === 'article-1.xhtml');
    expect(article?.content).toContain(`id="${anchorId('port-strike:s4')}"`);
    expect(epub.nav).toContain('href="article-2.xhtml"');
  });

  it('escapes text from the articles instead of interpreting it', () => {
    const { html } = render(brief, theme);
    expect(html).toContain('City budget &lt;b&gt;vote&lt;/b&gt; delayed');
    expect(html).not.toContain('<b>vote</b>');
  });

  it('fails on a brief that breaks the model rather than printing blanks', () => {
    expect(() => render({ ...brief, title: '' }, theme)).toThrow();
  });
});

describe('articleHtml', () => {
  it('wraps each sentence in an anchor and keeps headings below the article title', () => {
    const html = articleHtml(harbour);
    expect(html).toContain(`<span id="${anchorId('port-strike:s2')}" class="sentence">The union said talks had failed.</span>`);
    expect(html).toMatch(/<h3><span id="ev-port-strike-s3"[^>]*>What happens next<\/span><\/h3>/);
  });

  it('makes anchor ids that are XML names even when the source id starts with a digit', () => {
    expect(anchorId('000_ce3e:s12')).toMatch(/^[A-Za-z_][\w.-]*$/);
  });
});

describe('cssString', () => {
  it('quotes a value so it can close neither the string nor the style element', () => {
    const value = cssString('Q3 "draft" </style><script>');
    expect(value.startsWith('"') && value.endsWith('"')).toBe(true);
    expect(value.slice(1, -1)).not.toMatch(/["<>]/);
  });
});

describe('articleHtml on tables', () => {
  it('anchors sentences in table cells', () => {
    const source = sourceOf('poll', 'Poll', ['Intro.']);
    source.sentences.push({ id: 'poll:s2', text: 'Turnout rose.', section: null, block: 1, kind: 'table-cell', line: 3 });
    source.tree.children.push({
      type: 'table',
      children: [
        { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'Finding' }] }] },
        { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'Turnout rose.' }], data: { sentenceIds: ['poll:s2'] } }] },
      ],
    });
    expect(articleHtml(source)).toContain(`<td><span id="${anchorId('poll:s2')}" class="sentence">Turnout rose.</span></td>`);
  });
});

describe('articleHtml with inline formatting', () => {
  it('keeps links and emphasis inside the sentence anchors, splitting them at sentence ends', () => {
    const source = sourceOf('links', 'Links', ['First sentence here. Second one.']);
    const paragraph = source.tree.children[0] as import('mdast').Paragraph;
    paragraph.children = [
      { type: 'text', value: 'First ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'sentence here. Second' }] },
      { type: 'text', value: ' one.' },
    ];
    const html = articleHtml(source, new Set(['links:s2']));
    expect(html).toContain(`<span id="${anchorId('links:s1')}" class="sentence">First <em>sentence here.</em></span>`);
    expect(html).toContain(`<span id="${anchorId('links:s2')}" class="sentence cited"><span class="mark">s2</span> <em>Second</em> one.</span>`);
  });

  it('keeps a safe link and drops a javascript: one', () => {
    const source = sourceOf('l2', 'L2', ['See the report. Or not.']);
    const paragraph = source.tree.children[0] as import('mdast').Paragraph;
    paragraph.children = [
      { type: 'text', value: 'See the ' },
      { type: 'link', url: 'https://example.org/r', children: [{ type: 'text', value: 'report' }] },
      { type: 'text', value: '. Or ' },
      { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'not' }] },
      { type: 'text', value: '.' },
    ];
    const html = articleHtml(source);
    expect(html).toContain('<a href="https://example.org/r">report</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('not');
  });
});

describe('the articles a pack prints by default', () => {
  const pack = (n: number, copies = 0) => {
    const originals = Array.from({ length: n }, (_, i) => sourceOf(`a${i}`, `Article ${i}`, [`Sentence of article ${i}.`]));
    const extra = Array.from({ length: copies }, (_, i) => ({ ...sourceOf(`c${i}`, `Copy ${i}`, ['Sentence of article 0.']), duplicateOf: 'a0' }));
    return briefOf([...originals, ...extra]);
  };

  it(`prints every article up to ${ALL_ARTICLES_UP_TO}, copies not counted, and only the cited ones past that`, () => {
    expect(defaultArticles(pack(ALL_ARTICLES_UP_TO, 5))).toBe('all');
    expect(defaultArticles(pack(ALL_ARTICLES_UP_TO + 1))).toBe('cited');
  });

  it('cited: prints the articles a statement cites, in story order, and leaves out the rest', () => {
    const sources = ['a0', 'a1', 'a2', 'a3'].map((id, i) => sourceOf(id, `Headline ${i}`, [`Sentence of article ${i}.`]));
    // The story card cites a2 only; the bottom line cites a0.
    const brief = briefOf(sources, { bluf: [{ text: 'Sentence of article 0.', evidence: ['a0:s1'] }] });
    const story = brief.stories[0];
    if (!story) throw new Error('no story');
    const cited = { ...brief, stories: [{ ...story, sources: ['a3', 'a2', 'a1', 'a0'], summary: [{ text: 'Sentence of article 2.', evidence: ['a2:s1'] }] }] };
    const appendix = (choice: 'all' | 'cited') => {
      const html = render(cited, theme, { articles: choice }).html;
      const back = html.slice(html.lastIndexOf('Source articles'));
      return [...back.matchAll(/Headline (\d)/g)].map((m) => m[1]).filter((d, i, all) => all.indexOf(d) === i);
    };
    expect(appendix('cited')).toEqual(['2', '0']);
    expect(appendix('all')).toEqual(['3', '2', '1', '0']);
  });
});
