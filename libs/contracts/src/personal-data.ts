/**
 * Lintas keeps counts and nationalities, not identities. Free-text fields (narratives, notes,
 * reasons) are where names and identity numbers slip in: this finds what looks like one, so the
 * forms can warn before the text is sent. A hint, not a filter: it never blocks a post.
 */
export type PersonalDataHint = 'identity_number' | 'machine_readable_zone';

/** A run of at least 6 characters mixing letters and digits (passport numbers), or 8+ digits, maybe spaced (national ids, phones). */
const IDENTITY_NUMBER = /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,}\b|\b\d(?:[ -]?\d){7,}\b/i;
/** Dates are not identities: 2026-11-28, 28/11/2026, 28.11.26. */
const DATES = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g;
/** Filler characters of a machine-readable zone. */
const MRZ_FILLER = /<<|[A-Z0-9]<[A-Z0-9<]/i;

export function personalDataHints(text: string): PersonalDataHint[] {
  const hints: PersonalDataHint[] = [];
  if (MRZ_FILLER.test(text)) hints.push('machine_readable_zone');
  if (IDENTITY_NUMBER.test(text.replace(DATES, ' '))) hints.push('identity_number');
  return hints;
}
