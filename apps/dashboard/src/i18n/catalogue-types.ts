import type { MessageKey } from './catalog-en';
import type { CommonKey } from './catalog-common-en';
import type { FieldTextKey } from './catalog-field-en';

/**
 * The shapes of a translation, split as the English catalogues are: the texts both pages show
 * (`locales/<code>/common.ts`), the operations room's own (`dashboard.ts`) and the field page's own
 * (`field.ts`). Each file is an object literal of one of these types, so the compiler refuses a
 * missing key and a key English does not have; `catalogues.spec.ts` checks the same and lists
 * what to translate.
 */
export type CommonTexts = Readonly<Record<CommonKey, string>>;
export type DashboardTexts = Readonly<Record<Exclude<MessageKey, CommonKey>, string>>;
export type FieldTexts = Readonly<Record<Exclude<FieldTextKey, CommonKey>, string>>;
