import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
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
