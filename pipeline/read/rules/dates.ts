// Dates as English news writes them, to ISO 8601: "3 March 2025", "March 3, 2025",
// "Mar. 3, 2025", "2025-03-03". Numeric forms like 03/04/2025 are ambiguous and left alone.

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;

const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;

const ISO = new RegExp(String.raw`\b${YEAR}-(\d{2})-(\d{2})\b`);
const DAY_MONTH_YEAR = new RegExp(String.raw`\b${DAY}\s+${MONTH},?\s+${YEAR}\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'i');

export interface FoundDate {
  iso: string;
  /** Where the date stands in the text searched, and how long it is as written. */
  index: number;
  length: number;
}

function monthNumber(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((month) => month.startsWith(prefix)) + 1;
}

export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : null;
}

type DateForm = { pattern: RegExp; toIso: (match: RegExpExecArray) => string | null };

const FORMS: readonly DateForm[] = [
  { pattern: ISO, toIso: ([, y, m, d]) => isoDate(Number(y), Number(m), Number(d)) },
  { pattern: DAY_MONTH_YEAR, toIso: ([, d, m, y]) => isoDate(Number(y), monthNumber(m ?? ''), Number(d)) },
  { pattern: MONTH_DAY_YEAR, toIso: ([, m, d, y]) => isoDate(Number(y), monthNumber(m ?? ''), Number(d)) },
];

/** The earliest valid date written in `text`, or null. */
export function findDate(text: string): FoundDate | null {
  let earliest: FoundDate | null = null;
  for (const { pattern, toIso } of FORMS) {
    const match = pattern.exec(text);
    const iso = match && toIso(match);
    if (match && iso && (earliest === null || match.index < earliest.index)) {
      earliest = { iso, index: match.index, length: match[0].length };
    }
  }
  return earliest;
}
