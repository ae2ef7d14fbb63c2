/**
 * A filing as it reaches the repository's door: JSON the trader door validated in full. The repository re-checks
 * only what its own rules read (the filing type, LRN, declarant, office of first entry, the houses' documents),
 * so a caller that skipped the trader door gets a coded error, never a crash or a half-understood filing.
 */
import { FILING_TYPE_CODES, parseCustomsOffice, parseEori, type FilingType } from '@ics2/domain';
import type { EnsFiling, Ics2Error } from '@ics2/contracts';

export type ParsedMessage<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly Ics2Error[] };

const fail = (code: string, pointer: string, description: string): ParsedMessage<never> => ({ ok: false, errors: [{ code, pointer, description }] });
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function parseJsonObject(json: string): ParsedMessage<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('X06', '', 'the message is not JSON');
  }
  return isObject(value) ? { ok: true, value } : fail('X06', '', 'the message must be a JSON object');
}

export function parseFilingMessage(json: string): ParsedMessage<EnsFiling> {
  const parsed = parseJsonObject(json);
  if (!parsed.ok) return parsed;
  const f = parsed.value;
  if (typeof f['lrn'] !== 'string' || f['lrn'].length === 0 || f['lrn'].length > 22) return fail('12', '/lrn', 'LRN must be 1 to 22 characters');
  if (!(FILING_TYPE_CODES as readonly string[]).includes(f['specificCircumstanceIndicator'] as FilingType)) {
    return fail('12', '/specificCircumstanceIndicator', 'unknown filing type');
  }
  const declarant = f['declarant'];
  if (!isObject(declarant) || !parseEori(declarant['identificationNumber']).ok) return fail('12', '/declarant/identificationNumber', 'the declarant needs an EORI');
  const office = f['customsOfficeOfFirstEntry'];
  if (!isObject(office) || !parseCustomsOffice(office['referenceNumber']).ok) return fail('12', '/customsOfficeOfFirstEntry/referenceNumber', 'not a customs office reference');
  for (const path of ['consignmentMasterLevel', 'consignmentHouseLevel'] as const) {
    if (f[path] !== undefined && (path === 'consignmentMasterLevel' ? !isObject(f[path]) : !Array.isArray(f[path]))) return fail('X06', `/${path}`, 'wrong JSON type');
  }
  const master = f['consignmentMasterLevel'];
  if (isObject(master) && !Array.isArray(master['consignmentHouseLevel'])) return fail('X01', '/consignmentMasterLevel/consignmentHouseLevel', 'house consignments missing');
  return { ok: true, value: f as unknown as EnsFiling };
}

/** Whoever sends a filing must be its declarant or the representative it names (the token says who sends). */
export function senderError(filing: EnsFiling, sender: string): Ics2Error | null {
  if (filing.declarant.identificationNumber === sender || filing.representative?.identificationNumber === sender) return null;
  return { code: 'X03', pointer: '/declarant/identificationNumber', description: 'the sender is neither the declarant nor its representative' };
}
