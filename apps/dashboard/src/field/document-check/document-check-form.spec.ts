import { td1Specimen, td3Specimen } from '@lintas/contracts';
import { describe, expect, it } from 'vitest';
import { buildDocumentCheck } from './document-check-form';
import { recordingApi } from '../../test-support/recording-api';
import { deliver } from '../field-transport';

describe('buildDocumentCheck', () => {
  it('reads an MRZ into the four fields the check needs (no name, no birth date)', () => {
    expect(buildDocumentCheck({ mode: 'mrz', mrz: td3Specimen({ country: 'KHM', number: 'N0000001', surname: 'SOMEONE' }).join('\n') })).toEqual({
      ok: true,
      body: { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000001', expiryDate: '2031-01-01' },
    });
    expect(buildDocumentCheck({ mode: 'mrz', mrz: td1Specimen({ country: 'VNM', number: 'C1' }).join('\n') })).toMatchObject({ ok: true, body: { documentType: 'id_card' } });
  });

  it('names the line and field of a wrong MRZ', () => {
    const lines = td3Specimen({ country: 'KHM', number: 'N0000001' });
    const built = buildDocumentCheck({ mode: 'mrz', mrz: `${lines[0]}\n${lines[1].slice(0, 40)}` });
    expect(built).toEqual({ ok: false, problems: ['Line 2 has 40 characters; a passport (TD3) line has 44'] });
  });

  it('checks and normalises typed fields', () => {
    expect(buildDocumentCheck({ mode: 'fields', documentType: 'passport', issuingCountry: 'khm', documentNumber: 'n 000-0001', expiryDate: '' })).toEqual({
      ok: true,
      body: { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000001', expiryDate: null },
    });
    expect(buildDocumentCheck({ mode: 'fields', documentType: 'passport', issuingCountry: 'K1', documentNumber: '', expiryDate: '' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^Issuing country/), expect.stringMatching(/^Document number/)],
    });
  });

  it('goes on the wire as the fixed route and body, with the item id as clientId', async () => {
    const { api, sent } = recordingApi();
    await deliver(api, {
      kind: 'document-check',
      items: [
        {
          kind: 'document-check',
          id: 'c0ffee00-0000-4000-8000-000000000001',
          seq: 1,
          ownerId: 'u',
          operationId: 'op-1',
          teamId: 'team-1',
          state: 'sending',
          createdAt: 0,
          attempts: 0,
          deliveredAt: null,
          rejection: null,
          body: { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000001', expiryDate: null },
        },
      ],
    });
    expect(sent).toMatchObject([
      {
        method: 'POST',
        path: '/api/operations/op-1/document-checks',
        body: { clientId: 'c0ffee00-0000-4000-8000-000000000001', teamId: 'team-1', documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000001' },
      },
    ]);
  });
});
