// The read rules as general patterns, beyond the wording of any one fixture.
import { describe, expect, test } from 'vitest';
import { outletsIn } from '../../pipeline/read/rules/attribution.js';
import { isBoilerplate } from '../../pipeline/read/rules/boilerplate.js';
import { parseByline } from '../../pipeline/read/rules/byline.js';
import { findDate } from '../../pipeline/read/rules/dates.js';
import { dateLineDate, datelineDate } from '../../pipeline/read/rules/published.js';
import { splitKicker } from '../../pipeline/read/rules/title.js';

describe('splitKicker', () => {
  test.each([
    ['Media: NATO eyes diplomatic solution', 'Media', 'NATO eyes diplomatic solution'],
    ['Ukraine war: Kyiv hit by drones', 'Ukraine war', 'Kyiv hit by drones'],
    ['Fact Check Live: The claims examined', 'Fact Check Live', 'The claims examined'],
  ])('%s', (headline, kicker, title) => {
    expect(splitKicker(headline)).toEqual({ kicker, title });
  });

  test.each([
    'NATO Seeks Ways to End the Conflict in Ukraine: Aid to Kyiv and Negotiations',
    'Rutte: “We must do more”',
    'talks resume: both sides agree',
    'Markets open at 09:30 in London',
  ])('keeps "%s" whole', (headline) => {
    expect(splitKicker(headline)).toEqual({ kicker: null, title: headline });
  });
});

describe('parseByline', () => {
  test.each([
    ['By Aghakazim Guliyev', 'Aghakazim Guliyev', ''],
    ['BY JANE DOE', 'JANE DOE', ''],
    ['By Anna Kowalski and Pierre Dubois, Reuters', 'Anna Kowalski and Pierre Dubois', 'Reuters'],
    ['By Tomás Herrera | 12 February 2025', 'Tomás Herrera', '12 February 2025'],
    ['(Reporting by Anna Kowalski; Editing by Mark Heinrich)', 'Anna Kowalski', 'Editing by Mark Heinrich'],
    ['Written by Ursula von der Leyen', 'Ursula von der Leyen', ''],
    ['By Jane Doe.', 'Jane Doe', ''],
    // A month with a surname is a name: April Ryan and May Bulman are reporters.
    ['By April Ryan', 'April Ryan', ''],
    ['By May Bulman, Social Affairs Correspondent', 'May Bulman', 'Social Affairs Correspondent'],
  ])('%s', (text, author, rest) => {
    expect(parseByline(text)).toEqual({ author, rest });
  });

  test.each([
    'By The Numbers',
    'By Monday, all troops had left.',
    'By the end of the year, talks may resume.',
    'By March 2025 NATO expects a decision',
    'By Christmas, most shops had closed',
    'By Easter the talks resumed',
    'By March, a deal',
    'By Summer, the ceasefire held',
    'By New Year, prices had doubled',
    'Bystanders saw the blast',
  ])('"%s" is not a byline', (text) => {
    expect(parseByline(text)).toBeNull();
  });
});

describe('dates', () => {
  test.each([
    ['3 March 2025', '2025-03-03'],
    ['March 3, 2025', '2025-03-03'],
    ['Mar. 3, 2025', '2025-03-03'],
    ['Sept 30 2024', '2024-09-30'],
    ['1st June 2024', '2024-06-01'],
    ['2025-03-03', '2025-03-03'],
    ['on 29 February 2024 and 2025-01-01', '2024-02-29'],
  ])('findDate(%s)', (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso);
  });

  test.each(['29 February 2025', '2025-13-01', '03/04/2025', 'March 2025'])('no date in "%s"', (text) => {
    expect(findDate(text)).toBeNull();
  });

  test.each([
    ['Published: March 4, 2025, 09:30 GMT', '2025-03-04'],
    ['Updated 5 March 2025 at 10:15 a.m.', '2025-03-05'],
    ['Tuesday, 4 March 2025', '2025-03-04'],
    ['2025-03-04', '2025-03-04'],
    ['Talks are set for March 4, 2025', null],
  ])('dateLineDate(%s)', (text, iso) => {
    expect(dateLineDate(text)).toBe(iso);
  });

  test.each([
    ['LONDON, 3 March 2025 — Britain will…', '2025-03-03'],
    ['KYIV, Ukraine, March 3, 2025 (AP) — Officials…', '2025-03-03'],
    ['3 March 2025 - The alliance…', '2025-03-03'],
    ['BRUSSELS, Feb 24 (Reuters) - EU ambassadors…', null],
    ['NATO said on 3 March 2025 — the day after…', null],
  ])('datelineDate(%s)', (text, iso) => {
    expect(datelineDate(text)).toBe(iso);
  });
});

describe('outletsIn', () => {
  test.each([
    ['The war drags on, Caliber.Az reports via Bloomberg.', ['Caliber.Az', 'Bloomberg']],
    ['Troops moved, according to The Wall Street Journal.', ['The Wall Street Journal']],
    ['Launchers remain, Interfax reported, citing the fleet.', ['Interfax']],
    ['BRUSSELS, Feb 24 (Reuters) - EU ambassadors agreed.', ['Reuters']],
    ['The plan was first reported by Politico on Friday.', ['Politico']],
    ['Kyiv agreed, according to a report by Ukrainska Pravda.', ['Ukrainska Pravda']],
  ])('%s', (text, outlets) => {
    expect(outletsIn(text)).toEqual(outlets);
  });

  test.each([
    'The shift was confirmed, according to officials in Lithuania.',
    'Prices fell, according to President Zelenskyy.',
    'The ministry reported heavy losses.',
  ])('no outlet in "%s"', (text) => {
    expect(outletsIn(text)).toEqual([]);
  });
});

describe('isBoilerplate', () => {
  test.each([
    'The editorial board is not responsible for the content and accuracy of material taken from other sources.',
    'The views expressed by contributors do not necessarily reflect the views of the publisher.',
    'Publication does not imply endorsement of their content.',
    '© 2025 Caucasus Daily. All rights reserved.',
    'Copyright © 2024 Example Media',
    'Share this article',
    'Facebook Twitter Email',
    'Read more: EU warns Tbilisi',
    'Related: Talks in Geneva',
    'We use cookies to improve your experience.',
    'Sign up for our newsletter',
    'Follow us on Telegram',
    'This article was originally published by The Conversation.',
  ])('"%s" is boilerplate', (text) => {
    expect(isBoilerplate(text)).toBe(true);
  });

  test.each([
    'Moscow said it is not responsible for the attack on the convoy.',
    'Copyright lawsuits rose 30% last year.',
    'Related talks will take place in Geneva.',
    'The EU fined the company because its site sets cookies without consent.',
    'The sanctions do not reflect the views of all member states, diplomats said.',
    'Subscribers to the service rose.',
  ])('"%s" is news', (text) => {
    expect(isBoilerplate(text)).toBe(false);
  });
});
