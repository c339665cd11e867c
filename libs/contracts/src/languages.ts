// The languages and time displays a user can choose (their schemas: `preferences.ts`).

/**
 * The languages Lintas speaks (BCP 47 codes, as `?lang=` and `<html lang>` take them): English,
 * Bahasa Indonesia, Bahasa Melayu, Thai, Vietnamese, Khmer and Filipino.
 */
export const LANGUAGES = ['en', 'id', 'ms', 'th', 'vi', 'km', 'fil'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language Lintas speaks for a BCP 47 tag, by its first part (`th-TH` → `th`; `tl` and `in`, the old codes, → `fil`, `id`). */
export function languageOfTag(tag: string): Language | null {
  const base = tag.toLowerCase().split(/[-_]/)[0];
  const code = base === 'tl' ? 'fil' : base === 'in' ? 'id' : base;
  return isLanguage(code) ? code : null;
}

/** How times are shown: in the viewer's own time zone, or in UTC. */
export const TIME_DISPLAYS = ['local', 'utc'] as const;
export type TimeDisplay = (typeof TIME_DISPLAYS)[number];

export function isTimeDisplay(value: unknown): value is TimeDisplay {
  return typeof value === 'string' && (TIME_DISPLAYS as readonly string[]).includes(value);
}
