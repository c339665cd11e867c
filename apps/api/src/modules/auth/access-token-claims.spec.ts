import { accessTokenClaims } from './access-token-claims';

const SUB = '0b1f6c1e-8a57-4c36-9d2f-1c2b3a4d5e6f';
const SID = '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

describe('access token claims', () => {
  it('are the user and sign-in of a token with an expiry', () => {
    expect(accessTokenClaims({ sub: SUB, sid: SID, iat: 1, exp: 2 })).toEqual({ sub: SUB, sid: SID });
  });

  it.each([
    ['no expiry', { sub: SUB, sid: SID, iat: 1 }],
    ['an expiry that is not a number', { sub: SUB, sid: SID, exp: '2' }],
    ['a subject that is not a UUID', { sub: 'admin', sid: SID, exp: 2 }],
    ['a sign-in that is not a UUID', { sub: SUB, sid: "1' OR '1'='1", exp: 2 }],
    ['no sign-in', { sub: SUB, exp: 2 }],
    ['nothing', null],
  ])('refuse a token with %s', (_name, payload) => {
    expect(() => accessTokenClaims(payload)).toThrow('not an access token of this API');
  });
});
