// How chooseTitle picks a saved page's headline, kicker and site among what the page states:
// site names off either end, which h1 confirms which stated title, and the <title>'s site part.
import { describe, expect, test } from 'vitest';
import { chooseTitle, type TitleChoice } from '../../pipeline/read/html/title.js';
import { titleInput as input } from './title-input.js';

const choice = (title: string, kicker: string | null = null, site: string | null = null): TitleChoice => ({ title, kicker, site });

describe('site names come off the ends of a stated title', () => {
  test('a long site name after the headline, which the short-tail rule would keep', () => {
    const chosen = chooseTitle(input({ documentTitle: 'Talks resume - The Wall Street Journal Online', siteNames: ['The Wall Street Journal Online'] }));
    expect(chosen?.title).toBe('Talks resume');
  });

  test('"--" separates like " - "', () => {
    const chosen = chooseTitle(input({ documentTitle: 'Talks resume -- The Wall Street Journal Online', siteNames: ['The Wall Street Journal Online'] }));
    expect(chosen?.title).toBe('Talks resume');
  });

  test('a <title> that is nothing but the site name stays the title', () => {
    expect(chooseTitle(input({ documentTitle: 'Example News', siteNames: ['Example News'] }))).toEqual(choice('Example News'));
  });

  test('the site before a section and headline comes off, and the section is the kicker', () => {
    const chosen = chooseTitle(
      input({ titles: ['Example News | Opinion | Talks resume in Geneva'], headings: ['Talks resume in Geneva'], siteNames: ['Example News'] }),
    );
    expect(chosen).toMatchObject({ title: 'Talks resume in Geneva', kicker: 'Opinion' });
  });

  // The name a host registers, with or without a country's second-level label.
  test.each([
    ['www.bbc.co.uk', 'BBC'],
    ['bbc.co.uk', 'BBC'],
    ['www.abc.com.au', 'ABC'],
    ['www.abc.net.au', 'ABC'],
    ['abc.net.au', 'ABC'],
    ['www.rnz.org.nz', 'RNZ'],
    ['www.parliament.gov.uk', 'Parliament'],
    ['www.ucl.ac.uk', 'UCL'],
    ['www.unimelb.edu.au', 'Unimelb'],
    ['www.tvn24.news.pl', 'TVN24'],
    ['www.example.com', 'Example'],
    ['example.com', 'Example'],
    ['news.de', 'News'],
    ['www.bbc.co.uk.', 'BBC'],
  ])('the page at %s is "%s", which comes off the front of its <title>', (host, name) => {
    const chosen = chooseTitle(input({ documentTitle: `${name} | Talks resume in Geneva`, hosts: [host] }));
    expect(chosen?.title).toBe('Talks resume in Geneva');
  });

  test('a host names the registered label, not the one before it', () => {
    // "www" and "co" are no site's name: a headline segment reading so stays.
    for (const [host, label] of [['www.example.com', 'WWW'], ['bbc.co.uk', 'Co'], ['www.bbc.co.uk', 'Co']] as const) {
      const chosen = chooseTitle(input({ documentTitle: `${label} | Talks resume in Geneva`, hosts: [host] }));
      expect(chosen?.title, host).toBe(`${label} | Talks resume in Geneva`);
    }
  });

  test('an address on a bare host (a page saved from localhost) names nothing and breaks nothing', () => {
    const chosen = chooseTitle(input({ documentTitle: 'Localhost | Talks resume in Geneva', hosts: ['localhost', 'www.example.com'] }));
    expect(chosen?.title).toBe('Localhost | Talks resume in Geneva');
  });

  test('the <title> as a page writes it, with newlines around, and one a template left a dangling separator on', () => {
    expect(chooseTitle(input({ documentTitle: '\n  Talks resume in Geneva | Example News\n', headings: ['Talks resume in Geneva'] }))).toEqual(
      choice('Talks resume in Geneva', null, 'Example News'),
    );
    expect(chooseTitle(input({ documentTitle: 'Talks resume in Geneva | ', headings: ['Talks resume in Geneva'] }))).toEqual(
      choice('Talks resume in Geneva'),
    );
  });
});

describe('with nothing to confirm it, a short last part is the site', () => {
  test('a site of three words comes off', () => {
    expect(chooseTitle(input({ documentTitle: 'Talks resume in Geneva after a pause - The Daily Ledger' }))).toEqual(
      choice('Talks resume in Geneva after a pause', null, 'The Daily Ledger'),
    );
  });

  test('the section before the headline counts towards the headline', () => {
    expect(chooseTitle(input({ documentTitle: 'Europe | Talks resume - The Ledger' }))?.title).toBe('Europe | Talks resume');
  });

  test('a last part as long as the rest is not taken for a site', () => {
    expect(chooseTitle(input({ documentTitle: 'Ceasefire holds - Live updates' }))?.title).toBe('Ceasefire holds - Live updates');
  });

  test('a long last part is the headline itself, and a sub-headline after it stays', () => {
    expect(chooseTitle(input({ documentTitle: 'Live updates | Talks resume in Geneva as the ceasefire holds' }))?.title).toBe(
      'Live updates | Talks resume in Geneva as the ceasefire holds',
    );
    expect(chooseTitle(input({ documentTitle: 'Talks resume in Geneva after a long pause - Both sides claim early progress' }))?.title).toBe(
      'Talks resume in Geneva after a long pause - Both sides claim early progress',
    );
  });

  test("Readability's title is the last resort", () => {
    expect(chooseTitle(input({ fallback: 'Talks resume in Geneva' }))).toEqual(choice('Talks resume in Geneva'));
  });
});

describe('the h1 confirms a stated title', () => {
  test('a short headline alone has no kicker, nor one beside a site the page does not name', () => {
    expect(chooseTitle(input({ titles: ['Talks resume'], headings: ['Talks resume'] }))).toEqual(choice('Talks resume'));
    // The h1 confirms "Geneva talks resume | Wire" as a whole; what stands before "Wire" is no kicker.
    expect(chooseTitle(input({ titles: ['Geneva talks resume | Wire'], headings: ['Geneva talks resume'] }))?.kicker).toBeNull();
  });

  test('a kicker has at most three words', () => {
    const three = chooseTitle(input({ titles: ['Middle East crisis | Talks resume in Geneva'], headings: ['Talks resume in Geneva'] }));
    expect(three).toEqual(choice('Talks resume in Geneva', 'Middle East crisis'));
    const five = chooseTitle(input({ titles: ['Talks in Geneva, day three | Ceasefire holds'], headings: ['Ceasefire holds'] }));
    expect(five).toEqual(choice('Ceasefire holds'));
  });

  test('a kicker longer than a two-word headline is still the kicker, not the headline', () => {
    expect(chooseTitle(input({ titles: ['The big read | Markets wobble'], headings: ['Markets wobble'] }))).toEqual(
      choice('Markets wobble', 'The big read'),
    );
  });

  test('a headline between a section and an unknown site is confirmed, just', () => {
    // Without the section, "Talks resume in Geneva Example News" shares 4 of its 6 words with the h1: 0.8.
    const chosen = chooseTitle(input({ documentTitle: 'Opinion | Talks resume in Geneva | Example News', headings: ['Talks resume in Geneva'] }));
    expect(chosen?.title).toBe('Talks resume in Geneva');
  });

  test('of several h1s, the one closest to the stated title wins, wherever it stands', () => {
    const titles = ['Talks resume in Geneva'];
    expect(chooseTitle(input({ titles, headings: ['Talks resume in Geneva again', 'Talks resume in Geneva'] }))?.title).toBe('Talks resume in Geneva');
    expect(chooseTitle(input({ titles, headings: ['Talks resume in Geneva', 'Talks resume in Geneva again'] }))?.title).toBe('Talks resume in Geneva');
  });

  test('on a tie, the first h1 wins', () => {
    const chosen = chooseTitle(input({ titles: ['Talks resume in Geneva', 'Ceasefire holds'], headings: ['Talks resume in Geneva', 'Ceasefire holds'] }));
    expect(chosen?.title).toBe('Talks resume in Geneva');
  });

  test('an h1 with no words in it (a divider) confirms nothing', () => {
    expect(chooseTitle(input({ titles: ['Talks resume in Geneva'], headings: ['* * *'] }))?.title).toBe('Talks resume in Geneva');
  });
});

describe('an h1 that goes on from a stated title', () => {
  test('takes the h1, and the <title> tells the site', () => {
    expect(chooseTitle(input({ documentTitle: 'Talks resume | Example News', headings: ['Talks resume in Geneva'] }))).toEqual(
      choice('Talks resume in Geneva', null, 'Example News'),
    );
  });

  test('the part the h1 goes on from may stand last, after sections', () => {
    expect(chooseTitle(input({ documentTitle: 'World news | Europe | Talks resume', headings: ['Talks resume in Geneva'] }))?.title).toBe(
      'Talks resume in Geneva',
    );
  });

  test('an h1 that goes on from the site name is the masthead, not the headline', () => {
    const chosen = chooseTitle(input({ documentTitle: 'Example News | Talks resume in Geneva', headings: ['Example News Today'] }));
    expect(chosen?.title).not.toBe('Example News Today');
    expect(chosen?.title).toContain('Talks resume in Geneva');
  });

  test('an h1 that shares a word or none with the stated title is another story', () => {
    for (const heading of ['Talks stall again in Vienna today', 'Latest news']) {
      const chosen = chooseTitle(input({ documentTitle: 'Talks resume in Geneva - Example News', headings: [heading] }));
      expect(chosen?.title, heading).toBe('Talks resume in Geneva');
    }
  });
});

describe('the site the <title> carries', () => {
  test('before the headline', () => {
    const chosen = chooseTitle(input({ documentTitle: 'The Example Daily News | Talks resume in Geneva', headings: ['Talks resume in Geneva'] }));
    expect(chosen).toEqual(choice('Talks resume in Geneva', null, 'The Example Daily News'));
  });

  test('in several parts, before or after the headline', () => {
    expect(chooseTitle(input({ documentTitle: 'Example News | Europe | Talks resume in Geneva', headings: ['Talks resume in Geneva'] }))?.site).toBe(
      'Example News - Europe',
    );
    expect(
      chooseTitle(
        input({
          documentTitle: 'Talks resume in Geneva as the ceasefire holds | Example News | World',
          headings: ['Talks resume in Geneva as the ceasefire holds'],
        }),
      )?.site,
    ).toBe('Example News - World');
  });

  test('none when the <title> is the headline alone', () => {
    expect(chooseTitle(input({ documentTitle: 'Talks resume in Geneva', headings: ['Talks resume in Geneva'] }))).toEqual(choice('Talks resume in Geneva'));
  });

  test('none when the headline is not in the <title>', () => {
    const chosen = chooseTitle(input({ titles: ['Talks resume in Geneva'], documentTitle: 'Example News | Home', headings: ['Talks resume in Geneva'] }));
    expect(chosen).toEqual(choice('Talks resume in Geneva'));
  });
});
