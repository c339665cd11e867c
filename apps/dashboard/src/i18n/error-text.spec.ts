import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { errorText } from './error-text';

describe('errorText', () => {
  it('shows the catalogue’s text for an API error code', () => {
    expect(errorText(new ApiError(403, 'Only a commander of the originating agency may verify or reject this report', undefined, 'origin_commander_required'))).toBe(
      'Only a commander of the originating agency may verify or reject this report',
    );
    expect(errorText(new ApiError(409, 'The report has changed since version 3; it is now at version 5', undefined, 'stale_version'))).toBe(
      'Someone changed this in the meantime; reload and try again',
    );
  });

  it("falls back to the server's message when the code has no text here, or there is no code", () => {
    expect(errorText(new ApiError(400, 'Invalid input: title: too long', undefined, 'validation_failed'))).toBe('Invalid input: title: too long');
    expect(errorText(new ApiError(0, 'The Lintas server could not be reached.'))).toBe('The Lintas server could not be reached.');
    expect(errorText(new Error('boom'))).toBe('boom');
  });
});
