import { Brand, invalid, valid, Validated } from './validation';

/**
 * Country codes. ICS2 country fields (CL717, CL718, address country) carry ISO 3166-1 alpha-2 codes; the lists
 * below are data so a change to a code list is a one-line edit.
 */

export type CountryCode = Brand<string, 'CountryCode'>;

/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes, one line per initial letter. User-assigned codes the EU
 * uses (XI, XK, ...) are deliberately absent: see EU_USER_ASSIGNED_CODES.
 */
export const ISO_3166_ALPHA_2: readonly string[] = [
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ',
  'BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ',
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ',
  'DE DJ DK DM DO DZ',
  'EC EE EG EH ER ES ET',
  'FI FJ FK FM FO FR',
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY',
  'HK HM HN HR HT HU',
  'ID IE IL IM IN IO IQ IR IS IT',
  'JE JM JO JP',
  'KE KG KH KI KM KN KP KR KW KY KZ',
  'LA LB LC LI LK LR LS LT LU LV LY',
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ',
  'NA NC NE NF NG NI NL NO NP NR NU NZ',
  'OM',
  'PA PE PF PG PH PK PL PM PN PR PS PT PW PY',
  'QA',
  'RE RO RS RU RW',
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ',
  'TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ',
  'UA UG UM US UY UZ',
  'VA VC VE VG VI VN VU',
  'WF WS',
  'YE YT',
  'ZA ZM ZW',
].flatMap((line) => line.split(' '));

const ISO_CODES: ReadonlySet<string> = new Set(ISO_3166_ALPHA_2);

/**
 * User-assigned codes that EU customs systems use but ISO 3166-1 does not define. [U] not in the reference: kept
 * apart so `isCountryCode` stays pure ISO; only the value objects that need one opt in (EORI uses XI).
 */
export const EU_USER_ASSIGNED_CODES = [
  { code: 'XI', name: 'United Kingdom (Northern Ireland)', use: 'EORI prefix and customs offices under the Windsor Framework' },
  { code: 'XK', name: 'Kosovo', use: 'EU customs country lists; not accepted by parseCountry' },
] as const;

/**
 * The 27 EU Member States, by ISO code. Greece is 'GR' here, as in every ISO country field; some EU systems
 * (VAT, the R2 derogation list) write it 'EL': EU_CODE_ALIASES maps that spelling back.
 */
export const EU_MEMBER_STATES = [
  { code: 'AT', name: 'Austria' },
  { code: 'BE', name: 'Belgium' },
  { code: 'BG', name: 'Bulgaria' },
  { code: 'HR', name: 'Croatia' },
  { code: 'CY', name: 'Cyprus' },
  { code: 'CZ', name: 'Czechia' },
  { code: 'DK', name: 'Denmark' },
  { code: 'EE', name: 'Estonia' },
  { code: 'FI', name: 'Finland' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'GR', name: 'Greece' },
  { code: 'HU', name: 'Hungary' },
  { code: 'IE', name: 'Ireland' },
  { code: 'IT', name: 'Italy' },
  { code: 'LV', name: 'Latvia' },
  { code: 'LT', name: 'Lithuania' },
  { code: 'LU', name: 'Luxembourg' },
  { code: 'MT', name: 'Malta' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'PL', name: 'Poland' },
  { code: 'PT', name: 'Portugal' },
  { code: 'RO', name: 'Romania' },
  { code: 'SK', name: 'Slovakia' },
  { code: 'SI', name: 'Slovenia' },
  { code: 'ES', name: 'Spain' },
  { code: 'SE', name: 'Sweden' },
] as const;

export type EuMemberState = (typeof EU_MEMBER_STATES)[number]['code'];

/** EU-system spellings that differ from ISO. */
export const EU_CODE_ALIASES: Readonly<Record<string, EuMemberState>> = { EL: 'GR' };

/**
 * Where ICS2 applies: the 27 Member States plus Norway, Switzerland and Northern Ireland ([V2] reference 1).
 * Northern Ireland is written 'XI' ([U] the code: the reference names the territory, not its code).
 */
export const ICS2_TERRITORIES = [
  ...EU_MEMBER_STATES.map(({ code, name }) => ({ code, name, euMemberState: true })),
  { code: 'XI', name: 'United Kingdom (Northern Ireland)', euMemberState: false },
  { code: 'NO', name: 'Norway', euMemberState: false },
  { code: 'CH', name: 'Switzerland', euMemberState: false },
] as const;

export type Ics2Territory = (typeof ICS2_TERRITORIES)[number]['code'];

const MEMBER_STATE_CODES: ReadonlySet<string> = new Set(EU_MEMBER_STATES.map((ms) => ms.code));
const TERRITORY_CODES: ReadonlySet<string> = new Set(ICS2_TERRITORIES.map((t) => t.code));

export const isCountryCode = (code: unknown): code is CountryCode => typeof code === 'string' && ISO_CODES.has(code);

export function parseCountry(raw: unknown): Validated<CountryCode> {
  if (typeof raw !== 'string') return invalid('12', 'country code must be a string');
  if (!isCountryCode(raw)) return invalid('12', 'not an ISO 3166-1 alpha-2 country code');
  return valid(raw);
}

/** Only the 27, ISO spelling: 'GR' yes, 'EL' no (normalise it first), and not XI, NO or CH. */
export const isEuMemberState = (code: string): code is EuMemberState => MEMBER_STATE_CODES.has(code);

/** The 27 plus XI, NO and CH: the places that run ICS2 and can be an office of first entry. */
export const isIcs2Territory = (code: string): code is Ics2Territory => TERRITORY_CODES.has(code);

/** 'EL' becomes 'GR'; any other code is returned unchanged. */
export const normaliseMemberStateCode = (code: string): string => EU_CODE_ALIASES[code] ?? code;

/**
 * A Member State code as a request names it (a recommended Member State of control, a statistics filter): 'EL' read
 * as 'GR', so it meets the code filings and tokens carry; null when it is not a place running ICS2.
 */
export function ics2TerritoryOf(code: string): Ics2Territory | null {
  const normalised = normaliseMemberStateCode(code);
  return isIcs2Territory(normalised) ? normalised : null;
}
