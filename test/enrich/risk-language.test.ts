// When a sentence states a risk, on news sentences from several domains (none from the seeds):
// cue words are not enough — context that only sets the scene is not a risk.
import { describe, expect, it } from 'vitest';
import { outline } from '../../pipeline/enrich/annotate/outline.js';
import { speaksOfRisk } from '../../pipeline/enrich/analyse/risk-language.js';
import { findRisks } from '../../pipeline/enrich/analyse/risks.js';
import { article } from './helpers.js';

describe('risk statements', () => {
  it.each([
    ['finance', 'Analysts warn that a prolonged shutdown could push the economy into recession.'],
    ['finance', 'The bank could default on its bonds if deposits keep leaving.'],
    ['finance', 'The sell-off reflects fears of a recession.'],
    ['weather', 'Forecasters said heavy rain might cause rivers to flood low-lying villages.'],
    ['weather', 'The levee will fail if the water rises another metre, engineers said.'],
    ['weather', 'Amid fears of flooding, the council opened a rest centre.'],
    ['elections', 'Opposition leaders fear the vote could be disrupted by violence.'],
    ['elections', 'A contested result risks plunging the country into a constitutional crisis.'],
    ['public health', 'Health officials warned the outbreak could overwhelm hospitals within weeks.'],
    ['public health', 'The new variant may spread faster among unvaccinated children.'],
    ['cyber', 'Researchers warned that the flaw could let attackers take control of home routers.'],
    ['cyber', 'Thousands of servers remain vulnerable to the exploit.'],
    ['trade', 'Exporters fear retaliatory tariffs could hit soybean sales.'],
    ['trade', 'Port closures could delay shipments of medicine by weeks.'],
    ['energy', 'The grid remains fragile and could fail during the heatwave.'],
    ['competition', 'The merger raises concerns about hospital prices.'],
  ])('%s: states a risk: %s', (_domain, sentence) => {
    expect(speaksOfRisk(sentence)).toBe(true);
  });

  it.each([
    ['a mood in a leading clause', 'As the situation in Sudan remains volatile, aid agencies are preparing for new talks.'],
    ['a mood and nothing at stake', 'However, regulatory sensitivities persist.'],
    ['a mood and nothing at stake', 'Markets remained volatile on Tuesday as traders awaited the jobs report.'],
    ['a mood and nothing at stake', 'The election campaign remains tense in its final week.'],
    ['a mood and nothing at stake', 'Trade tensions between the two countries have been a recurring theme since 2018.'],
    ['the object of a verb of explanation', 'This shift reflects mounting challenges in the supply chain and growing concerns over sustaining investor support.'],
    ['a concession', 'Despite concerns about tariffs, exports rose 5 % in March.'],
    ['a concession', 'Although the union refused to negotiate last year, talks resumed on Monday.'],
    ['a risk that has passed', 'Concerns about the vaccine have eased since the trial results were published.'],
    ['a risk dealt with', 'The company patched the vulnerability last week, a spokesperson said.'],
    ['a risk dealt with', 'The minister dismissed concerns about the budget.'],
    ['a mitigation', 'New levees should lower the risk of flooding in the valley.'],
    ['a practice, not a risk', 'The bank hired a new head of risk management.'],
    ['a measure, not a risk', 'Investors’ risk appetite improved after the data.'],
    ['no cue at all', 'The hospital will open a new wing in May.'],
  ])('not a risk, %s: %s', (_why, sentence) => {
    expect(speaksOfRisk(sentence)).toBe(false);
  });

  it('keeps only the risks of an article that mixes context and risk', () => {
    const source = article(
      'drought',
      'As the drought remains severe, farmers are planting earlier. Water sensitivities persist across the basin.',
      'Hydrologists warn that the reservoir could run dry by August. The shortfall would force rationing in three cities.',
    );
    const risks = findRisks([source], new Map([[source.id, outline(source)]]), [], new Set());
    expect(risks.map((r) => r.statement).sort()).toEqual([
      'Hydrologists warn that the reservoir could run dry by August.',
      'The shortfall would force rationing in three cities.',
    ]);
  });
});
