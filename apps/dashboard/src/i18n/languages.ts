import type { Language } from '@lintas/contracts';
import { isLanguage, LANGUAGES, languageOfTag } from '@lintas/contracts/plain';

/**
 * Which language a page starts in, and how a choice is kept on this browser. Shared by the
 * operations room and the field page (small: no catalogue here).
 *
 * Order: `?lang=xx` in the address (a choice like the switch's), else the last choice made on this
 * browser (the switch, `?lang=`, or the signed-in user's saved preference), else the browser's own
 * languages, else English. The signed-in user's saved preference is applied once the session is
 * known (see `app/language.tsx`, `field/field-language.ts`).
 */
export { LANGUAGES, type Language };

/** Each language in its own name, as the switch lists it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  km: 'ខ្មែរ',
  fil: 'Filipino',
};

export const LANGUAGE_STORAGE_KEY = 'lintas.language';
export const LANGUAGE_QUERY = 'lang';

/** `?lang=xx` of an address, when it names a language Lintas speaks. */
export function languageFromQuery(search: string): Language | null {
  const value = new URLSearchParams(search).get(LANGUAGE_QUERY);
  return isLanguage(value) ? value : null;
}

/** The first of the browser's languages that Lintas speaks (`th-TH` → `th`, `tl` → `fil`). */
export function languageFromBrowser(preferred: readonly string[]): Language | null {
  for (const tag of preferred) {
    const code = languageOfTag(tag);
    if (code) return code;
  }
  return null;
}

export function initialLanguage(
  search: string = typeof location === 'undefined' ? '' : location.search,
  storage: Pick<Storage, 'getItem'> | null = safeStorage(),
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Language {
  const stored = readStored(storage);
  return languageFromQuery(search) ?? stored ?? languageFromBrowser(preferred) ?? 'en';
}

export function rememberLanguage(code: Language, storage: Pick<Storage, 'setItem'> | null = safeStorage()): void {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // storage full or disabled: the choice lasts for this page only
  }
}

/** `<html lang>`: screen readers and the browser's font choice (Thai, Khmer) follow it. */
export function applyDocumentLanguage(code: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = code;
}

function readStored(storage: Pick<Storage, 'getItem'> | null): Language | null {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
