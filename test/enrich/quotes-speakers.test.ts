// How a speaker phrase is cut down to a name or a description, and how quotes that run across
// sentences and paragraphs are read.
import { describe, expect, it } from 'vitest';
import { findActors } from '../../pipeline/enrich/annotate/actors.js';
import { findQuotes } from '../../pipeline/enrich/annotate/quotes.js';
import type { Source } from '../../pipeline/model.js';
import { article } from './helpers.js';

function quotesOf(source: Source) {
  return findQuotes([source], findActors([source]));
}
const speakers = (...paragraphs: string[]) => quotesOf(article('x', ...paragraphs)).quotes.map((q) => q.speaker);

describe('cleaning the speaker phrase', () => {
  it('drops the affiliation of a named speaker even after a double space', () => {
    expect(speakers('“Rates will stay high for longer than markets expect,” said  Lina Park of the Consumer Federation.')).toEqual(['Lina Park']);
  });

  it('keeps the "of" of a descriptive speaker: a professor of economics', () => {
    expect(speakers('“Shoppers will pay more for less at the till,” said a professor of economics at Yale.')).toEqual(['a professor of economics at Yale']);
  });

  it('strips a dash and spaces left between an "according to" source and its quote', () => {
    expect(speakers('According to the central bank — "rates will stay higher for longer than markets expect."')).toEqual(['the central bank']);
  });

  it('drops a leading "and" of the clause, but not an "and" inside the name or a word that starts like one', () => {
    expect(speakers('Prices rose again, and Lina Park said: “Shoppers will pay more for less at the till.”')).toEqual(['Lina Park']);
    expect(speakers('“Shoppers will pay more for less at the till,” said a spokesman for Marks and Spencer.')).toEqual(['a spokesman for Marks and Spencer']);
    expect(speakers('“Shoppers will pay more for less at the till,” said Sophie Martin.')).toEqual(['Sophie Martin']);
    expect(speakers('Prices rose again, and a spokesman for the ministry said: “Shoppers will pay more for less at the till.”')).toEqual(['a spokesman for the ministry']);
  });

  it('a descriptive speaker after "and" and a double space keeps its affiliation', () => {
    expect(speakers('The storm turned north, and  a forecaster at the hurricane centre warned: “Coastal towns have very little time left.”')).toEqual(['a forecaster at the hurricane centre']);
  });

  it('leaves no stray space on a speaker cut at a comma typed after a space', () => {
    expect(speakers('“Shoppers will pay more for less at the till,” a senior official , speaking on condition of anonymity, said.')).toEqual(['a senior official']);
  });

  it('takes a speaker phrase of up to twelve words, and none of thirteen or more', () => {
    const twelve = quotesOf(article('x', '“The harvest will be the worst in a decade,” said the chief executive of the bakery chain in the north of England.'));
    expect(twelve.quotes.map((q) => q.speaker)).toEqual(['the chief executive of the bakery chain in the north of England']);
    const thirteen = quotesOf(article('x', '“The harvest will be the worst in a decade,” said the chief executive of the biggest bakery chain in the north of England.'));
    expect(thirteen.quotes.map((q) => q.speaker)).toEqual([null]);
    expect(thirteen.diagnostics.map((d) => d.ruleId)).toEqual(['enrich/quote-unattributed']);
  });

  it('skips an apposition between the name and the verb: “Q,” X, director of Y at Z, said', () => {
    expect(speakers('“Nothing we could do now would make a difference,” Fred Kagan, director of the Critical Threats Project at the American Enterprise Institute, said in an interview.')).toEqual(['Fred Kagan']);
  });

  it('never gives a clause fragment as the speaker: As they say …, in which X said …', () => {
    expect(quotesOf(article('x', 'Carson is your man. As they say about the storied doctor, “gifted hands, enhanced imagination of the man.”')).quotes.map((q) => q.said)).toEqual(['they']);
    expect(speakers('She had obtained video of a fundraiser in Las Vegas, in which Adelson said: “Trump is a businessman. I am a businessman.”')).toEqual(['Adelson']);
  });

  it('resolves a line in capitals without hanging (the actor lookup once backtracked exponentially on one)', () => {
    const started = Date.now();
    const { quotes } = quotesOf(article('x', 'AUSTRALIAN OLYMPIC TEAM REFUSES TO STAY IN OLYMPIC VILLAGE The team cited “blocked toilets, leaking pipes, exposed wiring and dirty floors.”'));
    expect(quotes).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a verb of saying after a quote with no one named falls back to the speaker before it: X said: “Q1,” adding: “Q2”', () => {
    const { quotes, diagnostics } = quotesOf(
      article('x', 'Lina Park said: “We will fight this merger in every court we can,” adding: “The regulator has failed shoppers for years.”'),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Lina Park', 'Lina Park']);
    expect(diagnostics).toEqual([]);
  });

  it('a quote resumed after its attribution keeps the speaker of the first part', () => {
    const { quotes, diagnostics } = quotesOf(article('x', '“The harvest will be the worst in a decade,” said Lina Park, “and prices will rise sharply by spring.”'));
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['The harvest will be the worst in a decade', 'Lina Park'],
      ['and prices will rise sharply by spring.', 'Lina Park'],
    ]);
    expect(diagnostics).toEqual([]);
  });
});

describe('quotes across sentences and paragraphs', () => {
  it('cites a second quote by the sentence it starts in, inside a quote that ran over a sentence break', () => {
    const { quotes } = quotesOf(
      article('x', '"Prices are still too high. We will not cut rates until we are sure," Governor Ana Silva said, adding: "The path back to two per cent is long and narrow."'),
    );
    expect(quotes.map((q) => [q.text, q.speaker, q.evidence])).toEqual([
      ['Prices are still too high. We will not cut rates until we are sure', 'Ana Silva', 'x:s1'],
      ['The path back to two per cent is long and narrow.', 'Ana Silva', 'x:s2'],
    ]);
  });

  it('a quote left open at the end of a paragraph runs on: its speaker is the one the next paragraph names', () => {
    const { quotes } = quotesOf(
      article('x', 'Analysts were cautious. "The recovery is fragile and uneven across the regions', '"Rates will stay high for the rest of the year," Governor Ana Silva said.'),
    );
    expect(quotes.map((q) => [q.text, q.speaker, q.evidence])).toEqual([
      ['The recovery is fragile and uneven across the regions', 'Ana Silva', 'x:s2'],
      ['Rates will stay high for the rest of the year', 'Ana Silva', 'x:s3'],
    ]);
  });

  it('a paragraph that opens with a quote and names no one continues the previous paragraph’s speaker', () => {
    const { quotes } = quotesOf(
      article('x', '“Rates will stay high for the rest of the year,” Governor Ana Silva said.', '“We will not cut until inflation is back at two per cent.”', 'Markets fell.', '“Nobody expected the cut to come this soon.”'),
    );
    expect(quotes.map((q) => [q.speaker, q.said])).toEqual([
      ['Ana Silva', 'Governor Ana Silva'],
      ['Ana Silva', 'Governor Ana Silva'],
      [null, null],
    ]);
  });

  it('a short quote still names the speaker that the next one continues: “Apparently not,” he said. “Q2.”', () => {
    const { quotes } = quotesOf(article('x', 'Ben Carson was asked about the poll. “Apparently not,” he said. “A leopard does not change its spots.”'));
    expect(quotes.map((q) => [q.text, q.speaker, q.said])).toEqual([['A leopard does not change its spots.', 'Ben Carson', 'he']]);
  });
});

describe('who “he” and “she” are', () => {
  it('a pronoun skips a person whose gender the text gives otherwise (Mr, Ms)', () => {
    const { quotes } = quotesOf(
      article('x', 'Ms Hutt was moved to another post. Mr Gibbons takes over the health brief. “The waiting lists will come down within a year,” she said.'),
    );
    expect(quotes.map((q) => [q.speaker, q.said])).toEqual([['Hutt', 'she']]);
  });

  it('a sentence led by the same pronoun speaks of the same person, so the reference is further back', () => {
    const { quotes } = quotesOf(
      article('x', 'Mark Croucher said the views were not party policy. He said they might have been sent to a committee, but not by Mr Houston. He told the BBC: “We have suspended him as a member and as a candidate.”'),
    );
    expect(quotes[0]?.speaker).toBe('Mark Croucher');
  });

  it('X added: “Q,” she said — the name before the quote, not the pronoun’s guess', () => {
    const { quotes } = quotesOf(
      article('x', 'Ieuan Wyn Jones said the reshuffle changed nothing. Kirsty Williams, for the Lib Dems, added: “Changing the minister will serve no purpose at all,” she said.'),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Kirsty Williams']);
  });

  it('a paragraph that opens with a quote continues the last speaker even when narrative follows in it', () => {
    const { quotes } = quotesOf(
      article('x', '“Nearly two thirds of people with TB are born abroad,” said Mr Howard.', '“No responsible government can stand aside and do nothing.” But Mr Howard said the plans would not affect asylum claims.'),
    );
    expect(quotes.map((q) => [q.speaker, q.said])).toEqual([
      ['Howard', 'Mr Howard'],
      ['Howard', 'Mr Howard'],
    ]);
  });

  it('“they” keeps the pronoun and names no one: the text does not settle who they are', () => {
    const { quotes } = quotesOf(article('x', 'Union leaders met the minister on Monday. “We will strike if the offer is not improved,” they said.'));
    expect(quotes.map((q) => [q.speaker, q.said])).toEqual([[null, 'they']]);
  });
});

describe('a quote with no attribution of its own', () => {
  it('takes the speaker of the indirect speech just before it', () => {
    const { quotes } = quotesOf(
      article('x', 'Home Secretary Charles Clarke said the matter should be left to lie. But Lib Dem leader Charles Kennedy said the prince should apologise in person. “There is a reservoir of goodwill for the prince in this country, but it cannot last forever.”'),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Charles Kennedy']);
  });

  it('does not take the attribution of a new speaker who comes after it', () => {
    const { quotes } = quotesOf(
      article('x', 'Kirsty Williams called the new target “hugely unambitious for patients”. “It leaves patients in Wales still waiting two years.” Conservative spokesman Jonathan Morgan said: “We are spending more money but the lists have grown.”'),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Kirsty Williams', 'Kirsty Williams', 'Jonathan Morgan']);
  });

  it('a person in the pronoun’s own sentence counts only as the subject of a verb of saying, not as an owner', () => {
    const { quotes } = quotesOf(
      article('x', 'Tony Blair has had the chance and failed, Michael Howard said. Mr Blair’s government was a “bossy, interfering government that takes decisions for people,” he added.'),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Michael Howard']);
  });
});

describe('a definite description as the speaker', () => {
  it('is the person the text gave that role: “the home secretary” after “Charles Clarke, the home secretary,”', () => {
    const { quotes } = quotesOf(
      article('x', 'Charles Clarke, the home secretary, met police chiefs on Monday.', 'Later the home secretary told reporters: “We will not tolerate this kind of abuse in our cities.”', 'Prime Minister Tony Blair visited the site. “This is a tragedy for the whole country,” the prime minister said.'),
    );
    expect(quotes.map((q) => [q.speaker, q.said])).toEqual([
      ['Charles Clarke', 'the home secretary'],
      ['Tony Blair', 'the prime minister'],
    ]);
  });

  it('an indefinite one is someone the text has not named, and stays as written', () => {
    const { quotes } = quotesOf(article('x', 'Lib Dem spokesman Mark Oaten spoke first.', 'A spokesman said: “We have nothing to add to the statement.”'));
    expect(quotes.map((q) => q.speaker)).toEqual(['A spokesman']);
  });

  it('a role two people hold stays as written', () => {
    const { quotes } = quotesOf(
      article('x', 'Labour MP Stephen Pound and Tory MP Ann Widdecombe debated the bill.', '“This bill will not survive the Lords in its present form,” the MP said.'),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['the MP']);
  });
});

describe('partial quotes in reported speech', () => {
  it('take the subject of the verb of saying that governs the sentence, past an earlier quote in it', () => {
    const { quotes } = quotesOf(article('x', 'Ted Cruz says his “friend and colleague” Marco Rubio ran “an optimistic campaign focused on the future of our party.”'));
    expect(quotes.map((q) => q.said)).toEqual(['Ted Cruz']);
  });

  it('are not attributed to a speaker after them unless “…,” X said', () => {
    expect(speakers('Sims said he was “kind of riding the fence for weeks” until Haley said she was backing the senator.')).toEqual(['Sims']);
  });

  it('a sentence ends after “U.S.” when a pronoun starts the next', () => {
    const { quotes } = quotesOf(article('x', 'Cox says Obama has no plan to stop attacks in the U.S. He says Americans do not need more “emotional, condescending lectures devoid of facts.”'));
    expect(quotes.map((q) => q.said)).toEqual(['He']);
  });
});
