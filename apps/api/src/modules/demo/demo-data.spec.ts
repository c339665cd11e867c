import { ASEAN_COUNTRIES, polygonSchema } from '@lintas/contracts';
import borderSites from '../../database/seed-data/asean-border-sites.json';
import { DEMO_AGENCIES, DEMO_OPERATIONS, DEMO_USERS } from './demo-data';
import { demoClientId } from './demo-seeder.service';

const SITE_CODES = new Set((borderSites as { sites: { id: string }[] }).sites.map((site) => site.id));
const userByEmail = new Map(DEMO_USERS.map((user) => [user.email, user]));

describe('demo data', () => {
  it('has at least five agencies of at least four ASEAN countries and an international coordinator', () => {
    const countries = new Set(DEMO_AGENCIES.map((agency) => agency.country).filter((country): country is string => country !== null));
    expect(DEMO_AGENCIES.length).toBeGreaterThanOrEqual(5);
    expect(countries.size).toBeGreaterThanOrEqual(4);
    expect([...countries].every((country) => (ASEAN_COUNTRIES as readonly string[]).includes(country))).toBe(true);
    expect(DEMO_AGENCIES.filter((agency) => agency.country === null).map((agency) => agency.kind)).toEqual(['international_organisation']);
  });

  it('starts with the administrator, and every account belongs to a demo agency', () => {
    expect(DEMO_USERS[0].role).toBe('admin');
    expect(DEMO_USERS.every((user) => DEMO_AGENCIES.some((agency) => agency.code === user.agencyCode))).toBe(true);
  });

  it.each(DEMO_OPERATIONS.map((operation) => [operation.code, operation] as const))('%s is consistent', (_code, operation) => {
    expect(polygonSchema.safeParse(operation.area).success).toBe(true);
    expect(operation.siteCodes.filter((code) => !SITE_CODES.has(code))).toEqual([]);
    expect(userByEmail.get(operation.leadCommanderEmail)?.role).toBe('commander');
    const lead = userByEmail.get(operation.leadCommanderEmail)!.agencyCode;
    const members = new Set([lead, ...operation.participants.map((p) => p.agencyCode)]);
    for (const team of operation.teams) {
      expect([team.callSign, SITE_CODES.has(team.siteCode)]).toEqual([team.callSign, true]);
      expect(team.memberEmails.map((email) => userByEmail.get(email)?.agencyCode)).toEqual(team.memberEmails.map(() => team.agencyCode));
      expect(team.recipientAgencyCodes.every((code) => members.has(code))).toBe(true);
    }
    for (const report of operation.reports) {
      const author = userByEmail.get(report.authorEmail)!;
      expect([report.key, ['field', 'commander'].includes(author.role)]).toEqual([report.key, true]);
      // A field officer posts for a team it is a member of.
      if (author.role === 'field') expect(operation.teams.find((t) => t.callSign === report.teamCallSign)?.memberEmails).toContain(author.email);
      expect([report.key, report.marking === 'TLP:RED' ? (report.recipientAgencyCodes ?? []).length > 0 : !report.recipientAgencyCodes]).toEqual([report.key, true]);
      // Verdicts come from a commander of the originating agency.
      if (report.decision) expect(userByEmail.get(report.decision.byEmail)).toMatchObject({ role: 'commander', agencyCode: author.agencyCode });
    }
  });

  it('derives one fixed, valid clientId per report key', () => {
    const keys = DEMO_OPERATIONS.flatMap((operation) => operation.reports.map((report) => report.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(demoClientId('mg-01')).toBe(demoClientId('mg-01'));
    expect(demoClientId('mg-01')).not.toBe(demoClientId('mg-02'));
    expect(demoClientId('mg-01')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
