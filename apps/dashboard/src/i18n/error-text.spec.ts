import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { errorText } from './error-text';
import { registerCatalogue, setLocale } from './i18n';
import { catalogue as vietnamese } from './locales/vi/dashboard';

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

  it('says refused input field by field in the page’s language, after the form’s label for the field', () => {
    const refused = new ApiError(
      400,
      'Invalid input: title: must be at most 120 characters; body: must be at most 2,000 characters',
      [
        { path: 'title', message: 'must be at most 120 characters', code: 'too_big', params: { origin: 'string', maximum: 120, inclusive: true } },
        { path: 'body', message: 'must be at most 2,000 characters', code: 'too_big', params: { origin: 'string', maximum: 2000, inclusive: true } },
      ],
      'validation_failed',
    );
    registerCatalogue('vi', vietnamese);
    setLocale('vi');
    try {
      expect(errorText(refused, { title: 'Nhiệm vụ' })).toBe('Nhiệm vụ: tối đa 120 ký tự; tối đa 2.000 ký tự');
    } finally {
      setLocale('en');
    }
    expect(errorText(refused)).toBe('must be at most 120 characters; must be at most 2,000 characters');
  });
});
