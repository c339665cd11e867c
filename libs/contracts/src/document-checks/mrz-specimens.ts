import { mrzCheckDigit } from './mrz';

/**
 * Made-up specimens of the three ICAO 9303 layouts with correct check digits, for tests and the
 * demo (not real documents). `number` is padded with < to 9 characters as the zone holds it.
 */
const pad = (value: string, length: number) => value.padEnd(length, '<').slice(0, length);
const cd = mrzCheckDigit;

export function td3Specimen(fields: { country: string; number: string; birth?: string; expiry?: string; surname?: string; given?: string }): string[] {
  const country = pad(fields.country, 3);
  const number = pad(fields.number, 9);
  const birth = fields.birth ?? '900101';
  const expiry = fields.expiry ?? '310101';
  const personal = pad('', 14);
  const line1 = pad(`P<${country}${fields.surname ?? 'SPECIMEN'}<<${fields.given ?? 'TEST'}`, 44);
  const body = `${number}${cd(number)}${country}${birth}${cd(birth)}M${expiry}${cd(expiry)}${personal}${cd(personal)}`;
  const composite = `${number}${cd(number)}${birth}${cd(birth)}${expiry}${cd(expiry)}${personal}${cd(personal)}`;
  return [line1, `${body}${cd(composite)}`];
}

export function td2Specimen(fields: { country: string; number: string; birth?: string; expiry?: string }): string[] {
  const country = pad(fields.country, 3);
  const number = pad(fields.number, 9);
  const birth = fields.birth ?? '900101';
  const expiry = fields.expiry ?? '310101';
  const optional = pad('', 7);
  const line1 = pad(`I<${country}SPECIMEN<<TEST`, 36);
  const composite = `${number}${cd(number)}${birth}${cd(birth)}${expiry}${cd(expiry)}${optional}`;
  return [line1, `${number}${cd(number)}${country}${birth}${cd(birth)}F${expiry}${cd(expiry)}${optional}${cd(composite)}`];
}

export function td1Specimen(fields: { country: string; number: string; birth?: string; expiry?: string }): string[] {
  const country = pad(fields.country, 3);
  const number = pad(fields.number, 9);
  const birth = fields.birth ?? '900101';
  const expiry = fields.expiry ?? '310101';
  const optional1 = pad('', 15);
  const optional2 = pad('', 11);
  const line1 = `I<${country}${number}${cd(number)}${optional1}`;
  const line2 = `${birth}${cd(birth)}F${expiry}${cd(expiry)}${country}${optional2}`;
  const composite = `${line1.slice(5, 30)}${line2.slice(0, 7)}${line2.slice(8, 15)}${line2.slice(18, 29)}`;
  return [line1, `${line2}${cd(composite)}`, pad('SPECIMEN<<TEST', 30)];
}
