// A TitleInput for chooseTitle with nothing stated but what a test gives.
import type { TitleInput } from '../../pipeline/read/html/title.js';

export const titleInput = (overrides: Partial<TitleInput>): TitleInput => ({
  titles: [],
  documentTitle: null,
  headings: [],
  fallback: null,
  siteNames: [],
  ...overrides,
});
