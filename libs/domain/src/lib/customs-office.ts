import { isIcs2Territory } from './country';
import { Brand, invalid, valid, Validated } from './validation';

/**
 * Customs office reference number (an8, CL141), e.g. the customs office of first entry: a country code then six
 * letters or digits. The country must be an ICS2 territory (the 27, XI, NO, CH), since only their offices can
 * receive goods under ICS2. [U] the reference gives the format and the scope, not the office list itself;
 * Greek offices are taken to use 'GR' like the other ISO fields.
 */
export type CustomsOffice = Brand<string, 'CustomsOffice'>;

export function parseCustomsOffice(raw: unknown): Validated<CustomsOffice> {
  if (typeof raw !== 'string') return invalid('12', 'customs office must be a string');
  if (!/^[A-Z]{2}[A-Z0-9]{6}$/.test(raw)) return invalid('12', 'customs office must be 2 letters and 6 letters or digits');
  if (!isIcs2Territory(raw.slice(0, 2))) return invalid('12', 'customs office is not in an ICS2 territory');
  return valid(raw as CustomsOffice);
}

export const isCustomsOffice = (raw: unknown): raw is CustomsOffice => parseCustomsOffice(raw).ok;

export const customsOfficeCountry = (office: CustomsOffice): string => office.slice(0, 2);
