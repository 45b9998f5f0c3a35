// Edge cases of when a sentence states a risk: "May" the month, how far mitigation and relief words
// reach, names, scene-setting spans, hedged harms, and moods that need a harm or a consequence.
import { describe, expect, it } from 'vitest';
import { speaksOfRisk } from '../../pipeline/enrich/analyse/risk-language.js';

describe('"May" the month is not the modal', () => {
  it.each([
    ['after one space', 'Since May costs have risen by a tenth.'],
    ['after two spaces, as extracted text often has', 'Since  May costs have risen by a tenth.'],
  ])('a report of the past, %s, is not a risk', (_why, sentence) => {
    expect(speaksOfRisk(sentence)).toBe(false);
  });

  it('the lower-case modal still hedges a harm', () => {
    expect(speaksOfRisk('Since then, rising costs may hurt exporters.')).toBe(true);
  });
});

describe('how far mitigation and relief reach', () => {
  it('a mitigation more than five words before the cue does not cancel it', () => {
    expect(speaksOfRisk('Engineers fixed the pumps last spring, yet the danger to the town remains.')).toBe(true);
  });

  it('a relief word before the cue, in an earlier clause, does not cancel it', () => {
    expect(speaksOfRisk('Investor panic eased this week, but the threat to the banks remains.')).toBe(true);
  });

  it.each([
    ['after a comma', 'The threat to the port is real, even if the storm has passed.'],
    ['straight after the cue', 'Ministers admit the danger, though the worst storms have passed.'],
  ])('a relief word in a later clause does not cancel the cue (%s)', (_why, sentence) => {
    expect(speaksOfRisk(sentence)).toBe(true);
  });

  it('a relief word more than eight words after the cue does not cancel it', () => {
    expect(speaksOfRisk('The danger to coastal villages grows each year that the sea ice recedes further.')).toBe(true);
  });

  it('a relief word at the very end of an unpunctuated headline cancels the cue', () => {
    expect(speaksOfRisk('Concerns about the vaccine have eased')).toBe(false);
  });

  it('a mitigation before a hedged harm cancels it', () => {
    expect(speaksOfRisk('Backup generators prevent anything that could halt production.')).toBe(false);
  });

  it('words after a hedged harm that do not speak of relief leave it standing', () => {
    expect(speaksOfRisk('The grid could fail unless crews fix the cables soon.')).toBe(true);
  });

  it('a relief word earlier in the sentence does not cancel a hedged harm', () => {
    expect(speaksOfRisk('The ban was lifted so crops may eventually be damaged by pests.')).toBe(true);
  });
});

describe('capitals', () => {
  it('a capitalised cue that opens the sentence still counts', () => {
    expect(speaksOfRisk('Warnings of a drought grew louder in the north.')).toBe(true);
  });

  it('a capitalised cue inside the sentence is part of a name', () => {
    expect(speaksOfRisk('She spoke at the Crisis Response Centre in Geneva.')).toBe(false);
  });
});

describe('scene-setting spans', () => {
  it('a hedged harm after a leading "amid" clause is in the foreground', () => {
    expect(speaksOfRisk('Amid the heatwave, the grid could fail.')).toBe(true);
  });

  it('a harm straight after a leading clause, with no space after its comma, is in the foreground', () => {
    expect(speaksOfRisk('Amid the storm,flooding cut off three villages.')).toBe(true);
  });

  it('a frame before an "amid" phrase is in the foreground', () => {
    expect(speaksOfRisk('Officials warn of long queues amid the strike.')).toBe(true);
  });

  it('a frame in the background names a hedged harm after it', () => {
    expect(speaksOfRisk('Amid warnings that the dam could fail, villagers left their homes.')).toBe(true);
  });

  it.each([
    ['harms without a frame', 'Amid the collapse of the currency and a looming default, the cabinet met.'],
    ['a mood and a harm', 'Amid tensions and heavy losses, the firm cut jobs.'],
    ['a harm before the frame', 'Amid the losses and concerns about jobs, the board met.'],
    ['a harm in another span', 'Amid concerns about jobs, the board met, reflecting heavy losses.'],
  ])('background only, %s, is not a risk', (_why, sentence) => {
    expect(speaksOfRisk(sentence)).toBe(false);
  });
});

describe('a mood needs a harm or a consequence', () => {
  it('a foreground frame counts even beside a mood', () => {
    expect(speaksOfRisk('Tensions are high and officials warn of clashes.')).toBe(true);
  });

  it('a mood with a hedged consequence is a risk', () => {
    expect(speaksOfRisk('The ceasefire remains fragile and could change quickly.')).toBe(true);
  });

  it('a mood with a harm in the background is a risk', () => {
    expect(speaksOfRisk('Markets remain volatile amid heavy losses in tech shares.')).toBe(true);
  });

  it('a consequence in the background does not make a mood a risk', () => {
    expect(speaksOfRisk('The market remains volatile amid reports that the bank could merge.')).toBe(false);
  });
});
