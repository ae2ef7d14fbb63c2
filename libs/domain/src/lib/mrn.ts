import { Brand, invalid, valid, Validated } from './validation';

/**
 * MRN (Master Reference Number), reference section 8: an18 =
 *   year (n2) | allocating Member State (a2) | serial (an12) | procedure letter (a1) | check digit (n1).
 */
export type Mrn = Brand<string, 'Mrn'>;

/**
 * Procedure letters the project writes. ENS = 'T' is [V2]. The reference gives no letter for the MRN of an
 * arrival registration (IE3R04): [U] the project uses 'N' ("notification"), a letter no known MRN procedure
 * category uses, so the two kinds of MRN never collide and can be told apart. Change it here only.
 */
export const MRN_PROCEDURE_LETTERS = {
  ens: 'T',
  arrivalRegistration: 'N',
} as const;

export interface MrnParts {
  /** Full year, 2000 + the two digits: MRNs from the last century are out of ICS2's scope. */
  readonly year: number;
  readonly memberState: string;
  /** The 12-character serial read as a base-36 number (see formatMrn), so parts round-trip exactly. */
  readonly serial: bigint;
  readonly procedure: string;
  readonly checkDigit: string;
}

const SERIAL_LENGTH = 12;
const SERIAL_LIMIT = 36n ** BigInt(SERIAL_LENGTH);
const MRN_PATTERN = /^[0-9]{2}[A-Z]{2}[A-Z0-9]{12}[A-Z][0-9]$/;

/**
 * ISO 6346-style value: digits at face value, letters from A=10 upwards skipping multiples of 11
 * (A=10, B=12 ... K=21, L=23 ... U=32, V=34 ... Z=38).
 */
function characterValue(character: string): number {
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  const plain = 10 + (code - 65);
  return plain + Math.floor((plain - 1) / 10); // every 10 letters one multiple of 11 is skipped
}

/** The check digit for the first 17 characters: sum of value(i) * 2^i, mod 11, then mod 10 (10 becomes 0). */
export function mrnCheckDigit(first17: string): string {
  if (!/^[A-Z0-9]{17}$/.test(first17)) throw new Error(`mrnCheckDigit needs 17 characters A-Z0-9, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += characterValue(first17[i]) * 2 ** i;
  return String((sum % 11) % 10);
}

export function parseMrn(raw: unknown): Validated<Mrn> {
  if (typeof raw !== 'string') return invalid('12', 'MRN must be a string');
  if (raw.length !== 18) return invalid('12', 'MRN must be 18 characters');
  if (!MRN_PATTERN.test(raw)) return invalid('12', 'MRN must be yy, 2 letters, 12 of A-Z0-9, a letter and a digit');
  if (mrnCheckDigit(raw.slice(0, 17)) !== raw[17]) return invalid('12', 'MRN check digit is wrong');
  return valid(raw as Mrn);
}

export const isMrn = (raw: unknown): raw is Mrn => parseMrn(raw).ok;

/**
 * Builds an MRN from an allocator's counter. The serial is the counter in base 36, upper case, zero padded to 12
 * characters: a documented, reversible layout (the real layout is national). Bad input is a bug in the
 * allocator, so it throws instead of returning a Validated.
 */
export function formatMrn(input: { year: number; memberState: string; serial: bigint; procedure?: string }): Mrn {
  const { year, memberState, serial, procedure = MRN_PROCEDURE_LETTERS.ens } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new Error(`MRN year must be 2000..2099, got ${year}`);
  if (!/^[A-Z]{2}$/.test(memberState)) throw new Error(`MRN Member State must be 2 letters A-Z, got "${memberState}"`);
  if (!/^[A-Z]$/.test(procedure)) throw new Error(`MRN procedure must be one letter A-Z, got "${procedure}"`);
  if (serial < 0n || serial >= SERIAL_LIMIT) throw new Error(`MRN serial ${serial} does not fit in 12 base-36 characters`);
  const first17 =
    String(year % 100).padStart(2, '0') +
    memberState +
    serial.toString(36).toUpperCase().padStart(SERIAL_LENGTH, '0') +
    procedure;
  return (first17 + mrnCheckDigit(first17)) as Mrn;
}

export function mrnParts(mrn: Mrn): MrnParts {
  let serial = 0n;
  for (const character of mrn.slice(4, 16)) serial = serial * 36n + BigInt(parseInt(character, 36));
  return {
    year: 2000 + Number(mrn.slice(0, 2)),
    memberState: mrn.slice(2, 4),
    serial,
    procedure: mrn[16],
    checkDigit: mrn[17],
  };
}
