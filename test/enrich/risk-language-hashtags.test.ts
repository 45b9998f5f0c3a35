// A cue word is set aside as part of a name only when it is capitalised: one that opens a camel-cased
// hashtag ("#floodWarning") still names the harm.
import { describe, expect, it } from 'vitest';
import { speaksOfRisk } from '../../pipeline/enrich/analyse/risk-language.js';

describe('cues inside hashtags and names', () => {
  it('a lower-case cue that opens a camel-cased hashtag still states a risk', () => {
    expect(speaksOfRisk('Residents shared photos under #floodWatch as the river rose.')).toBe(true);
  });

  it('a capitalised cue inside the sentence is part of a name', () => {
    expect(speaksOfRisk('Residents shared photos under #FloodWatch as the river rose.')).toBe(false);
  });
});
