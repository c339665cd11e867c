import { ISSUE_MESSAGES } from '@lintas/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { registerCatalogue, setLocale } from '../i18n/i18n';
import { catalogue as vietnamese } from '../i18n/locales/vi/dashboard';
import { formErrorsOf } from './form-errors';

describe('formErrorsOf', () => {
  it('puts validation issues next to their fields', () => {
    const error = new ApiError(400, 'Some fields are not valid', [{ path: 'area.coordinates.0', message: 'a ring must not cross itself' }], 'validation_failed');
    expect(formErrorsOf(error)).toEqual({ fields: { area: 'a ring must not cross itself' }, form: null });
  });

  it('puts a refusal about one field next to it, with the server’s details', () => {
    const error = new ApiError(409, 'An agency with the code KH-GDI already exists', undefined, 'agency_code_taken');
    expect(formErrorsOf(error)).toEqual({ fields: { code: 'An agency with the code KH-GDI already exists' }, form: null });
  });

  it('says anything else once, for the form', () => {
    expect(formErrorsOf(new ApiError(403, 'Your role does not allow this', undefined, 'role_required'))).toEqual({ fields: {}, form: 'Your role does not allow this' });
    expect(formErrorsOf(new Error('offline'))).toEqual({ fields: {}, form: 'offline' });
  });
});

describe('formErrorsOf in the operations room’s language', () => {
  beforeAll(() => {
    registerCatalogue('vi', vietnamese);
    setLocale('vi');
  });
  afterAll(() => setLocale('en'));

  it('says a contracts’ message in the page’s language (the catalogue the field forms use), zod’s by its code and figures, and any other as the server did', () => {
    const error = new ApiError(
      400,
      'Invalid input',
      [
        { path: 'code', message: ISSUE_MESSAGES.agency_code, code: 'invalid_format', params: { format: 'regex' } },
        { path: 'country', message: ISSUE_MESSAGES.country_code },
        { path: 'area.coordinates.2', message: 'ring crosses or touches ring 1', code: 'custom' },
        { path: 'description', message: 'Too big: expected string to have <=2000 characters', code: 'too_big', params: { origin: 'string', maximum: 2000, inclusive: true } },
        { path: 'timeZone', message: 'a check of another server', code: 'custom' },
      ],
      'validation_failed',
    );
    expect(formErrorsOf(error).fields).toEqual({
      code: 'phải gồm 2–16 chữ in hoa, chữ số hoặc gạch nối',
      country: 'phải là mã quốc gia hai chữ cái, ví dụ KH',
      area: 'một lỗ cắt hoặc chạm vòng 1 (vòng 0 là đường bao)',
      description: 'tối đa 2.000 ký tự',
      timeZone: 'a check of another server',
    });
  });
});
