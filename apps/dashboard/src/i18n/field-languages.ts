import type { Language } from '@lintas/contracts';
import type { FieldTextKey } from './catalog-field-en';
import { registerFieldCatalogue } from './field-i18n';
import { applyDocumentLanguage } from './languages';
import { setLocale } from './translate';

/**
 * The field page's translations (its own texts only), each its own chunk: fetched when first
 * chosen, and precached by the field page's service worker with the rest of its files, so a
 * language works offline as English does.
 */
type FieldCatalogue = Readonly<Record<FieldTextKey, string>>;

const LOADERS: Readonly<Record<Exclude<Language, 'en'>, () => Promise<{ catalogue: FieldCatalogue }>>> = {
  id: () => import('./locales/id/field'),
  ms: () => import('./locales/ms/field'),
  th: () => import('./locales/th/field'),
  vi: () => import('./locales/vi/field'),
  km: () => import('./locales/km/field'),
  fil: () => import('./locales/fil/field'),
};

const loaded = new Set<Language>(['en']);

export async function switchFieldLanguage(code: Language): Promise<void> {
  if (!loaded.has(code)) {
    registerFieldCatalogue(code, (await LOADERS[code as Exclude<Language, 'en'>]()).catalogue);
    loaded.add(code);
  }
  setLocale(code);
  applyDocumentLanguage(code);
}
