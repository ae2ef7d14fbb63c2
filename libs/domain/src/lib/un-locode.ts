import { isCountryCode } from './country';
import { Brand, invalid, valid, Validated } from './validation';

/** UN/LOCODE: a country code and three characters from A-Z and 2-9 (no 0 or 1, which read like O and I). */
export type UnLocode = Brand<string, 'UnLocode'>;

/** [U] not in the reference: UN/LOCODE's own code for installations in international waters. */
export const UN_LOCODE_EXTRA_COUNTRIES: readonly string[] = ['XZ'];

export function parseUnLocode(raw: unknown): Validated<UnLocode> {
  if (typeof raw !== 'string') return invalid('12', 'UN/LOCODE must be a string');
  if (!/^[A-Z]{2}[A-Z2-9]{3}$/.test(raw)) return invalid('12', 'UN/LOCODE must be 2 letters and 3 of A-Z, 2-9');
  const country = raw.slice(0, 2);
  if (!isCountryCode(country) && !UN_LOCODE_EXTRA_COUNTRIES.includes(country)) {
    return invalid('12', 'UN/LOCODE country is not a country code');
  }
  return valid(raw as UnLocode);
}

export const isUnLocode = (raw: unknown): raw is UnLocode => parseUnLocode(raw).ok;

export const unLocodeCountry = (locode: UnLocode): string => locode.slice(0, 2);
