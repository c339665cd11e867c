import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_MESSAGES, isErrorCode } from './error-codes';
import { createTeamSchema } from './teams';

describe('error codes', () => {
  it('are snake_case, each with a message', () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(ERROR_MESSAGES[code].length).toBeGreaterThan(0);
    }
  });

  it('keep one code per situation: the retired synonyms are not codes', () => {
    for (const retired of ['not_team_member', 'invalid_site', 'invalid_recipients', 'not_agency_team']) expect(isErrorCode(retired)).toBe(false);
    expect(isErrorCode('team_member_required')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('createTeamSchema', () => {
  it('names recipients only for TLP:RED, as the report schemas do', () => {
    const team = { callSign: 'ALPHA 1', size: 4, recipientAgencyIds: ['0d3f5c1e-8a4b-4c2d-9e6f-7a8b9c0d1e2f'] };
    expect(createTeamSchema.safeParse({ ...team, marking: 'TLP:AMBER' }).success).toBe(false);
    expect(createTeamSchema.safeParse({ ...team, marking: 'TLP:RED' }).success).toBe(true);
  });
});
