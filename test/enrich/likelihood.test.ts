import { describe, expect, it } from 'vitest';
import { BANDS, hedgedLikelihood, impactOf, impactRank, likelihoodRank, riskLikelihood } from '../../pipeline/enrich/analyse/likelihood.js';
import { LIKELIHOOD_TERMS } from '../../pipeline/model.js';

describe('likelihood from hedging', () => {
  it.each([
    ['The merger will almost certainly face an in-depth review in Brussels.', 'almost certain', 'will almost certainly'],
    ['The central bank will raise rates again in June.', 'very likely', 'will'],
    ['The storm is highly likely to strengthen over warm water.', 'very likely', 'highly likely'],
    ['The incumbent will probably lose the suburban vote.', 'likely', 'will probably'],
    ['Tariffs are likely to stay in place through the winter.', 'likely', 'likely'],
    ['Retaliatory duties could hit exporters of soybeans.', 'roughly even chance', 'could'],
    ['Shares may fall if the bid is withdrawn.', 'roughly even chance', 'may'],
    ['The deal might unravel over pension liabilities.', 'unlikely', 'might'],
    ['A recount would require a court order in each county.', 'unlikely', 'would require'],
    ['A snap election is unlikely before the budget vote.', 'unlikely', 'unlikely'],
    ['A rate cut this year is highly unlikely, traders say.', 'very unlikely', 'highly unlikely'],
    ['The regulator has ruled out a fast-track approval.', 'almost no chance', 'ruled out'],
    ['There is no chance of the levee holding at that height.', 'almost no chance', 'no chance'],
  ])('%s → %s', (sentence, term, cue) => {
    expect(hedgedLikelihood(sentence)).toEqual({ term, band: BANDS[term as keyof typeof BANDS], cue });
  });

  it('takes the first cue in the sentence', () => {
    expect(hedgedLikelihood('Sanctions could be imposed, potentially escalating the dispute.')?.cue).toBe('could');
  });

  it('does not read the noun "will" or the month "May" as hedges', () => {
    expect(hedgedLikelihood('The vote showed the political will of the members.')).toBeNull();
    expect(hedgedLikelihood('The plant closed in May after a fire.')).toBeNull();
    expect(hedgedLikelihood('Growth slowed sharply in the third quarter.')).toBeNull();
  });

  it('takes an unhedged risk as likely, with no cue', () => {
    expect(riskLikelihood('Farm incomes are falling across the region.')).toEqual({ term: 'likely', band: '55–80 %', cue: null });
  });

  it('has a band for every ICD 203 term and ranks them 1–7', () => {
    expect(LIKELIHOOD_TERMS.map((t) => BANDS[t])).toEqual(['01–05 %', '05–20 %', '20–45 %', '45–55 %', '55–80 %', '80–95 %', '95–99 %']);
    expect(likelihoodRank('almost no chance')).toBe(1);
    expect(likelihoodRank('almost certain')).toBe(7);
  });
});

describe('impact from what is at stake', () => {
  it.each([
    ['The dispute could escalate into a wider trade war.', 'high'],
    ['Flooding may cause casualties in low-lying districts.', 'high'],
    ['A default would shake the regional banking system.', 'high'],
    ['The merger could raise costs for hospitals.', 'medium'],
    ['Delays at the port are expected to last weeks.', 'medium'],
    ['The rebranding might confuse some customers.', 'low'],
  ])('%s → %s', (sentence, impact) => {
    expect(impactOf(sentence)).toBe(impact);
  });

  it('ranks impact 1–3', () => {
    expect([impactRank('low'), impactRank('medium'), impactRank('high')]).toEqual([1, 2, 3]);
  });
});
