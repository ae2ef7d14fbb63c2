/**
 * Elements an amendment (IE3Axx) may not change (ics2-reference 10: "only allowed elements may be amended").
 * [U] the official list; the project refuses changes to what identifies the filing and links it: its LRN and type,
 * the declarant, the office of first entry (it decides the responsible Member State and the MRN), and the
 * unique linking key (master and house transport documents, the carrier, the list of houses). Everything else in
 * the filing tree may be amended. `*` stands for an array index.
 */
export const NOT_AMENDABLE: readonly string[] = [
  '/lrn',
  '/specificCircumstanceIndicator',
  '/declarant/identificationNumber',
  '/customsOfficeOfFirstEntry/referenceNumber',
  '/consignmentMasterLevel/transportDocumentMasterLevel',
  '/consignmentMasterLevel/carrier/identificationNumber',
  '/consignmentMasterLevel/consignmentHouseLevel/*/transportDocumentHouseLevel',
  '/consignmentHouseLevel/*/transportDocumentHouseLevel',
  '/consignmentHouseLevel/*/transportDocumentMasterLevel',
  '/consignmentHouseLevel/*/carrier/identificationNumber',
];

/** A house consignment added or removed changes the set of house documents: the linking key. */
export const HOUSE_LISTS: readonly string[] = ['/consignmentMasterLevel/consignmentHouseLevel', '/consignmentHouseLevel'];

const matchers = NOT_AMENDABLE.map((pattern) => new RegExp(`^${pattern.replace(/\*/g, '\\d+')}(/|$)`));

/** The not-amendable pattern a changed pointer falls under, if any. */
export function notAmendable(pointer: string): boolean {
  return matchers.some((m) => m.test(pointer));
}
