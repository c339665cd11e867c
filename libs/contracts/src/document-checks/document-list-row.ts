import {
  DOCUMENT_LIST_HEADER,
  DOCUMENT_LIST_STATUSES,
  DOCUMENT_TYPES,
  documentTypeFromCode,
  normaliseDocumentNumber,
  normaliseIssuingCountry,
  type DocumentListStatus,
  type DocumentType,
} from './document-checks';

/**
 * One row of a stolen and lost documents list (CSV), checked. Hand-written rather than a zod
 * schema: a national list has a million rows and this runs once per row.
 */
export interface DocumentListRow {
  issuingCountry: string;
  documentType: DocumentType;
  documentNumber: string;
  status: DocumentListStatus;
  source: string;
  /** YYYY-MM-DD, or null when the list does not say. */
  reportedAt: string | null;
}

export type DocumentListRowReading = { ok: true; row: DocumentListRow } | { ok: false; message: string };

const STATUSES = new Set<string>(DOCUMENT_LIST_STATUSES);
const TYPES = new Set<string>(DOCUMENT_TYPES);

export function isDocumentListHeader(cells: readonly string[]): boolean {
  return cells.length === DOCUMENT_LIST_HEADER.length && cells.every((cell, index) => cell.trim() === DOCUMENT_LIST_HEADER[index]);
}

export function readDocumentListRow(cells: readonly string[]): DocumentListRowReading {
  if (cells.length !== DOCUMENT_LIST_HEADER.length) return { ok: false, message: `expected ${DOCUMENT_LIST_HEADER.length} columns, found ${cells.length}` };
  const [countryCell, typeCell, numberCell, statusCell, sourceCell, dateCell] = cells.map((cell) => cell.trim());
  const issuingCountry = normaliseIssuingCountry(countryCell);
  if (!/^[A-Z]{1,3}$/.test(issuingCountry)) return { ok: false, message: `issuingCountry: “${countryCell}” is not an ICAO country code` };
  const typeText = typeCell.toLowerCase();
  const documentType = TYPES.has(typeText) ? (typeText as DocumentType) : /^[PIACV]$/i.test(typeCell) ? documentTypeFromCode(typeCell) : null;
  if (!documentType) return { ok: false, message: `documentType: “${typeCell}” is not one of ${DOCUMENT_TYPES.join(', ')} (or an ICAO code letter P, I, A, C, V)` };
  const documentNumber = normaliseDocumentNumber(numberCell);
  if (!/^[A-Z0-9]{1,20}$/.test(documentNumber)) return { ok: false, message: 'documentNumber: must be 1–20 letters and digits' };
  if (!STATUSES.has(statusCell)) return { ok: false, message: `status: “${statusCell}” is not one of ${DOCUMENT_LIST_STATUSES.join(', ')}` };
  if (sourceCell.length === 0 || sourceCell.length > 200) return { ok: false, message: 'source: must be 1–200 characters' };
  let reportedAt: string | null = null;
  if (dateCell !== '') {
    const date = new Date(`${dateCell}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateCell) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== dateCell) {
      return { ok: false, message: `reportedAt: “${dateCell}” is not a date YYYY-MM-DD` };
    }
    reportedAt = dateCell;
  }
  return { ok: true, row: { issuingCountry, documentType, documentNumber, status: statusCell as DocumentListStatus, source: sourceCell, reportedAt } };
}
