import { en, type MessageKey } from './catalog-en';
import { common } from './common';
import { createTranslator, type MessageParams, type PluralBase, setLocale as setSharedLocale } from './translate';

/**
 * The operations room's texts: every text it shows goes through `t()` (see `translate.ts` for the
 * mechanism, shared with the field page). A translation is one more `Record<MessageKey, string>`.
 */
export type { MessageKey, MessageParams };
export type Catalogue = Readonly<Record<MessageKey, string>>;
export type PluralKey = PluralBase<MessageKey>;
export { currentLocale } from './translate';

const dashboard = createTranslator<MessageKey>(en);

export const t = dashboard.t;
export const tn = dashboard.tn;

/** Adds a translation; `setLocale` switches to it. */
export function registerCatalogue(code: string, catalogue: Catalogue): void {
  dashboard.register(code, catalogue);
  common.register(code, catalogue);
}

export function setLocale(code: string): void {
  if (!dashboard.has(code)) throw new Error(`i18n: no catalogue for locale "${code}"`);
  setSharedLocale(code);
}
