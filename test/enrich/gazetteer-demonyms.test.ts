// Which words name a nationality: plain demonyms, their plurals and compounds of them.
import { describe, expect, it } from 'vitest';
import { isDemonym } from '../../pipeline/enrich/annotate/gazetteer.js';

describe('isDemonym', () => {
  it('knows a nationality word in any case', () => {
    expect(isDemonym('Russian')).toBe(true);
    expect(isDemonym('GERMAN')).toBe(true);
  });

  it('reads a compound that ends in a nationality as one: Franco-German, pro-Russian', () => {
    expect(isDemonym('Franco-German')).toBe(true);
    expect(isDemonym('pro-Russian')).toBe(true);
  });

  it('does not take a place, a plain word, or a compound that ends in something else', () => {
    expect(isDemonym('Russia')).toBe(false);
    expect(isDemonym('minister')).toBe(false);
    expect(isDemonym('Russian-occupied')).toBe(false);
    expect(isDemonym('well-known')).toBe(false);
  });
});
