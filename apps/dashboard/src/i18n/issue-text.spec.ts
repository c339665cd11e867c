import {
  answerIssue,
  bindTakDeviceSchema,
  createAgencySchema,
  createOperationSchema,
  createReportSchema,
  createRequestSchema,
  createSiteSchema,
  createTaskSchema,
  createTeamSchema,
  createUserSchema,
  createWatchedAreaSchema,
  LANGUAGES,
  manualDocumentCheckSchema,
  namedIssue,
  postMessageSchema,
  recordCheckOutcomeSchema,
  recordHandoverSchema,
  rejectReportSchema,
  requestTransitionSchema,
  saveLessonsSchema,
  setPasswordRequestSchema,
  taskTransitionSchema,
  updatePreferencesSchema,
  type ErrorIssue,
  type Language,
} from '@lintas/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { type Catalogue, registerCatalogue, setLocale } from './i18n';
import { answeredIssueText, issueText } from './issue-text';
import { formatCount } from './translate';

/**
 * Every validation issue the forms can produce is said in each of the seven languages, with its
 * figures written that language's way: each form's schema is given a valid body, then each field
 * spoiled in every way a form lets through (empty, too long, out of range, malformed), and each
 * rule broken; every issue, as the API answers it (`answerIssue`) and as the form's own check
 * sees it, must not reach the reader as the schemas' English or zod's.
 */
const modules = import.meta.glob<{ catalogue: Catalogue }>('./locales/*/dashboard.ts', { eager: true });
for (const code of LANGUAGES) if (code !== 'en') registerCatalogue(code, modules[`./locales/${code}/dashboard.ts`].catalogue);
afterAll(() => setLocale('en'));

const ID = '11111111-1111-4111-8111-111111111111';
const NOW = '2026-11-28T08:00:00Z';
const square = [[105, 10], [105.1, 10], [105.1, 10.1], [105, 10.1], [105, 10]];
const bowTie = [[105, 10], [105.1, 10.1], [105.1, 10], [105, 10.1], [105, 10]];

type Schema = { safeParse(value: unknown): { success: boolean; error?: { issues: Parameters<typeof answerIssue>[0][] } } };
/** Each form's schema with a body it accepts, and bodies that break its rules (the fields spoiled one by one come on top). */
const FORMS: Record<string, { schema: Schema; valid: Record<string, unknown>; broken?: Record<string, unknown>[] }> = {
  report: {
    schema: createReportSchema,
    valid: { clientId: ID, kind: 'interception', title: 'Boat', narrative: 'Seen', occurredAt: NOW, lat: 10, lon: 105, interception: { interceptionKind: 'smuggling', persons: 3 } },
    broken: [
      { clientId: ID, kind: 'interception', title: 'Boat', occurredAt: NOW },
      { clientId: ID, kind: 'sitrep', title: 'Quiet', occurredAt: NOW, interception: { interceptionKind: 'other', persons: 1 } },
      { clientId: ID, kind: 'sitrep', title: 'Quiet', occurredAt: NOW, lat: 10 },
      { clientId: ID, kind: 'sitrep', title: 'Quiet', occurredAt: '1800-01-01T00:00:00Z' },
      { clientId: ID, kind: 'sitrep', title: 'Quiet', occurredAt: '2999-01-01T00:00:00Z', recipientAgencyIds: [ID] },
      { clientId: ID, kind: 'interception', title: 'Boat', occurredAt: NOW, interception: { interceptionKind: 'smuggling', persons: 1, minors: 2, presumedVictims: 3, nationalities: ['KHM'] } },
      { clientId: ID, kind: 'interception', title: 'Boat', occurredAt: NOW, interception: { interceptionKind: 'smuggling', persons: -1, suspects: 1.5 } },
    ],
  },
  documentCheck: { schema: manualDocumentCheckSchema, valid: { clientId: ID, teamId: ID, documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N1', expiryDate: '2031-01-01' } },
  task: {
    schema: createTaskSchema,
    valid: { clientId: ID, teamId: ID, kind: 'patrol', title: 'Patrol', instructions: 'Go', ackWithinSeconds: 300, target: { lat: 10, lon: 105, siteId: null, area: [[105, 10], [105.1, 10], [105.1, 10.1]] } },
    broken: [
      { clientId: ID, teamId: ID, kind: 'patrol', title: 'Patrol', target: { lat: 10, lon: null } },
      { clientId: ID, teamId: ID, kind: 'patrol', title: 'Patrol', target: { area: [[105, 10], [105.1, 10]] } },
      { clientId: ID, teamId: ID, kind: 'patrol', title: 'Patrol', marking: 'TLP:AMBER', recipientAgencyIds: [ID] },
    ],
  },
  taskTransition: { schema: taskTransitionSchema, valid: { clientId: ID, to: 'done' }, broken: [{ clientId: ID, to: 'unable' }, { clientId: ID, to: 'cancelled', reason: '  ' }] },
  request: {
    schema: createRequestSchema,
    valid: { clientId: ID, toAgencyId: ID, kind: 'assist', subject: 'Help', details: 'Boat', answerWithinSeconds: 900, lat: 10, lon: 105 },
    broken: [{ clientId: ID, toAgencyId: ID, kind: 'assist', subject: 'Help', lon: 105 }],
  },
  requestTransition: { schema: requestTransitionSchema, valid: { clientId: ID, to: 'accepted' }, broken: [{ clientId: ID, to: 'declined' }] },
  handover: {
    schema: recordHandoverSchema,
    valid: { clientId: ID, persons: { adults: 1, minors: 0, suspectedVictims: 0, suspectedSmugglers: 0 }, nationalities: [], documents: 0, vehicle: 'Truck', notes: 'ok' },
    broken: [{ clientId: ID, persons: { adults: -1, minors: 1.5, suspectedVictims: 0, suspectedSmugglers: 0 }, nationalities: ['KHM'], documents: 0, vehicle: null, notes: '' }],
  },
  message: { schema: postMessageSchema, valid: { clientId: ID, body: 'On our way' } },
  watchedArea: {
    schema: createWatchedAreaSchema,
    valid: { clientId: ID, name: 'Ford', area: { type: 'Polygon', coordinates: [square] }, noTeamMinutes: 30 },
    broken: [
      { clientId: ID, name: 'Ford', area: { type: 'Polygon', coordinates: [bowTie] }, noTeamMinutes: 30 },
      { clientId: ID, name: 'Ford', area: { type: 'Polygon', coordinates: [square.slice(0, 4)] }, noTeamMinutes: 30 },
      { clientId: ID, name: 'Ford', area: { type: 'Polygon', coordinates: [[[105, 10], [105.1, 10], [105, 10], [105.1, 10]]] }, noTeamMinutes: 30 },
      { clientId: ID, name: 'Ford', area: { type: 'Polygon', coordinates: [[[105, 10], [105.1, 10], [105.2, 10], [105, 10]]] }, noTeamMinutes: 30 },
      { clientId: ID, name: 'Ford', area: { type: 'Polygon', coordinates: [square, [[106, 11], [106.01, 11], [106.01, 11.01], [106, 11]]] }, noTeamMinutes: 30 },
      { clientId: ID, name: 'Ford', area: { type: 'Polygon', coordinates: [] }, noTeamMinutes: 30 },
      { clientId: ID, name: 'Ford', area: { type: 'Polygon', coordinates: [[[181, 10], [105.1, -91], [105, 10.1], [181, 10]]] }, noTeamMinutes: 30 },
    ],
  },
  reject: { schema: rejectReportSchema, valid: { reason: 'Duplicate' } },
  checkOutcome: { schema: recordCheckOutcomeSchema, valid: { outcome: 'confirmed', note: 'Confirmed' } },
  device: { schema: bindTakDeviceSchema, valid: { uid: 'ANDROID-1' }, broken: [{ uid: 'a b' }] },
  lessons: { schema: saveLessonsSchema, valid: { items: [{ lesson: 'Radios', action: 'Buy', owner: 'KH', dueDate: '2026-12-01' }] }, broken: [{ items: [{ lesson: ' ', dueDate: '1 Dec' }] }] },
  agency: { schema: createAgencySchema, valid: { code: 'KH-GDI', name: 'Immigration', country: 'KH', kind: 'national' } },
  user: { schema: createUserSchema, valid: { email: 'a@b.kh', name: 'Sok', role: 'field', agencyId: ID } },
  site: { schema: createSiteSchema, valid: { code: 'kh-bavet', name: 'Bavet', kind: 'land', country: 'KH', counterpart: 'VN', lat: 11, lon: 106 } },
  operation: {
    schema: createOperationSchema,
    valid: { code: 'OP-MEKONG', name: 'Mekong', description: 'x', timeZone: 'Asia/Bangkok', startsAt: NOW, endsAt: '2026-12-28T08:00:00Z' },
    broken: [{ code: 'OP-MEKONG', name: 'Mekong', startsAt: NOW, endsAt: '2026-01-01T00:00:00Z' }],
  },
  team: { schema: createTeamSchema, valid: { callSign: 'Alpha 1', size: 4 }, broken: [{ callSign: 'Alpha 1', size: 4, marking: 'TLP:GREEN', recipientAgencyIds: [ID] }] },
  setPassword: { schema: setPasswordRequestSchema, valid: { token: 'x'.repeat(43), password: 'a long pass phrase' } },
  preferences: { schema: updatePreferencesSchema, valid: { language: 'th' } },
};

/** What a form lets through into a field: the ways a typed, picked or computed value can be wrong. */
const SPOILED: unknown[] = ['', '   ', 'x', 'x'.repeat(121), 'x'.repeat(2001), 'x'.repeat(10_001), 'x\u0000y', -1, 0, 1.5, 100_000_000, -200, 'not a date', [], null, undefined];

function issuesOf(form: (typeof FORMS)[string]) {
  const bodies = [...(form.broken ?? [])];
  for (const field of Object.keys(form.valid)) for (const value of SPOILED) bodies.push({ ...form.valid, [field]: value });
  const issues = new Map<string, Parameters<typeof answerIssue>[0]>();
  for (const body of bodies) for (const issue of form.schema.safeParse(body).error?.issues ?? []) issues.set(JSON.stringify(answerIssue(issue)), issue);
  return [...issues.values()];
}

const ZOD_ENGLISH = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

function inEvery(say: () => string): Record<Language, string> {
  const said = {} as Record<Language, string>;
  for (const code of LANGUAGES) {
    setLocale(code);
    said[code] = say();
  }
  setLocale('en');
  return said;
}

describe.each(Object.keys(FORMS))('the %s form’s validation issues', (name) => {
  const issues = issuesOf(FORMS[name]);
  it('are found', () => expect(issues.length).toBeGreaterThan(0));

  it.each(issues.map((issue) => [`${issue.path.join('.')}: ${issue.message}`, issue] as const))('%s is said in all 7 languages', (_, issue) => {
    const answered: ErrorIssue = JSON.parse(JSON.stringify(answerIssue(issue)));
    const fromServer = inEvery(() => answeredIssueText(answered));
    const fromForm = inEvery(() => issueText(issue));
    expect(fromForm).toEqual(fromServer);
    expect(fromServer.en).not.toMatch(ZOD_ENGLISH);
    for (const code of LANGUAGES) {
      if (code === 'en') continue;
      expect(fromServer[code], `${code}: said in English`).not.toBe(fromServer.en);
      expect(fromServer[code], `${code}: said as the server did`).not.toBe(answered.message);
    }
    // A figure of the check (at most 2,000 characters) is written the language's way ("must not be empty" has none).
    const figure = answered.params?.maximum ?? answered.params?.minimum;
    const empty = answered.code === 'too_small' && answered.params?.origin === 'string' && figure === 1;
    if (figure !== undefined && !empty && !namedIssue(answered.message) && (answered.code === 'too_small' || answered.code === 'too_big')) {
      for (const code of LANGUAGES) {
        setLocale(code);
        expect(fromServer[code], `${code}: the figure`).toContain(formatCount(figure));
      }
      setLocale('en');
    }
  });
});

describe('a message of the contracts with a figure in it', () => {
  it('says the figure the reader’s way', () => {
    const said = inEvery(() => answeredIssueText({ message: 'a polygon may have at most 10000 positions (this one has 12000)', code: 'custom' }));
    expect(said.en).toBe('an area may have at most 10,000 points (this one has 12,000)');
    expect(said.vi).toContain('10.000');
    expect(said.vi).toContain('12.000');
  });

  it('shows a message nobody named as the server said it', () => {
    expect(answeredIssueText({ message: 'something new', code: 'custom' })).toBe('something new');
    expect(answeredIssueText({ message: 'an answer of an older server' })).toBe('an answer of an older server');
  });
});
