import {
  ERROR_CODES,
  INTERCEPTION_KINDS,
  ISSUE_MESSAGE_NAMES,
  LANGUAGES,
  MRZ_FIELDS,
  MRZ_PROBLEM_CODES,
  OPERATION_ROLES,
  OPERATION_STATUSES,
  REPORT_KINDS,
  REPORT_STATUSES,
  SITE_KINDS,
  TEAM_STATUSES,
  USER_ROLES,
  type Language,
} from '@lintas/contracts';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { adminEn } from './catalog-admin-en';
import { afterActionEn } from './catalog-after-action-en';
import { commonEn } from './catalog-common-en';
import { en } from './catalog-en';
import { fieldEn } from './catalog-field-en';
import { fieldIssuesEn } from './catalog-field-issues-en';
import { taskingCommonEn } from './catalog-tasking-common-en';
import { taskingEn } from './catalog-tasking-en';
import { taskingFieldEn } from './catalog-tasking-field-en';

/**
 * Every catalogue is complete, and no catalogue holds a text the code does not use.
 *
 * A translation lives in `locales/<code>/<part>.ts`, one file per English catalogue (the table in
 * `catalogue-types.ts`); each exports its part as `texts`. When English gains keys, this spec fails
 * and prints, per language and file, the missing entries with their English text: copy them into
 * that file and translate. A key that no code reads fails it too: delete it from English and from
 * every translation.
 */
type Texts = Readonly<Record<string, string>>;
const OTHER_LANGUAGES = LANGUAGES.filter((code): code is Exclude<Language, 'en'> => code !== 'en');

const without = (catalogue: Texts, ...parts: Texts[]): Texts => Object.fromEntries(Object.entries(catalogue).filter(([key]) => !parts.some((part) => key in part)));
/** Each part of a translation and the English it translates. */
const PARTS = ['tasking-common', 'common', 'admin', 'tasking', 'after-action', 'dashboard', 'tasking-field', 'field-issues', 'field'] as const;
type Part = (typeof PARTS)[number];
const ENGLISH: Record<Part, Texts> = {
  'tasking-common': taskingCommonEn,
  common: without(commonEn, taskingCommonEn),
  admin: adminEn,
  tasking: taskingEn,
  'after-action': afterActionEn,
  dashboard: without(en, commonEn, adminEn, taskingEn, afterActionEn),
  'tasking-field': taskingFieldEn,
  'field-issues': fieldIssuesEn,
  field: without(fieldEn, commonEn, taskingFieldEn, fieldIssuesEn),
};

// Each file of each translation, loaded the way Vite would (eagerly here).
const modules = import.meta.glob<Record<string, Texts>>('./locales/*/*.ts', { eager: true });
function translation(code: string, part: Part): Texts | null {
  return modules[`./locales/${code}/${part}.ts`]?.texts ?? null;
}

describe('the parts of a translation', () => {
  it('are the English catalogues, each key in one part of its page', () => {
    expect(Object.keys(ENGLISH.dashboard).length + Object.keys(adminEn).length + Object.keys(taskingEn).length + Object.keys(afterActionEn).length).toBe(Object.keys(without(en, commonEn)).length);
    expect(Object.keys(ENGLISH.field).length + Object.keys(taskingFieldEn).length + Object.keys(fieldIssuesEn).length).toBe(Object.keys(without(fieldEn, commonEn)).length);
  });
  it.each(OTHER_LANGUAGES)('%s has a file per part and no other', (code) => {
    const files = Object.keys(modules).filter((path) => path.startsWith(`./locales/${code}/`));
    expect(files.sort()).toEqual(PARTS.map((part) => `./locales/${code}/${part}.ts`).sort());
  });
});

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each(OTHER_LANGUAGES)('the %s catalogues', (code) => {
  it.each(PARTS)('%s.ts has every English key, and no other', (part) => {
    const texts = translation(code, part);
    expect(texts, `locales/${code}/${part}.ts is missing`).not.toBeNull();
    const english = ENGLISH[part];
    const missing = Object.keys(english).filter((key) => !(key in texts!));
    const extra = Object.keys(texts!).filter((key) => !(key in english));
    const toTranslate = missing.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(english[key])},`).join('\n');
    expect(missing, `locales/${code}/${part}.ts lacks ${missing.length} keys; add and translate:\n${toTranslate}\n`).toEqual([]);
    expect(extra, `locales/${code}/${part}.ts has keys English does not have: delete them`).toEqual([]);
  });

  it.each(PARTS)('%s.ts keeps every placeholder and translates every text', (part) => {
    const texts = translation(code, part) ?? {};
    for (const [key, english] of Object.entries(ENGLISH[part])) {
      if (!(key in texts)) continue;
      expect(placeholders(texts[key]), `${code} ${key}`).toEqual(placeholders(english));
      expect(texts[key].trim(), `${code} ${key} is empty`).not.toBe('');
    }
  });
});

// ---- the other direction: every key is read by the code ------------------------------------

// Every source file of the dashboard, as text (Vite's glob, as for the catalogues), by its path under src/
// (the glob names this folder's files `./x.ts`, the others `../dir/x.ts`).
const SOURCE_TEXTS = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.spec.{ts,tsx}', '!../i18n/catalog-*.ts', '!../i18n/locales/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function sources(keep: (path: string) => boolean): ts.SourceFile[] {
  return Object.entries(SOURCE_TEXTS)
    .map(([key, text]) => [key.startsWith('./') ? `i18n/${key.slice(2)}` : key.replace(/^\.\.\//, ''), text] as const)
    .filter(([path]) => keep(path))
    .map(([path, text]) => ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
}

/**
 * What the code says about keys (read with the TypeScript parser): every string literal whole
 * (`t('shell.subtitle')`), the static head of every template literal (`t(\`layers.${layer}\`)` reads
 * every `layers.*` key), and dotted literals the code completes (`label('enum.teamStatus')`).
 * Plural pairs `x_one`/`x_other` are read through their base `x` (`tn('x', n)`).
 */
function usage(files: ts.SourceFile[]) {
  const literals = new Set<string>();
  const heads = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
    else if (ts.isTemplateExpression(node) && node.head.text !== '') heads.add(node.head.text);
    ts.forEachChild(node, visit);
  };
  files.forEach(visit);
  const dotted = [...literals].filter((literal) => /^\w+\.\w/.test(literal) && !(literal in en) && !(literal in fieldEn));
  return (key: string): boolean => {
    const plural = /^(.*)_(one|other)$/.exec(key)?.[1];
    if (literals.has(key) || (plural !== undefined && literals.has(plural))) return true;
    return [...heads].some((head) => key.startsWith(head)) || dotted.some((literal) => key.startsWith(`${literal}.`));
  };
}

/** Keys the code builds from the contracts' closed lists: each must name a value that exists. */
const FAMILIES: Record<string, readonly string[]> = {
  'error.': ERROR_CODES,
  'enum.operationStatus.': OPERATION_STATUSES,
  'enum.operationRole.': OPERATION_ROLES,
  'enum.userRole.': USER_ROLES,
  'enum.reportKind.': REPORT_KINDS,
  'enum.reportStatus.': REPORT_STATUSES,
  'enum.teamStatus.': TEAM_STATUSES,
  'enum.siteKind.': SITE_KINDS,
  'enum.interceptionKind.': INTERCEPTION_KINDS,
  'issue.named.': ISSUE_MESSAGE_NAMES,
  'mrz.problem.': MRZ_PROBLEM_CODES,
  'mrz.field.': [...MRZ_FIELDS, 'other'],
  'mrz.format.': ['TD1', 'TD2', 'TD3'],
};

function unused(english: Texts, used: (key: string) => boolean): string[] {
  return Object.keys(english).filter((key) => {
    const family = Object.keys(FAMILIES).find((prefix) => key.startsWith(prefix));
    if (family) return !FAMILIES[family].includes(key.slice(family.length)) || !used(key);
    return !used(key);
  });
}

describe('every key is used by the code', () => {
  const everything = usage(sources(() => true));
  // The field page's own texts are read only by what the field page runs.
  const fieldPage = usage(sources((path) => /^(field|ui|map|i18n)\//.test(path)));
  const operationsRoom = usage(sources((path) => !path.startsWith('field/')));
  it('reads the sources', () => expect(Object.keys(SOURCE_TEXTS).length).toBeGreaterThan(50));

  it('the shared catalogue (catalog-common-en.ts)', () => expect(unused(commonEn, everything)).toEqual([]));
  it("the operations room's (catalog-en.ts and its parts)", () => expect(unused(without(en, commonEn), operationsRoom)).toEqual([]));
  it("the field page's (catalog-field-en.ts and its parts)", () => expect(unused(without(fieldEn, commonEn), fieldPage)).toEqual([]));
});
