// Saved web pages, read through readSource: the article only, its metadata from the page,
// the same tree shape as text and Markdown, and diagnostics instead of exceptions.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { shingleScore } from '../../bench/f1.js';
import { Source, type ReadResult } from '../../pipeline/model.js';
import { readSource } from '../../pipeline/read/index.js';
import { fixture } from '../support/fixture.js';

const FIXTURES = 'test/fixtures/read';
/** Three pages of the article-extraction benchmark, kept in the repository (see its README). */
const PAGES = 'test/fixtures/pages';

function readFixture(name: string): ReadResult {
  const path = join(FIXTURES, name, 'input.html');
  return readSource({ path, bytes: readFileSync(path) });
}

function sourceOf(result: ReadResult): Source {
  if (result.source === null) throw new Error('the page was not read');
  expect(Source.safeParse(result.source).success).toBe(true);
  return result.source;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const readHtml = (html: string | Uint8Array) =>
  readSource({ path: 'seeds/page.html', bytes: typeof html === 'string' ? bytes(html) : html });

function bodyText(source: Source): string {
  return source.sentences.map((sentence) => sentence.text).join('\n');
}

describe('a news site page with navigation, related links, comments and JSON-LD', () => {
  const page = fixture(() => {
    const result = readFixture('html-news-site');
    return { result, source: sourceOf(result) };
  });

  test('takes its metadata from JSON-LD and OpenGraph', () => {
    const { source } = page();
    expect(source).toMatchObject({
      format: 'html',
      title: 'Armenia freezes its part in the CSTO',
      kicker: null,
      author: 'Anna Petrosyan, Levon Hakobyan',
      published: '2024-02-23',
      via: ['The Caucasus Ledger'],
      lang: 'en-GB',
      headings: ['What the freeze means', "Moscow's answer"],
    });
  });

  test('keeps the article and nothing around it', () => {
    const { source } = page();
    const text = bodyText(source);
    expect(text).toContain('Prime Minister Nikol Pashinyan said on Thursday');
    expect(text).toContain('The Kremlin said it expected Yerevan to explain itself.');
    for (const chrome of ['Politics', 'Economy', 'Related stories', 'Azerbaijan and Armenia resume', 'reader42', 'This was always going to happen', '3 comments', 'All rights reserved', 'By Anna Petrosyan', '23 February 2024']) {
      expect(text).not.toContain(chrome);
    }
    expect(source.sentences.map((s) => s.text)).not.toContain('Armenia freezes its part in the CSTO');
    expect(source.boilerplate).toEqual(['Advertisement']);
  });

  test('has the shape every reader gives: sections, lists, quotes, sentence ids on blocks', () => {
    const { source } = page();
    expect(source.tree.children.map((node) => node.type)).toEqual([
      'paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'list', 'blockquote', 'heading', 'paragraph',
    ]);
    expect(source.sentences.find((s) => s.text.startsWith('no payments'))).toMatchObject({ kind: 'list-item', section: 'What the freeze means' });
    expect(source.sentences.find((s) => s.text.startsWith('“We are not leaving'))).toMatchObject({ kind: 'quote' });
    expect(source.tree.children[0]?.data?.sentenceIds).toEqual(['input:s1']);
    expect(JSON.stringify(source.tree)).not.toContain('"position"');
  });

  test('names the lines of the page the sentences stand on', () => {
    const { source } = page();
    expect(source.sentences.find((s) => s.text.startsWith('The bloc failed'))?.line).toBe(50);
    expect(source.sentences.find((s) => s.text === "Moscow's answer")?.line).toBe(60);
  });

  test('warns about the image it left out, and nothing else', () => {
    const { result } = page();
    expect(result.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['warning', 'images-dropped']]);
  });
});

describe('a blog with OpenGraph only', () => {
  const page = fixture(() => {
    const result = readFixture('html-blog-opengraph');
    return { result, source: sourceOf(result) };
  });

  test('takes title, site and date from OpenGraph; the author from the byline, not the profile URL', () => {
    const { source } = page();
    expect(source).toMatchObject({
      title: 'Notes from the Black Sea grain corridor',
      author: 'Mira Kovalenko',
      // The page's own date, not the UTC one (2023-09-15).
      published: '2023-09-14',
      via: ['Harbour Notes'],
      headings: ['Why the route matters'],
    });
  });

  test('leaves out byline, author box, reply form and share links', () => {
    const { result, source } = page();
    const text = bodyText(source);
    for (const chrome of ['by Mira', 'September 14, 2023', 'writes about shipping', 'Leave a Reply', 'Post Comment', 'Share this', 'Archive']) {
      expect(text).not.toContain(chrome);
    }
    expect(source.boilerplate).toEqual(['Read more: The grain deal ends', 'Share this: Twitter Facebook Email']);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('a page whose title carries " | Site"', () => {
  const page = fixture(() => sourceOf(readFixture('html-title-suffix')));

  test('loses the suffix, which names the site', () => {
    const source = page();
    expect(source.title).toBe('Kyiv and Warsaw settle the grain dispute');
    expect(source.via).toEqual(['Eastern Wire', 'Reuters']);
  });

  test('cleans the author meta tag and reads the date meta tag', () => {
    const source = page();
    expect(source.author).toBe('Tomasz Nowak');
    expect(source.published).toBe('2024-03-28');
  });

  test('leaves out the page header and the teasers below the article', () => {
    const source = page();
    expect(bodyText(source)).not.toMatch(/Markets|More news|Eastern Wire/);
    expect(source.sentences).toHaveLength(4);
  });
});

describe('a page declaring windows-1252 in <meta charset>', () => {
  const page = fixture(() => {
    const result = readFixture('html-windows-1252');
    return { result, source: sourceOf(result) };
  });

  test('is decoded as it declares, euro sign and German quotes included', () => {
    const { source } = page();
    expect(source.title).toBe('Gaspreis fällt unter 30 € – Händler atmen auf');
    expect(bodyText(source)).toContain('„Die Speicher sind voll“, sagte ein Händler in Düsseldorf.');
    expect(source.via).toEqual(['Börsenblatt Süd']);
  });

  test('without the warning a guessed encoding gets', () => {
    const { result } = page();
    expect(result.diagnostics).toEqual([]);
  });
});

describe('pages that are not articles, or not whole', () => {
  test('a page of navigation and teasers is skipped with a warning', () => {
    const result = readFixture('html-no-article');
    expect(result.source).toBeNull();
    expect(result.diagnostics).toMatchObject([{ line: 0, column: 0, severity: 'warning', ruleId: 'no-article' }]);
  });

  test('a page cut off inside a tag is read, with a warning that it may be cut short', () => {
    const result = readFixture('html-truncated');
    expect(sourceOf(result).sentences).toHaveLength(2);
    expect(result.diagnostics).toMatchObject([{ line: 9, severity: 'warning', ruleId: 'malformed-html' }]);
  });
});

describe('what else a page may hold', () => {
  const article = '<h1>Talks resume</h1><p>Delegations met on Monday for the first time since January, officials said.</p>';

  test('.htm and .xhtml files are pages too', () => {
    for (const path of ['seeds/a.htm', 'seeds/a.XHTML']) {
      expect(readSource({ path, bytes: bytes(article) }).source?.format).toBe('html');
    }
  });

  test('JSON-LD that is not JSON is noted and the rest of the metadata used', () => {
    const result = readHtml(`<script type="application/ld+json">{"headline": </script><meta property="og:site_name" content="Wire">${article}`);
    expect(sourceOf(result)).toMatchObject({ title: 'Talks resume', via: ['Wire'] });
    expect(result.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['info', 'json-ld']]);
  });

  test('a fact check is credited to its site, not to the author of the claim it checks', () => {
    const claimReview = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      headline: 'Talks resume',
      datePublished: '2019-11-18',
      author: { '@type': 'Organization', name: 'Checker.info' },
      itemReviewed: { '@type': 'CreativeWork', author: { '@type': 'Person', name: 'The Defence Ministry' } },
    });
    const result = readHtml(
      `<script type="application/ld+json">${claimReview}</script><meta property="og:site_name" content="Checker.info"><p class="author">The Defence Ministry</p>${article}`,
    );
    expect(sourceOf(result)).toMatchObject({ author: null, published: '2019-11-18', via: ['Checker.info'] });
  });
});

describe('HTML and Markdown', () => {
  test('read to the same tree and sentences', () => {
    const markdown = [
      '# Ceasefire talks resume in Geneva',
      '',
      'Delegations met on Monday for the first time since January, officials in Geneva said.',
      '',
      '## Main points',
      '',
      'The agenda covers three issues, each of them disputed for months:',
      '',
      '- Prisoner exchanges.',
      '- A monitoring mission.',
      '',
      '> It is a start, not an end, the mediator told reporters after the meeting.',
      '',
      'Talks continue on Tuesday with the working groups on each of the issues.',
    ].join('\n');
    const html = `<html><head><title>Ceasefire talks resume in Geneva</title></head><body><article>
      <h1>Ceasefire talks resume in Geneva</h1>
      <p>Delegations met on Monday for the first time since January, officials in Geneva said.</p>
      <h2>Main points</h2>
      <p>The agenda covers three issues, each of them disputed for months:</p>
      <ul><li>Prisoner exchanges.</li><li>A monitoring mission.</li></ul>
      <blockquote><p>It is a start, not an end, the mediator told reporters after the meeting.</p></blockquote>
      <p>Talks continue on Tuesday with the working groups on each of the issues.</p>
    </article></body></html>`;
    const fromMarkdown = sourceOf(readSource({ path: 'seeds/page.md', bytes: bytes(markdown) }));
    const fromHtml = sourceOf(readHtml(html));
    expect(fromHtml.title).toBe(fromMarkdown.title);
    expect(fromHtml.tree).toEqual(fromMarkdown.tree);
    const withoutLines = (source: Source) => source.sentences.map(({ line: _line, ...rest }) => rest);
    expect(withoutLines(fromHtml)).toEqual(withoutLines(fromMarkdown));
  });
});

describe('a folder mixing .txt, .md and .html articles', () => {
  const folder = 'test/fixtures/read-mixed';

  test('reads into sources of all three formats', () => {
    const results = readdirSync(folder).map((name) => readSource({ path: join(folder, name), bytes: readFileSync(join(folder, name)) }));
    const sources = results.map(sourceOf);
    expect(sources.map((s) => s.format).sort()).toEqual(['html', 'markdown', 'text']);
    expect(sources.map((s) => s.title).sort()).toEqual([
      'Armenia freezes CSTO participation',
      'Gas price falls below 30 euros',
      'Kyiv and Warsaw settle the grain dispute',
    ]);
    expect(results.flatMap((r) => r.diagnostics)).toEqual([]);
    expect(sources.every((s) => s.sentences.length >= 2)).toBe(true);
  });
});

describe('readSource never throws on HTML', () => {
  const long = 'Officials said the talks would resume next week in the capital after a pause.';
  const awkward = [
    '<',
    '<html',
    '<!-- never closed',
    '<script>document.write("<p>")</script>',
    '<html><body></body></html>',
    `<p>${long}`.repeat(3),
    `${'<div>'.repeat(3000)}<p>${long}</p>`,
    `<table><tr><td><table><tr><td><p>${long}`,
    `<svg><p>${long}</p></svg><math><mi>x</mi></math>`,
    '<frameset><frame src="x.html"></frameset>',
    `<script type="application/ld+json">{not json</script><p>${long}</p>`,
    `<script type="application/ld+json">[1, null, "x", {"@type": 5, "author": {"name": 7}}]</script><p>${long}</p>`,
    `<meta charset="utf-16"><h1>${'A'.repeat(5000)}</h1><p>${long}</p>`,
    `<title>${' | '.repeat(500)}</title><h1></h1><p>${long}</p>`,
    `<p>${'<a href="#">x</a> '.repeat(2000)}</p>`,
    `<ul>${'<li>'.repeat(2000)}${long}</ul>`,
    `<pre>${'\n'.repeat(1000)}</pre><p>${long}</p>`,
    `<p>${'By '.repeat(3000)}</p><p>${long}</p>`,
  ];
  test.each(awkward.map((html, i) => [i, html] as const))('awkward page #%i', (_i, html) => {
    const result = readHtml(html);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (result.source) expect(Source.safeParse(result.source).success).toBe(true);
    else expect(result.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('a page nested deeper than a browser nests it', () => {
  const long = 'Officials said the talks would resume next week in the capital after a pause.';
  test('is skipped at once with a warning, whatever the stack size', () => {
    const result = readHtml(`${'<div>'.repeat(3000)}<p>${long}</p>`);
    expect(result.source).toBeNull();
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['too-deep']);
  });

  test('is read when it nests no deeper than Chromium does', () => {
    const source = sourceOf(readHtml(`${'<div>'.repeat(400)}<p>${long}</p><p>${long}</p>`));
    expect(bodyText(source)).toContain('the talks would resume');
  });
});

describe('real pages of the article-extraction benchmark', () => {
  const pages = [
    '06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85',
    '098bb3e96c0acdf36efdcde45fb9cca3f8c82c7cb2071b76097a1b96155f1eb2',
    '0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2',
  ];
  test.each(pages)('%s has body F1 ≥ 0.9 against the gold', (id) => {
    const html = gunzipSync(readFileSync(join(PAGES, `${id}.html.gz`)));
    const { articleBody } = JSON.parse(readFileSync(join(PAGES, `${id}.gold.json`), 'utf8')) as { articleBody: string };
    const source = sourceOf(readSource({ path: `${id}.html`, bytes: html }));
    expect(shingleScore(articleBody, bodyText(source)).f1).toBeGreaterThanOrEqual(0.9);
  });
});
