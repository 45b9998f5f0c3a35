import { describe, expect, it } from 'vitest';
import { contentId, normalizeText } from '../../pipeline/enrich/annotate/ids.js';
import { cosine, nearDuplicateGroups, overlap, similarPairs, termSet, tfidf } from '../../pipeline/enrich/annotate/similarity.js';
import { pointsBack, stem, terms } from '../../pipeline/enrich/annotate/text.js';
import { createHash } from 'node:crypto';

describe('light stemming', () => {
  it('matches inflections and British/American spellings', () => {
    expect(stem('guarantees')).toBe(stem('guarantee'));
    expect(stem('escalating')).toBe(stem('escalation'));
    expect(stem('escalate')).toBe(stem('escalated'));
    expect(stem('demilitarised')).toBe(stem('demilitarized'));
    expect(stem('taxes')).toBe(stem('tax'));
    expect(stem('losses')).toBe('loss');
    expect(stem('bus')).toBe('bus');
  });

  it('keeps content words only', () => {
    expect(terms('The tariffs would hit exporters of the region’s steel')).toEqual(['tariff', 'hit', 'exporter', 'region', 'steel']);
  });
});

describe('similarity', () => {
  it('gives 1 for the same wording and 0 for nothing shared', () => {
    const { vectors } = tfidf(['Tariffs on steel imports', 'tariffs on steel imports', 'Hurricane season begins']);
    const [a, b, c] = vectors;
    expect(cosine(a!, b!)).toBeCloseTo(1, 6);
    expect(cosine(a!, c!)).toBe(0);
  });

  it('finds the pairs that share terms, each once', () => {
    const { vectors } = tfidf(['rate cut in June', 'rate cut expected', 'storm surge warning', 'storm surge expected']);
    const pairs: string[] = [];
    similarPairs(vectors, 0.01, (i, j) => pairs.push(`${i}-${j}`));
    expect(pairs).toEqual(['0-1', '1-3', '2-3']);
  });

  it('measures overlap against the smaller set', () => {
    expect(overlap(termSet('buffer zone'), termSet('a buffer zone under UN control'))).toEqual({ shared: 2, coefficient: 1 });
  });

  it('groups near-duplicates and identical wordings, in order of first member', () => {
    const groups = nearDuplicateGroups(
      ['Tariffs could hit steel exporters hard.', 'Storm surge may flood the port.', 'Tariffs could hit steel exporters hard', 'Tariffs could hit the steel exporters very hard.'],
      0.8,
    );
    expect(groups).toEqual([[0, 2, 3], [1]]);
  });
});

describe('content ids', () => {
  it('are a prefix and the first 8 hex digits of the SHA-256 of the normalized text', () => {
    const expected = createHash('sha256').update('coalition government').digest('hex').slice(0, 8);
    expect(contentId('sc', '  Coalition   Government: ')).toBe(`sc-${expected}`);
    expect(normalizeText('“Soft” landing — now!')).toBe('soft landing now');
  });
});

describe('sentences that point back', () => {
  it.each([
    ['He said police would challenge the hunts.', true],
    ['“They have been released on bail,” police said.', true],
    ['Their union balloted members in January.', true],
    ['  those who voted left early.', true],
    ['It is likely that the strike will spread.', false],
    ['This week the union balloted its members.', false],
    ['Heathrow reopened on Monday.', false],
    ['Theresa May said the talks would resume.', false],
    ['The union said members would strike.', false],
  ])('%s → %s', (text, expected) => {
    expect(pointsBack(text)).toBe(expected);
  });
});
