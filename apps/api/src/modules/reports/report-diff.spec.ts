import { diffFields } from './report-diff';

describe('diffFields', () => {
  it('records only the fields whose value changed, as [before, after]', () => {
    const before = { title: 'Boat at Chau Doc', lat: 10.7, lon: 105.1, recipientAgencyIds: ['a'], interception: { persons: 4, minors: 1 } };
    expect(
      diffFields(before, { title: 'Boat at Chau Doc', lat: 10.8, recipientAgencyIds: ['a'], interception: { minors: 1, persons: 4 } }),
    ).toEqual({ lat: [10.7, 10.8] });
  });

  it('treats a field that was absent as null and ignores fields not given', () => {
    expect(diffFields({ siteId: undefined as string | undefined, title: 'x' }, { siteId: 'site-1' })).toEqual({ siteId: [null, 'site-1'] });
    expect(diffFields({ title: 'x' }, {})).toEqual({});
  });
});
