import { isCountryCode } from './country';
import { Brand, invalid, valid, Validated } from './validation';

/** EORI: the declarant's identification (an..17): a country code and up to 15 upper-case letters or digits. */
export type Eori = Brand<string, 'Eori'>;

/**
 * Prefixes accepted beyond ISO 3166-1. [U] XI (Northern Ireland EORIs) is not in the reference; Greece's
 * EU-system spelling 'EL' is not accepted, since EORIs carry the ISO code 'GR' ([U] too).
 */
export const EORI_EXTRA_PREFIXES: readonly string[] = ['XI'];

const EORI_PATTERN = /^[A-Z]{2}[A-Z0-9]{1,15}$/;

export function parseEori(raw: unknown): Validated<Eori> {
  if (typeof raw !== 'string') return invalid('12', 'EORI must be a string');
  if (!EORI_PATTERN.test(raw)) return invalid('12', 'EORI must be a country code and 1 to 15 upper-case letters or digits');
  const prefix = raw.slice(0, 2);
  if (!isCountryCode(prefix) && !EORI_EXTRA_PREFIXES.includes(prefix)) {
    return invalid('12', 'EORI prefix is not a country code');
  }
  return valid(raw as Eori);
}

export const isEori = (raw: unknown): raw is Eori => parseEori(raw).ok;

/** The two-letter prefix: the country that issued the EORI. */
export const eoriCountry = (eori: Eori): string => eori.slice(0, 2);
