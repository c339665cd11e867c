import type { Language } from '@lintas/contracts';
import { type Catalogue, registerCatalogue, setLocale } from './i18n';
import { applyDocumentLanguage } from './languages';

/**
 * The operations room's translations, each its own chunk fetched when first chosen: English is
 * built in, and a page in Thai loads the Thai catalogue only.
 */
const LOADERS: Readonly<Record<Exclude<Language, 'en'>, () => Promise<{ catalogue: Catalogue }>>> = {
  id: () => import('./locales/id/dashboard'),
  ms: () => import('./locales/ms/dashboard'),
  th: () => import('./locales/th/dashboard'),
  vi: () => import('./locales/vi/dashboard'),
  km: () => import('./locales/km/dashboard'),
  fil: () => import('./locales/fil/dashboard'),
};

const loaded = new Set<Language>(['en']);

/** Loads the language's catalogue if needed and switches the page's texts to it (next render). */
export async function switchDashboardLanguage(code: Language): Promise<void> {
  if (!loaded.has(code) && code !== 'en') {
    registerCatalogue(code, (await LOADERS[code]()).catalogue);
    loaded.add(code);
  }
  setLocale(code);
  applyDocumentLanguage(code);
}
