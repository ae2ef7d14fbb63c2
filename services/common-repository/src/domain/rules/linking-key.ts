/**
 * The unique linking key (ULK) of a filing and the parties it names (ics2-reference 7.2): the master transport
 * document with the carrier, and the house transport documents. A master lists the houses it expects; a house
 * filing names its own house document and, for linking, the master document and carrier of its master.
 */
import { houseConsignmentsOf, type EnsFiling, type FilingParties, type LinkingKey } from '@ics2/contracts';
import type { FilingLevel } from '@ics2/contracts';

export function linkingKeyOf(filing: EnsFiling, level: FilingLevel): LinkingKey {
  const houses = houseConsignmentsOf(filing);
  const houseDocuments = houses.map((h) => h.transportDocumentHouseLevel?.documentNumber).filter((d): d is string => !!d);
  if (level === 'house') {
    const first = houses[0];
    return { masterDocument: first?.transportDocumentMasterLevel?.documentNumber, carrier: first?.carrier?.identificationNumber, houseDocuments };
  }
  const master = filing.consignmentMasterLevel;
  return { masterDocument: master?.transportDocumentMasterLevel?.documentNumber, carrier: master?.carrier?.identificationNumber, houseDocuments };
}

export function partiesOf(filing: EnsFiling, filedBy: string, linkingKey: LinkingKey): FilingParties {
  const declarant = filing.declarant.identificationNumber ?? filedBy;
  const representative = filing.representative?.identificationNumber;
  return {
    filedBy,
    declarant,
    ...(representative ? { representative } : {}),
    ...(linkingKey.carrier ? { carrier: linkingKey.carrier } : {}),
  };
}
