// A language as a seed declares it ("en_GB", "EN-gb", "fr") → a BCP 47 tag ("en-GB"), or null.

const SHAPE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** "en_US" → "en-US"; anything that is not a language tag ("English", "") is null. */
export function languageTag(declared: string): string | null {
  const tag = declared.trim().replace(/_/g, '-');
  if (!SHAPE.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}
