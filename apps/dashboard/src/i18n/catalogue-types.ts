import type { adminEn } from './catalog-admin-en';
import type { afterActionEn } from './catalog-after-action-en';
import type { CommonKey } from './catalog-common-en';
import type { MessageKey } from './catalog-en';
import type { FieldTextKey } from './catalog-field-en';
import type { fieldIssuesEn } from './catalog-field-issues-en';
import type { taskingCommonEn } from './catalog-tasking-common-en';
import type { taskingEn } from './catalog-tasking-en';
import type { taskingFieldEn } from './catalog-tasking-field-en';

/**
 * The shapes of a translation, split as the English catalogues are, one file per part in
 * `locales/<code>/` (each exports its part as `texts`):
 *
 * | part               | English                          | translation           |
 * | ------------------ | -------------------------------- | --------------------- |
 * | both pages         | catalog-common-en.ts             | common.ts             |
 * | both pages, tasks  | catalog-tasking-common-en.ts     | tasking-common.ts     |
 * | operations room    | catalog-en.ts (its own keys)     | dashboard.ts          |
 * | administration     | catalog-admin-en.ts              | admin.ts              |
 * | tasks and requests | catalog-tasking-en.ts            | tasking.ts            |
 * | after-action report| catalog-after-action-en.ts       | after-action.ts       |
 * | field page         | catalog-field-en.ts (its own)    | field.ts              |
 * | field page, tasks  | catalog-tasking-field-en.ts      | tasking-field.ts      |
 * | field page, MRZ    | catalog-field-issues-en.ts       | field-issues.ts       |
 *
 * Each file is an object literal of one of these types, so the compiler refuses a missing key and
 * a key English does not have; `catalogues.spec.ts` checks the same and lists what to translate.
 */
type Texts<K extends string> = Readonly<Record<K, string>>;

type TaskingCommonKey = keyof typeof taskingCommonEn;
type AdminKey = keyof typeof adminEn;
type TaskingKey = keyof typeof taskingEn;
type AfterActionKey = keyof typeof afterActionEn;
type TaskingFieldKey = keyof typeof taskingFieldEn;
type FieldIssuesKey = keyof typeof fieldIssuesEn;

export type TaskingCommonTexts = Texts<TaskingCommonKey>;
export type CommonTexts = Texts<Exclude<CommonKey, TaskingCommonKey>>;
export type AdminTexts = Texts<AdminKey>;
export type TaskingTexts = Texts<TaskingKey>;
export type AfterActionTexts = Texts<AfterActionKey>;
export type DashboardTexts = Texts<Exclude<MessageKey, CommonKey | AdminKey | TaskingKey | AfterActionKey>>;
export type TaskingFieldTexts = Texts<TaskingFieldKey>;
export type FieldIssuesTexts = Texts<FieldIssuesKey>;
export type FieldTexts = Texts<Exclude<FieldTextKey, CommonKey | TaskingFieldKey | FieldIssuesKey>>;
