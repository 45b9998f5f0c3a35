import { describe, expect, it } from 'vitest';
import { findActors } from '../../pipeline/enrich/annotate/actors.js';
import { contentId } from '../../pipeline/enrich/annotate/ids.js';
import { findQuotes, quotedShare } from '../../pipeline/enrich/annotate/quotes.js';
import type { Source } from '../../pipeline/model.js';
import { article, makeSource } from './helpers.js';

function quotesOf(...sources: Source[]) {
  return findQuotes(sources, findActors(sources));
}

describe('quotes', () => {
  it('wire style: "Q," Title Name said → the name without its title', () => {
    const { quotes } = quotesOf(
      article('fed', '"We are prepared to adjust the stance of policy as appropriate," Fed Chair Jerome Powell said on Wednesday.'),
    );
    const text = 'We are prepared to adjust the stance of policy as appropriate';
    expect(quotes).toEqual([{ id: contentId('qt', text), text, speaker: 'Jerome Powell', said: 'Fed Chair Jerome Powell', actorId: contentId('ac', 'jerome powell'), evidence: 'fed:s1', storyId: null }]);
  });

  it('X added: "Q" takes the canonical name of a surname', () => {
    const { quotes } = quotesOf(
      article('fed', 'Fed Chair Jerome Powell spoke after the decision. Powell added: "The labour market remains strong and resilient."'),
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBe('Jerome Powell');
    expect(quotes[0]?.evidence).toBe('fed:s2');
  });

  it('broadsheet style with typographic quotes: “Q,” said X of Y → X', () => {
    const { quotes } = quotesOf(
      article('merger', '“This merger is bad for consumers and bad for competition,” said Lina Park of the Consumer Federation.'),
    );
    expect(quotes[0]?.speaker).toBe('Lina Park');
    expect(quotes[0]?.text).toBe('This merger is bad for consumers and bad for competition');
  });

  it('“Q,” observed X and a descriptive speaker with its affiliation', () => {
    const { quotes } = quotesOf(
      article(
        'storm',
        '“The eye wall is collapsing faster than our models predicted,” a forecaster at the National Hurricane Center warned.',
        '“Coastal towns have very little time left to evacuate,” observed Marta Ruiz, an emergency planner.',
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['a forecaster at the National Hurricane Center', 'Marta Ruiz']);
  });

  it('a pronoun speaker takes the person named in the sentence before', () => {
    const { quotes } = quotesOf(
      article(
        'merger',
        'Lina Park, who has campaigned against the deal for a year, was blunt. She said the regulator "must block this merger before it is too late for shoppers."',
      ),
    );
    expect(quotes[0]?.speaker).toBe('Lina Park');
    expect(quotes[0]?.evidence).toBe('merger:s2');
  });

  it('a participle attribution hangs on the subject: He …, stressing, “Q”', () => {
    const { quotes } = quotesOf(
      article(
        'trade',
        '"Tariffs are taxes on our own consumers," Trade Minister Kofi Mensah said. He defended the talks, stressing, “We will not accept a deal that hurts our farmers.”',
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Kofi Mensah', 'Kofi Mensah']);
  });

  it('a quote with no attribution right after an attributed quote continues its speaker', () => {
    const { quotes, diagnostics } = quotesOf(
      article(
        'poll',
        '“Turnout in the suburbs will decide this race,” said pollster Dana Whitfield. “Everything else is noise at this point in the campaign.”',
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
    expect(quotes[1]?.evidence).toBe('poll:s2');
    expect(diagnostics).toEqual([]);
  });

  it('a quote split across sentences is one quote, cited by the sentence it starts in', () => {
    const { quotes } = quotesOf(
      article('bank', '"Prices are still too high. We will not cut rates until we are sure," Governor Ana Silva said.'),
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.text).toBe('Prices are still too high. We will not cut rates until we are sure');
    expect(quotes[0]?.speaker).toBe('Ana Silva');
    expect(quotes[0]?.evidence).toBe('bank:s1');
  });

  it('according to X and a speaker after a quote that follows a pronoun-free attribution', () => {
    const { quotes } = quotesOf(article('bank', 'According to the central bank, "rates will stay higher for longer than markets expect."'));
    expect(quotes[0]?.speaker).toBe('the central bank');
  });

  it('ignores scare quotes and leaves an unattributed quote without a speaker, with a diagnostic', () => {
    const { quotes, diagnostics } = quotesOf(
      article(
        'econ',
        'The so-called "soft landing" looks elusive.',
        'Prices climbed again in March.',
        '“Nobody in this town can afford a house any more.”',
      ),
    );
    expect(quotes).toEqual([{ id: expect.stringMatching(/^qt-[0-9a-f]{8}$/), text: 'Nobody in this town can afford a house any more.', speaker: null, said: null, actorId: null, evidence: 'econ:s3', storyId: null }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'seeds/econ.md', severity: 'info', ruleId: 'enrich/quote-unattributed', line: 3 });
  });

  it('an attribution it cannot parse does not borrow the previous speaker', () => {
    const { quotes } = quotesOf(
      article(
        'poll',
        '“Turnout in the suburbs will decide this race,” said pollster Dana Whitfield. Several aides, speaking privately, told us they disagreed: “the race is already lost in the north.”',
      ),
    );
    const lost = quotes.find((q) => q.text.startsWith('the race is already lost'));
    expect(lost, 'the quote after the attribution').toMatchObject({ text: 'the race is already lost in the north.', evidence: 'poll:s2' });
    // Its own attribution's subject, or no speaker at all: anyone but the previous sentence's.
    expect([null, 'Several aides']).toContain(lost?.speaker);
  });

  it('reads quotes in block quotes and list items too', () => {
    const source = makeSource('note', [{ quote: '"Liquidity is ample across the banking system today," the Treasury said.' }, { list: ['“Supply chains are adapting quickly to the new rules,” Chen Wei said.'] }]);
    const { quotes } = quotesOf(source);
    expect(quotes.map((q) => [q.speaker, q.evidence])).toEqual([
      ['the Treasury', 'note:s1'],
      ['Chen Wei', 'note:s2'],
    ]);
  });

  it('measures how much of a sentence is quoted', () => {
    expect(quotedShare('“Everything else is noise at this point.”')).toBe(1);
    expect(quotedShare('No quotes here at all.')).toBe(0);
  });
});
