import { Brand, invalid, valid, Validated } from './validation';

/**
 * Quantities and the message specs' multiplicity limits ([V] reference 14, HTI IE tables).
 */

export const MAX_HOUSE_CONSIGNMENTS = 99_999;
export const MAX_GOODS_ITEMS = 9_999;
export const MAX_TRANSPORT_EQUIPMENT = 9_999;
export const MIN_ROUTING_COUNTRIES = 2;
export const MAX_ROUTING_COUNTRIES = 99;
export const MAX_REFERRAL_DETAILS = 999;

/**
 * Gross mass in kg, n..16,6: more than zero, at most 16 digits of which at most 6 after the point. It is kept as
 * a canonical decimal string ("12.5"), because a JavaScript number cannot hold every 16-digit decimal exactly.
 */
export type GrossMass = Brand<string, 'GrossMass'>;

/** Number of packages, n..8: a whole number from 0 to 99,999,999 (0 is allowed, e.g. for bulk goods). */
export type NumberOfPackages = Brand<number, 'NumberOfPackages'>;

export const GROSS_MASS_MAX_DIGITS = 16;
export const GROSS_MASS_MAX_DECIMALS = 6;
export const MAX_NUMBER_OF_PACKAGES = 99_999_999;

const DECIMAL = /^([0-9]+)(?:\.([0-9]+))?$/;

/** Accepts a number or a plain decimal string (no sign, exponent, spaces or comma). Trailing zeros do not count. */
export function parseGrossMass(raw: unknown): Validated<GrossMass> {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return invalid('12', 'gross mass must be a finite number');
    text = String(raw); // an exponent form ("1e-7", "1e+21") fails the pattern below, as it should
  } else if (typeof raw === 'string') {
    text = raw;
  } else {
    return invalid('12', 'gross mass must be a number or a decimal string');
  }
  const match = DECIMAL.exec(text);
  if (!match) return invalid('12', 'gross mass must be a plain decimal number of kilograms');
  const whole = match[1].replace(/^0+(?=.)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > GROSS_MASS_MAX_DECIMALS) return invalid('12', 'gross mass has more than 6 decimals');
  if (whole.length + fraction.length > GROSS_MASS_MAX_DIGITS) return invalid('12', 'gross mass has more than 16 digits');
  if (/^0*$/.test(whole + fraction)) return invalid('12', 'gross mass must be more than zero');
  return valid((fraction.length > 0 ? `${whole}.${fraction}` : whole) as GrossMass);
}

/** For sums and comparisons (consistency checks); exact up to 15 significant digits. */
export const grossMassKg = (mass: GrossMass): number => Number(mass);

/** Accepts a whole number or a string of digits. */
export function parseNumberOfPackages(raw: unknown): Validated<NumberOfPackages> {
  const value = typeof raw === 'string' && /^[0-9]{1,8}$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return invalid('12', 'number of packages must be a whole number');
  }
  if (value < 0 || value > MAX_NUMBER_OF_PACKAGES) return invalid('12', 'number of packages must be 0 to 99,999,999');
  return valid(value as NumberOfPackages);
}
