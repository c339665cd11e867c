import { en, type MessageKey } from './catalog-en';

/**
 * A small typed message catalogue. Every text the dashboard shows goes through `t()`, so a
 * translation is one more catalogue with the same keys (`Record<MessageKey, string>`, checked by
 * the compiler). Placeholders are `{name}`; plurals are two keys, `x_one` and `x_other`, chosen by
 * `Intl.PluralRules` in `tn()`.
 */
export type { MessageKey };
export type Catalogue = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues = new Map<string, Catalogue>([['en', en]]);
let locale = 'en';
let current: Catalogue = en;

/** Adds a translation; `setLocale` switches to it. */
export function registerCatalogue(code: string, catalogue: Catalogue): void {
  catalogues.set(code, catalogue);
}

export function setLocale(code: string): void {
  const catalogue = catalogues.get(code);
  if (!catalogue) throw new Error(`i18n: no catalogue for locale "${code}"`);
  locale = code;
  current = catalogue;
}

export function currentLocale(): string {
  return locale;
}

export function t(key: MessageKey, params?: MessageParams): string {
  const template = current[key] ?? en[key] ?? key;
  return params ? interpolate(template, params) : template;
}

type PluralBase<K extends string> = K extends `${infer Base}_one` ? (`${Base}_other` extends MessageKey ? Base : never) : never;
export type PluralKey = PluralBase<MessageKey>;

const pluralRules = new Map<string, Intl.PluralRules>();

/** A message that depends on a count: `tn('teams', 3)` reads `teams_one` or `teams_other`; `{count}` is filled in. */
export function tn(base: PluralKey, count: number, params?: MessageParams): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const key = (rules.select(count) === 'one' ? `${base}_one` : `${base}_other`) as MessageKey;
  return t(key, { count: count.toLocaleString(locale), ...params });
}

function interpolate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
