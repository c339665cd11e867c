/**
 * English texts of what the MRZ reader finds wrong (included by catalog-field-en.ts), by its problem
 * codes (`field/issue-text.ts` picks them). The validation messages both pages show are in
 * catalog-common-en.ts (`issue.*`).
 */
export const fieldIssuesEn = {
  // the machine-readable zone (readMrz's problem codes)
  'mrz.problem.line_count': 'A machine-readable zone has 2 or 3 lines; this has {count}',
  'mrz.problem.line_length': 'Line {line} has {length} characters; a {format} line has {expected}',
  'mrz.problem.stray_character': 'Line {line} has “{character}”: only letters, digits and < belong in the zone',
  'mrz.problem.unreadable': 'The zone could not be read',
  'mrz.problem.invalid_field': 'Line {line}, {field}: not valid',
  'mrz.format.TD1': 'identity card (TD1)',
  'mrz.format.TD2': 'identity card (TD2)',
  'mrz.format.TD3': 'passport (TD3)',
  'mrz.field.documentCode': 'document code',
  'mrz.field.issuingState': 'issuing state',
  'mrz.field.documentNumber': 'document number',
  'mrz.field.documentNumberCheckDigit': 'document number check digit',
  'mrz.field.nationality': 'nationality',
  'mrz.field.birthDate': 'birth date',
  'mrz.field.birthDateCheckDigit': 'birth date check digit',
  'mrz.field.sex': 'sex',
  'mrz.field.expirationDate': 'expiration date',
  'mrz.field.expirationDateCheckDigit': 'expiration date check digit',
  'mrz.field.personalNumber': 'personal number',
  'mrz.field.personalNumberCheckDigit': 'personal number check digit',
  'mrz.field.optional': 'optional data',
  'mrz.field.optional1': 'optional data',
  'mrz.field.optional2': 'optional data',
  'mrz.field.compositeCheckDigit': 'composite check digit',
  'mrz.field.other': 'a field',
} as const;
