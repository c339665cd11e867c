import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issuingCountrySchema } from './document-checks';
import { answerIssue } from './common';
import { polygonSchema } from './geo';
import { ISSUE_MESSAGES, issueMessage, issueMessageName, namedIssue } from './issue-messages';
import { createReportSchema } from './reports';
import { postMessageSchema } from './threads';

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

describe('templated messages', () => {
  it('are filled in by the schema and read back with their figures', () => {
    const english = issueMessage('polygon_too_many_positions', { maximum: 20000, count: 25001 });
    expect(english).toBe('a polygon may have at most 20000 positions (this one has 25001)');
    expect(namedIssue(english)).toEqual({ name: 'polygon_too_many_positions', params: { maximum: 20000, count: 25001 } });
    expect(namedIssue('unable needs a reason')).toEqual({ name: 'transition_needs_reason', params: { state: 'unable' } });
    expect(namedIssue(ISSUE_MESSAGES.cot_uid)).toEqual({ name: 'cot_uid', params: {} });
  });

  it('name what a polygon check finds, with the ring it is about', () => {
    const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
    const issues = polygonSchema.safeParse({ type: 'Polygon', coordinates: [square(0, 0, 10), square(1, 1, 5), square(2, 2, 1)] }).error?.issues ?? [];
    expect(issues.map((issue) => namedIssue(issue.message))).toEqual([{ name: 'hole_inside_hole', params: { hole: 1 } }]);
  });
});

describe('an issue as the API answers it', () => {
  it('carries zod’s code and figures, so that a client can say it in its own language', () => {
    const issues = postMessageSchema.safeParse({ clientId: randomUUID(), body: 'x'.repeat(2001) }).error?.issues ?? [];
    expect(issues.map(answerIssue)).toEqual([
      { path: 'body', message: 'must be at most 2,000 characters', code: 'too_big', params: { origin: 'string', maximum: 2000, inclusive: true } },
    ]);
    const unknown = postMessageSchema.safeParse({ clientId: randomUUID(), body: 'x', extra: 1 }).error?.issues ?? [];
    expect(unknown.map(answerIssue)).toEqual([{ path: '(body)', message: 'unknown field(s): extra', code: 'unrecognized_keys' }]);
  });
});
