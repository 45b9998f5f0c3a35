// What the read rules credit or leave out beyond the article's own words: the outlets a text
// came through (attribution), the publisher's boilerplate around it, and the images a pack
// built offline cannot show. Each rule is run on its own, on realistic text and Markdown.
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { SOURCE } from '../../pipeline/read/file.js';
import { plainTextOf, visitNodes } from '../../pipeline/read/mdast.js';
import { looksLikeOutlet, outletsIn } from '../../pipeline/read/rules/attribution.js';
import { dropBoilerplate, isBoilerplate } from '../../pipeline/read/rules/boilerplate.js';
import { dropImages } from '../../pipeline/read/rules/images.js';

function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

function typesIn(tree: Root): string[] {
  const types: string[] = [];
  visitNodes(tree, (node: Nodes) => types.push(node.type));
  return types;
}

function paragraphsOf(tree: Root): string[] {
  const texts: string[] = [];
  visitNodes(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading') texts.push(plainTextOf(node));
  });
  return texts;
}

describe('looksLikeOutlet', () => {
  // Agencies and outlets whose names carry no outlet word, as credits and datelines spell them.
  test.each([
    'Reuters', 'Bloomberg', 'AFP', 'AP', 'Agence France-Presse', 'Interfax', 'Xinhua', 'TASS', 'RIA Novosti',
    'Ukrinform', 'Anadolu', 'Kyodo', 'Yonhap', 'dpa', 'DPA', 'ANSA', 'EFE', 'Politico', 'Axios', 'BBC', 'CNN',
    'Al Jazeera', 'Euronews', 'Semafor', 'Meduza', 'Kommersant', 'Vedomosti', 'Le Monde', 'Der Spiegel',
  ])('the agency %s', (name) => {
    expect(looksLikeOutlet(name)).toBe(true);
  });

  // Mastheads that end in a word only outlets end in.
  test.each([
    'Sky News', 'The Moscow Times', 'Kyiv Post', 'The Wall Street Journal', 'Ukrainian News Agency',
    'Associated Press', 'Chicago Tribune', 'Sydney Morning Herald', 'Montreal Gazette', 'The Daily Telegraph',
    'The Guardian', 'Nikkei Asian Review', 'Polish Radio', 'Czech Television', 'Imedi TV', 'CBC News Network',
    'Business Wire', 'China Daily', 'OC Media', 'The Observer', 'The Economist', 'Christian Science Monitor',
    'Business Insider', 'Manila Bulletin', 'San Francisco Chronicle', 'Evening Standard', 'The Kyiv Independent',
    'Time Magazine', 'Publishers Weekly', 'Armenian Public Broadcasting', 'Hurriyet Newspaper', 'Spiegel Online',
    'USA Today',
  ])('the masthead %s', (name) => {
    expect(looksLikeOutlet(name)).toBe(true);
  });

  test.each(['Caliber.Az', 'Axios.com', 'Report.az'])('the domain name %s as masthead', (name) => {
    expect(looksLikeOutlet(name)).toBe(true);
  });

  test.each(['President Zelenskyy', 'Lt.Col Ivan Petrov', 'U.S', 'The Ministry of Defence', 'Kay Nietfeld'])(
    '%s is not an outlet',
    (name) => {
      expect(looksLikeOutlet(name)).toBe(false);
    },
  );
});

describe('outletsIn: a name ends where its sentence ends', () => {
  test.each([
    ['Talks stalled, according to Reuters. Officials in Kyiv denied it.', ['Reuters']],
    ['Caliber.Az reports via Bloomberg. Officials denied it.', ['Caliber.Az', 'Bloomberg']],
    ['The budget slipped, according to the Financial Times.', ['Financial Times']],
    ['The vote was delayed, according to The New York Times, as talks stalled.', ['The New York Times']],
    ['Fares rose, according to St. Petersburg Times.', ['St. Petersburg Times']],
    // What a relay cites is an outlet only when it looks like one.
    ['Missiles moved west, TASS reported, citing the defence ministry.', ['TASS']],
    ['Missiles moved west, Caliber.Az reported, citing Bloomberg.', ['Caliber.Az', 'Bloomberg']],
  ])('%s', (text, outlets) => {
    expect(outletsIn(text)).toEqual(outlets);
  });
});

describe('outletsIn', () => {
  test.each([
    ['Air defences shot down 40 drones overnight, according to Ukrinform.', ['Ukrinform']],
    ['The convoy crossed the border at dawn, according to Agence France-Presse.', ['Agence France-Presse']],
    ['Talks will resume in Riyadh, citing RIA Novosti.', ['RIA Novosti']],
    ['Turkey offered to host the talks, according to Anadolu.', ['Anadolu']],
    ['Two tankers were seized, Yonhap reported.', ['Yonhap']],
    ['The vote was postponed, according to Al Jazeera.', ['Al Jazeera']],
    ['The strike hit a power plant, according to Kyiv Post.', ['Kyiv Post']],
    ['Inflation slowed in February, The Economist reported.', ['The Economist']],
    // A domain name is a masthead even when nothing else credits it as an outlet.
    ['The pipeline will reopen in May, according to Caliber.Az.', ['Caliber.Az']],
    // Trailing punctuation is not part of the name.
    ['Troops massed near the border, according to Reuters...', ['Reuters']],
    ['She read it aloud: ‘The ceasefire holds, according to TASS.’', ['TASS']],
  ])('%s', (text, outlets) => {
    expect(outletsIn(text)).toEqual(outlets);
  });

  test('names the outlets in the order the text names them, each once', () => {
    const text =
      'Troops massed near Kherson, according to Kyiv Post, while Meduza reported, citing TASS, that Moscow ' +
      'denied it; later Meduza reported that the troops had left.';
    expect(outletsIn(text)).toEqual(['Kyiv Post', 'Meduza', 'TASS']);
  });

  test('a relay after a credit keeps the credit first', () => {
    const text = 'Exports rose, according to Bloomberg, and Caliber.Az reports via Euronews that prices rose too.';
    expect(outletsIn(text)).toEqual(['Bloomberg', 'Caliber.Az', 'Euronews']);
  });

  test('a wire dateline comes first even when a relay is found before it', () => {
    const text = 'KYIV, March 3 (Reuters) - Ukrinform reported, citing Kyiv Post, that the talks had stalled.';
    expect(outletsIn(text)).toEqual(['Reuters', 'Ukrinform', 'Kyiv Post']);
  });

  test.each([
    // An officer whose rank runs into his name is a source of facts, not a masthead.
    'The attack was repelled, according to Lt.Col Ivan Petrov.',
    'Losses were heavy, according to Brig.Gen Oleksandr Tarnavskyi and his staff.',
  ])('no outlet in "%s"', (text) => {
    expect(outletsIn(text)).toEqual([]);
  });
});

describe('isBoilerplate', () => {
  test.each([
    // Disclaimers in the wordings publishers use.
    'The publisher is not responsible for content posted by readers.',
    'The outlet is not liable for material supplied by third parties.',
    'Links to external websites do not constitute an endorsement.',
    'Links to other websites do not imply endorsement of their content.',
    'This material is provided for informational purposes only.',
    // Rights lines.
    '© 2025 Caucasus Daily',
    '©2025 Caucasus Daily',
    'Copyright ©2024 Example Media',
    'Reproduction prohibited.',
    'This story first appeared in The Kyiv Independent.',
    'This article was published in partnership with Meduza.',
    // Calls to action and related links.
    'Related article: EU warns Tbilisi',
    'Related stories » Ceasefire talks resume',
    'More on this: Talks in Geneva',
    'Sponsored',
    'Accept cookies',
    // Controls and counters of the page the text came from.
    'Comments',
    '1 comment',
    '12 comments',
    '12  comments',
    'Leave a comment',
    'Post comment',
    'Post a comment:',
    'Loading',
    'Loading...',
    'Image 12 of 20',
    // Credits for pictures that are no longer there.
    'Photo: Reuters',
    'Photo : AFP',
  ])('"%s" is boilerplate', (text) => {
    expect(isBoilerplate(text)).toBe(true);
  });

  test.each([
    // Agreements number their clauses; a clause is not a copyright line.
    '(c) 30 days after the ceasefire takes effect, both sides withdraw heavy weapons.',
    'The poster, marked © 1984 on its lower edge, sold for $12,000 at auction.',
    'The ministry responded after this story was first published.',
    'Netflix said 9 million more households chose to subscribe in the quarter.',
    'The clerk will read more names at the memorial on Tuesday.',
    'Two drone-related — and three missile-related — incidents were reported.',
    'EU leaders share this concern, diplomats said.',
    '“Others will follow our lead,” Macron said.',
    'Investigators said the phishing emails urged recipients to click here to verify their accounts.',
    'EU tightens rules on political advertisement',
    'Advertisement spending fell 5% in 2024, the agency said.',
    'EU seeks public comments',
    'Comments from the minister drew criticism.',
    'The agency gave residents two weeks to leave a comment.',
    'Leave a comment on the draft by March 31, the ministry told citizens.',
    'The drone appears in photo 3 of the set released by the ministry.',
    'Zelensky posted a video: “We are here.”',
  ])('"%s" is news', (text) => {
    expect(isBoilerplate(text)).toBe(false);
  });

  test('a disclaimer of 80 words is still boilerplate, double spaces and all', () => {
    const disclaimer =
      'Disclaimer: The views and opinions expressed in this article are those of the authors and do not necessarily ' +
      'reflect the official policy or position of the publisher, its editors or its partners.  Any content provided ' +
      'by our columnists is their opinion and is not intended to malign, in any way, any religion, ethnic group, ' +
      'club, organization, company or individual.  Examples of analysis in this article are only examples and must ' +
      'not be relied upon as investment advice of any kind.';
    expect(isBoilerplate(disclaimer)).toBe(true);
  });

  test('a long paragraph that quotes a cookie notice is an article about cookies', () => {
    const paragraph =
      'The European Commission said on Tuesday that cookie banners on news sites remain confusing. Its survey of ' +
      '400 sites found that the sentence “we use cookies to improve your experience” often hides a choice: readers ' +
      'who click accept share their browsing with dozens of advertisers, while those who refuse must open several ' +
      'menus. Consumer groups want a single button to reject all tracking, and the Commission said it would put ' +
      'forward rules by the end of the year, after consulting publishers and regulators across the bloc.';
    expect(isBoilerplate(paragraph)).toBe(false);
  });
});

describe('dropBoilerplate', () => {
  const run = (markdown: string) => {
    const tree = parseMarkdown(markdown);
    const file = new VFile({ path: 'seeds/article.md', value: markdown });
    unified().use(dropBoilerplate).runSync(tree, file);
    return { tree, boilerplate: file.data.boilerplate };
  };

  test('takes out the boilerplate item of a list and keeps the news beside it', () => {
    const { tree, boilerplate } = run(
      [
        '# EU agrees new sanctions',
        '',
        '- Read more about the sanctions package below.',
        '- The EU agreed a 16th package on Monday.',
        '',
        'Ambassadors met in Brussels.',
      ].join('\n'),
    );
    expect(boilerplate).toEqual(['Read more about the sanctions package below.']);
    expect(paragraphsOf(tree)).toEqual([
      'EU agrees new sanctions',
      'The EU agreed a 16th package on Monday.',
      'Ambassadors met in Brussels.',
    ]);
  });

  test('a quote that ends in a call to subscribe keeps the quote', () => {
    const { tree, boilerplate } = run(
      ['> Sign up for our newsletter', '>', '> “We will not give up Crimea,” the minister said.', ''].join('\n'),
    );
    expect(boilerplate).toEqual(['Sign up for our newsletter']);
    expect(paragraphsOf(tree)).toEqual(['“We will not give up Crimea,” the minister said.']);
    expect(typesIn(tree)).toContain('blockquote');
  });

  test('headings are boilerplate too', () => {
    const { tree, boilerplate } = run(['## Related coverage:', '', 'Talks resumed in Geneva.'].join('\n'));
    expect(boilerplate).toEqual(['Related coverage:']);
    expect(paragraphsOf(tree)).toEqual(['Talks resumed in Geneva.']);
  });
});

describe('dropImages', () => {
  const run = (markdown: string) => {
    const tree = parseMarkdown(markdown);
    const file = new VFile({ path: 'seeds/article.md', value: markdown });
    unified().use(dropImages).runSync(tree, file);
    return { tree, file };
  };

  test('takes out every image, inline or by reference, at any depth, and keeps the text', () => {
    const { tree, file } = run(
      [
        '# Talks in Geneva',
        '',
        '![Delegates arrive at the Palais des Nations](https://example.org/arrival.jpg)',
        '',
        'Delegates met on Monday. [![Logo][logo]](https://example.org) The talks resumed.',
        '',
        '- Russia and Ukraine sent delegations. ![Map][map]',
        '',
        '[logo]: https://example.org/logo.png',
        '[map]: https://example.org/map.png',
      ].join('\n'),
    );
    const types = typesIn(tree);
    expect(types).not.toContain('image');
    expect(types).not.toContain('imageReference');
    expect(types).toContain('link');
    // The paragraph that held only the picture has nothing left to say.
    expect(paragraphsOf(tree).filter((text) => text !== '')).toEqual([
      'Talks in Geneva',
      'Delegates met on Monday. The talks resumed.',
      'Russia and Ukraine sent delegations.',
    ]);
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({
      reason: '3 images left out: a pack is built offline and never fetches anything',
      ruleId: 'images-dropped',
      source: SOURCE,
      line: 3,
      column: 1,
    });
  });

  test.each([
    ['an inline image', 'Kyiv, 3 March.\n\n![Damaged building](https://example.org/kyiv.jpg)', 3],
    ['an image by reference', 'Kyiv, 3 March. ![Damaged building][photo]\n\n[photo]: https://example.org/kyiv.jpg', 1],
  ])('says so when it leaves out %s', (_what, markdown, line) => {
    const { tree, file } = run(markdown);
    expect(typesIn(tree)).not.toContain('image');
    expect(typesIn(tree)).not.toContain('imageReference');
    expect(file.messages.map((message) => [message.reason, message.ruleId, message.line])).toEqual([
      ['one image left out: a pack is built offline and never fetches anything', 'images-dropped', line],
    ]);
  });

  test('a text without images is left as it is, without a word', () => {
    const markdown = '# Talks in Geneva\n\nDelegates met on Monday. [Full text](https://example.org/text)';
    const { tree, file } = run(markdown);
    expect(tree).toEqual(parseMarkdown(markdown));
    expect(file.messages).toEqual([]);
  });
});
