/**
 * Identifiers as operators write them, with their real check digits where one exists: air waybills (mod 7),
 * containers (ISO 6346), IMO numbers, UPU S10 postal item ids, plus EORIs in each country's usual layout and
 * LRNs. Only the shapes are real; the numbers are drawn from the seed and belong to nobody.
 */
import { formatMrn, type Mrn } from '@ics2/domain';
import { hash32, sampleRandom, scrambleSeed, type SampleRandom } from './sample-random';

/** IATA air waybill check digit: the 7-digit serial mod 7. */
export const airWaybillCheckDigit = (serial: string): string => String(Number(serial) % 7);

/** IATA air waybill: airline prefix, 7-digit serial and its mod-7 check digit, e.g. `176-12345675`. */
export function airWaybillNumber(prefix: string, random: SampleRandom): string {
  const serial = String(random.int(1_000_000, 9_999_999));
  return `${prefix}-${serial}${airWaybillCheckDigit(serial)}`;
}

/** ISO 6346 letter values: A=10 upwards, skipping multiples of 11. */
function iso6346Value(character: string): number {
  const code = character.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  const plain = 10 + (code - 65);
  return plain + Math.floor((plain - 1) / 10);
}

/** ISO 6346 check digit of owner code, category and serial (10 characters): sum of value x 2^i, mod 11, mod 10. */
export function iso6346CheckDigit(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += iso6346Value(first10[i]) * 2 ** i;
  return String((sum % 11) % 10);
}

/** ISO 6346 container number: owner code (3 letters), category U, 6-digit serial, check digit (e.g. MSKU1234565). */
export function containerNumber(ownerCode: string, random: SampleRandom): string {
  const first10 = `${ownerCode}U${random.digits(6)}`;
  return `${first10}${iso6346CheckDigit(first10)}`;
}

/** IMO ship number check digit: the first six digits weighted 7..2, mod 10. */
export const imoCheckDigit = (first6: string): string =>
  String([...first6].reduce((total, digit, i) => total + Number(digit) * (7 - i), 0) % 10);

/** IMO ship number: 7 digits, the last a check digit. */
export function imoNumber(random: SampleRandom): string {
  const first6 = `9${random.digits(5)}`;
  return `${first6}${imoCheckDigit(first6)}`;
}

/** UPU S10 check digit of the 8-digit serial: weights 8 6 4 2 3 5 9 7, 11 - sum mod 11; 10 gives 0, 11 gives 5. */
export function s10CheckDigit(serial: string): string {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const check = 11 - ([...serial].reduce((total, digit, i) => total + Number(digit) * weights[i], 0) % 11);
  return String(check === 10 ? 0 : check === 11 ? 5 : check);
}

/** UPU S10 item id: 2 service letters, 8 digits, check digit, origin country (e.g. `RR473124829GB`). */
export function postalItemId(serviceIndicator: string, originCountry: string, random: SampleRandom): string {
  const serial = random.digits(8);
  return `${serviceIndicator}${serial}${s10CheckDigit(serial)}${originCountry}`;
}

/**
 * EORI layouts by issuing country ([U] beyond "country code + up to 15 characters": the layouts follow what the
 * national registers commonly issue). Keyed by a stable label, so a company keeps one EORI in every sample.
 */
const EORI_LAYOUTS: Readonly<Record<string, (random: SampleRandom) => string>> = {
  DE: (r) => `DE${r.digits(15)}`,
  NL: (r) => `NL${r.int(1, 9)}${r.digits(8)}`,
  FR: (r) => `FR${r.int(1, 9)}${r.digits(8)}00${r.digits(3)}`,
  BE: (r) => `BE0${r.int(2, 9)}${r.digits(8)}`,
  IT: (r) => `IT${r.digits(11)}`,
  ES: (r) => `ESB${r.digits(8)}`,
  PL: (r) => `PL${r.int(1, 9)}${r.digits(9)}00000`,
  DK: (r) => `DK${r.int(1, 9)}${r.digits(7)}`,
  BG: (r) => `BG${r.int(1, 9)}${r.digits(8)}`,
  RO: (r) => `RO${r.int(1, 9)}${r.digits(7)}`,
  HU: (r) => `HU${r.int(1, 9)}${r.digits(7)}`,
  AT: (r) => `ATEOS1000${r.digits(6)}`,
  LU: (r) => `LU${r.int(1, 9)}${r.digits(7)}`,
  GR: (r) => `GR${r.int(1, 9)}${r.digits(8)}`,
};

const EORIS = new Map<string, string>();

export function eoriFor(country: string, label: string): string {
  const key = `eori/${country}/${label}`;
  const known = EORIS.get(key);
  if (known !== undefined) return known;
  const random = sampleRandom(hash32(key));
  const layout = EORI_LAYOUTS[country];
  const eori = layout ? layout(random) : `${country}${random.int(1, 9)}${random.digits(11)}`;
  EORIS.set(key, eori);
  return eori;
}

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * LRN (an..22): the filer's own reference, here `<3-letter filer code><yyMMdd><filing type>-<7 chars>`, e.g.
 * `NWL250614F24-0K3M9QZ`. The last part is the seed scrambled by a bijection, so two different seeds never share
 * an LRN, and the filing type keeps a PLACI filing and its pre-arrival successor apart.
 */
export function lrnFor(filerCode: string, issueDate: string, filingType: string, seed: number): string {
  let value = scrambleSeed(seed);
  let tail = '';
  for (let i = 0; i < 7; i += 1) {
    tail = BASE36[value % 36] + tail;
    value = Math.floor(value / 36);
  }
  const day = issueDate.slice(2, 10).replace(/-/g, '');
  return `${filerCode.slice(0, 3).toUpperCase()}${day}${filingType}-${tail}`;
}

/** An ENS MRN (procedure letter T) with a valid check digit, allocated in `memberState` in the year of `at`. */
export function sampleMrn(memberState: string, at: string, random: SampleRandom): Mrn {
  const serial = BigInt(random.int(0, 0x7fffffff)) * 1_000_000n + BigInt(random.int(0, 999_999));
  return formatMrn({ year: Number(at.slice(0, 4)), memberState, serial });
}
