import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issuingCountrySchema } from './document-checks';
import { ISSUE_MESSAGES, issueMessageName } from './issue-messages';
import { createReportSchema } from './reports';

describe('the contracts’ own validation messages, by name', () => {
  it('are what the schemas say, so a client can translate them by name', () => {
    const report = { clientId: randomUUID(), kind: 'interception', title: 'Boat', occurredAt: '1800-01-01T00:00:00Z', interception: { interceptionKind: 'smuggling', persons: 1, minors: 2 } };
    const issues = createReportSchema.safeParse(report).error?.issues ?? [];
    expect(issues.map((issue) => issueMessageName(issue.message))).toEqual(expect.arrayContaining(['not_before_1900', 'minors_exceed_persons']));
    expect(issueMessageName(issuingCountrySchema.safeParse('12').error?.issues[0].message ?? '')).toBe('icao_country');
  });

  it('knows no name for a message of its own making', () => {
    expect(issueMessageName('Invalid input: expected number, received undefined')).toBeNull();
    expect(new Set(Object.values(ISSUE_MESSAGES)).size).toBe(Object.keys(ISSUE_MESSAGES).length);
  });
});
