import { Brand, invalid, valid, Validated } from './validation';

/**
 * Harmonized System code: the 6-digit subheading ICS2 requires ([V2] reference 7), optionally extended to the
 * 8-digit CN or 10-digit TARIC code. Digits only: a door that receives "8471.30" normalises it first.
 */
export type HsCode = Brand<string, 'HsCode'>;

export const HS_CODE_LENGTHS: readonly number[] = [6, 8, 10];

/**
 * HS chapters in use: 01 to 97 except 77, which the WCO keeps in reserve. [U] not in the reference (HS 2022
 * nomenclature), so a reserved chapter being opened means one edit here.
 */
export const HS_RESERVED_CHAPTERS: readonly string[] = ['77'];
const HS_LAST_CHAPTER = 97;

export function parseHsCode(raw: unknown): Validated<HsCode> {
  if (typeof raw !== 'string') return invalid('12', 'HS code must be a string of digits');
  if (!/^[0-9]+$/.test(raw) || !HS_CODE_LENGTHS.includes(raw.length)) {
    return invalid('12', 'HS code must be 6, 8 or 10 digits');
  }
  const chapter = Number(raw.slice(0, 2));
  if (chapter < 1 || chapter > HS_LAST_CHAPTER || HS_RESERVED_CHAPTERS.includes(raw.slice(0, 2))) {
    return invalid('12', 'HS code chapter does not exist');
  }
  return valid(raw as HsCode);
}

export const isHsCode = (raw: unknown): raw is HsCode => parseHsCode(raw).ok;

/** The 6-digit subheading: what `harmonizedSystemSubHeadingCode` carries. */
export const hsSubheading = (code: HsCode): string => code.slice(0, 6);

export const hsHeading = (code: HsCode): string => code.slice(0, 4);

export const hsChapter = (code: HsCode): string => code.slice(0, 2);
