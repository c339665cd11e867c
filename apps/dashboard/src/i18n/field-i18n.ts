import { fieldEn, type FieldTextKey } from './catalog-field-en';
import { common } from './common';
import { createTranslator, type MessageParams } from './translate';

/** The field page's texts (its own bundle: it imports this, never `i18n.ts`). */
export type { FieldTextKey };

const field = createTranslator<FieldTextKey>(fieldEn);

export function ft(key: FieldTextKey, params?: MessageParams): string {
  return field.t(key, params);
}

/** The field catalogue's text for an API error code, else the server's message (`fallback`). */
export function fieldErrorText(code: string | null | undefined, fallback: string): string {
  const key = `error.${code}`;
  return code && key in fieldEn ? ft(key as FieldTextKey) : fallback;
}

/** Adds a translation of the field page; `setLocale` (translate.ts) switches to it. */
export function registerFieldCatalogue(code: string, catalogue: Readonly<Record<FieldTextKey, string>>): void {
  field.register(code, catalogue);
  common.register(code, catalogue);
}
