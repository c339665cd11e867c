import type { DocumentType } from '@lintas/contracts';

/**
 * DEMO ONLY — a made-up stolen and lost documents list. The numbers are invented (they follow no
 * country's numbering and belong to no one); the sources are fictitious. Imported as the list of
 * KH-GDI when demo data is on, so that the demo scenario's checks (and yours) can hit it.
 */
export const DEMO_DOCUMENT_LIST = {
  agencyCode: 'KH-GDI',
  importerEmail: 'commander@kh-gdi.demo',
  csv: [
    'issuingCountry,documentType,documentNumber,status,source,reportedAt',
    'KHM,passport,N0000001,stolen,DEMO KH passport office (made-up entry),2026-03-02',
    'KHM,passport,N0000002,lost,DEMO KH passport office (made-up entry),2026-05-17',
    'KHM,passport,N0000003,stolen_blank,DEMO KH passport office (made-up entry),2025-11-30',
    'VNM,passport,C0000007,lost,DEMO VN immigration (made-up entry),2025-08-09',
    'THA,passport,AA0000099,revoked,DEMO TH consular affairs (made-up entry),2026-01-21',
    'MYS,id_card,A00000010,stolen,DEMO MY registration (made-up entry),',
    '',
  ].join('\n'),
};

export interface DemoDocumentCheck {
  key: string;
  operationCode: string;
  officerEmail: string;
  teamCallSign: string;
  documentType: DocumentType;
  issuingCountry: string;
  /** Made-up, like the list. */
  documentNumber: string;
}

/** The demo scenario's checks at Moc Bai: one clear, one that hits the list above. */
export const DEMO_DOCUMENT_CHECKS: DemoDocumentCheck[] = [
  { key: 'dc-01', operationCode: 'OP-MEKONG-GATE', officerEmail: 'field@vn-bgc.demo', teamCallSign: 'VN-MOCBAI-1', documentType: 'passport', issuingCountry: 'VNM', documentNumber: 'C0000100' },
  { key: 'dc-02', operationCode: 'OP-MEKONG-GATE', officerEmail: 'field@vn-bgc.demo', teamCallSign: 'VN-MOCBAI-1', documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000003' },
];
