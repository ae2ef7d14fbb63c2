import { checkCharacterSet } from './character-set';
import { Brand, invalid, valid, Validated } from './validation';

/**
 * Transport documents (`transportDocumentMasterLevel` / `transportDocumentHouseLevel`): a CL754 type (an4) and a
 * document number (an..70). Master and house document references are the linking key of multiple filing.
 */

/**
 * CL754 transport document types. Only N741 and N703 are [V] (reference 7, from a real IE3F26); every other code
 * is [U]: the reference lists the codes without meanings, and the descriptions here follow the UN/EDIFACT 1001
 * document names that the N-codes are built on.
 */
export const TRANSPORT_DOCUMENT_TYPES = [
  { code: 'N703', description: 'House waybill', verified: true },
  { code: 'N704', description: 'Master bill of lading', verified: false },
  { code: 'N705', description: 'Bill of lading', verified: false },
  { code: 'N714', description: 'House bill of lading', verified: false },
  { code: 'N720', description: 'Consignment note CIM (rail)', verified: false },
  { code: 'N730', description: 'Road consignment note', verified: false },
  { code: 'N740', description: 'Air waybill', verified: false },
  { code: 'N741', description: 'Master air waybill', verified: true },
  { code: 'N750', description: 'Despatch note (post parcels)', verified: false },
  { code: 'N760', description: 'Multimodal or combined transport document', verified: false },
  { code: 'N785', description: 'Cargo manifest', verified: false },
] as const;

export type TransportDocumentType = (typeof TRANSPORT_DOCUMENT_TYPES)[number]['code'];

export type TransportDocumentNumber = Brand<string, 'TransportDocumentNumber'>;

export interface TransportDocument {
  readonly type: TransportDocumentType;
  readonly documentNumber: TransportDocumentNumber;
}

export const TRANSPORT_DOCUMENT_NUMBER_MAX_LENGTH = 70;

const TYPE_CODES: ReadonlySet<string> = new Set(TRANSPORT_DOCUMENT_TYPES.map((t) => t.code));

export const isTransportDocumentType = (code: unknown): code is TransportDocumentType =>
  typeof code === 'string' && TYPE_CODES.has(code);

export const transportDocumentTypeDescription = (code: TransportDocumentType): string =>
  TRANSPORT_DOCUMENT_TYPES.find((t) => t.code === code)?.description ?? code;

/**
 * The number is kept exactly as sent, because linking compares it character for character: surrounding spaces
 * are refused rather than trimmed, so two filings of the same document cannot differ by a space.
 */
export function parseTransportDocument(raw: unknown): Validated<TransportDocument> {
  if (typeof raw !== 'object' || raw === null) return invalid('12', 'transport document must have a type and a number');
  const { type, documentNumber } = raw as { type?: unknown; documentNumber?: unknown };
  if (!isTransportDocumentType(type)) return invalid('12', 'transport document type is not in CL754');
  if (typeof documentNumber !== 'string' || documentNumber.trim().length === 0) {
    return invalid('12', 'transport document number must not be blank');
  }
  if ([...documentNumber].length > TRANSPORT_DOCUMENT_NUMBER_MAX_LENGTH) {
    return invalid('12', 'transport document number is longer than 70 characters');
  }
  if (documentNumber !== documentNumber.trim()) {
    return invalid('12', 'transport document number must not start or end with a space');
  }
  const characters = checkCharacterSet(documentNumber);
  if (!characters.ok) return characters;
  return valid({ type, documentNumber: documentNumber as TransportDocumentNumber });
}
