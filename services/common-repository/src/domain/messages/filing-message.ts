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
  const oneKey = oneLinkingKey(f['consignmentHouseLevel']);
  if (oneKey) return oneKey;
  return { ok: true, value: f as unknown as EnsFiling };
}

/**
 * [U] The houses of a house-level filing name one master document and carrier: the filing's linking key is its
 * first house's (linking-key.ts), so a house naming another master would never link to it, nor count against that
 * master's key, and its master would wait for a house whose filer believes it filed.
 */
function oneLinkingKey(houses: unknown): ParsedMessage<never> | null {
  if (!Array.isArray(houses) || houses.length < 2) return null;
  const documentOf = (h: unknown) => (isObject(h) && isObject(h['transportDocumentMasterLevel']) ? h['transportDocumentMasterLevel']['documentNumber'] : undefined);
  const carrierOf = (h: unknown) => (isObject(h) && isObject(h['carrier']) ? h['carrier']['identificationNumber'] : undefined);
  for (let i = 1; i < houses.length; i++) {
    const why = 'every house of a house-level filing names the master document and carrier of its first (one linking key per filing)';
    if (documentOf(houses[i]) !== documentOf(houses[0])) return fail('12', `/consignmentHouseLevel/${i}/transportDocumentMasterLevel/documentNumber`, why);
    if (carrierOf(houses[i]) !== carrierOf(houses[0])) return fail('12', `/consignmentHouseLevel/${i}/carrier/identificationNumber`, why);
  }
  return null;
}

/** Whoever sends a filing must be its declarant or the representative it names (the token says who sends). */
export function senderError(filing: EnsFiling, sender: string): Ics2Error | null {
  if (filing.declarant.identificationNumber === sender || filing.representative?.identificationNumber === sender) return null;
  return { code: 'X03', pointer: '/declarant/identificationNumber', description: 'the sender is neither the declarant nor its representative' };
}
