/** IE3N06 at the repository door: the parts the repository reads (the trader door validated the whole message). */
import { parseCustomsOffice } from '@ics2/domain';
import type { ArrivalNotification } from '@ics2/contracts';
import { parseJsonObject, type ParsedMessage } from './filing-message';

const fail = (code: string, pointer: string, description: string): ParsedMessage<never> => ({ ok: false, errors: [{ code, pointer, description }] });

export function parseArrivalMessage(json: string): ParsedMessage<ArrivalNotification> {
  const parsed = parseJsonObject(json);
  if (!parsed.ok) return parsed;
  const a = parsed.value as Partial<Record<keyof ArrivalNotification, unknown>>;
  if (typeof a.actualDateAndTimeOfArrival !== 'string' || Number.isNaN(Date.parse(a.actualDateAndTimeOfArrival))) {
    return fail('12', '/actualDateAndTimeOfArrival', 'an ISO-8601 instant');
  }
  const office = a.customsOfficeOfActualFirstEntry as { referenceNumber?: unknown } | undefined;
  if (!office || !parseCustomsOffice(office.referenceNumber).ok) return fail('12', '/customsOfficeOfActualFirstEntry/referenceNumber', 'not a customs office reference');
  const ways = [a.mrns !== undefined, a.masterTransportDocuments !== undefined, a.activeBorderTransportMeans !== undefined].filter(Boolean).length;
  if (ways !== 1) return fail('12', '', 'give exactly one of mrns, masterTransportDocuments, activeBorderTransportMeans');
  if (a.mrns !== undefined && (!Array.isArray(a.mrns) || !a.mrns.every((m) => typeof m === 'string'))) return fail('X06', '/mrns', 'a list of MRNs');
  if (a.masterTransportDocuments !== undefined && !Array.isArray(a.masterTransportDocuments)) return fail('X06', '/masterTransportDocuments', 'a list of documents');
  return { ok: true, value: parsed.value as unknown as ArrivalNotification };
}
