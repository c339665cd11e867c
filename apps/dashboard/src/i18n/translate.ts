/**
 * The one message-catalogue mechanism of the dashboard and the field page. Each page has its own
 * catalogue (`i18n.ts` for the operations room, `field-i18n.ts` for the field page; both include
 * `catalog-common-en.ts`), so each bundle carries only its own texts; the locale is one for both.
 * A translation is one more catalogue with the same keys (`Record<Key, string>`, checked by the
 * compiler). Placeholders are `{name}`; plurals are two keys, `x_one` and `x_other`, chosen by
 * `Intl.PluralRules` in `tn()`.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/** `base` for every pair of keys `base_one` / `base_other`. */
export type PluralBase<K extends string, All extends string = K> = K extends `${infer Base}_one` ? (`${Base}_other` extends All ? Base : never) : never;

export interface Translator<K extends string> {
  t(key: K, params?: MessageParams): string;
  /** A message that depends on a count: `tn('teams', 3)` reads `teams_one` or `teams_other`; `{count}` is filled in. */
  tn(base: PluralBase<K>, count: number, params?: MessageParams): string;
  /** Adds a translation of this catalogue; `setLocale` switches to it. */
  register(locale: string, catalogue: Readonly<Record<K, string>>): void;
  has(locale: string): boolean;
}

let locale = 'en';

export function setLocale(code: string): void {
  locale = code;
}

export function currentLocale(): string {
  return locale;
}

export function createTranslator<K extends string>(english: Readonly<Record<K, string>>): Translator<K> {
  const catalogues = new Map<string, Readonly<Record<K, string>>>([['en', english]]);
  const t = (key: K, params?: MessageParams): string => {
    const template = catalogues.get(locale)?.[key] ?? english[key] ?? key;
    return params ? interpolate(template, params) : template;
  };
  return {
    t,
    tn: (base, count, params) => t(`${base}_${pluralRules(locale).select(count) === 'one' ? 'one' : 'other'}` as K, { count: formatCount(count), ...params }),
    register: (code, catalogue) => void catalogues.set(code, catalogue),
    has: (code) => catalogues.has(code),
  };
}

/**
 * A count in the page's language. `Number#toLocaleString` builds a new formatter on every call
 * (~0.1 ms each): hundreds of cluster markers and a catch-up counter made that a visible share of
 * the first draw. One formatter per locale instead.
 */
export function formatCount(value: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const rulesByLocale = new Map<string, Intl.PluralRules>();

function pluralRules(code: string): Intl.PluralRules {
  let rules = rulesByLocale.get(code);
  if (!rules) {
    rules = new Intl.PluralRules(code);
    rulesByLocale.set(code, rules);
  }
  return rules;
}

function interpolate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
