/**
 * Elements an amendment (IE3Axx) may not change (ics2-reference 10: "only allowed elements may be amended").
 * [U] the official list; the project refuses changes to what identifies the filing and links it: its LRN and type,
 * the declarant, the office of first entry (it decides the responsible Member State and the MRN), and the
 * unique linking key (master and house transport documents, the carrier, the list of houses), and the representative's
 * identity: the declarant and representative are who may act on and see the filing (isolation reads them from the
 * registration), so a new representative files anew. Everything else in the filing tree may be amended. `*` stands
 * for an array index; a party whose identification number is listed may not be added or removed as a whole either.
 */
export const NOT_AMENDABLE: readonly string[] = [
  '/lrn',
  '/specificCircumstanceIndicator',
  '/declarant/identificationNumber',
  '/representative/identificationNumber',
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

const regexOf = (pattern: string, tail: string) => new RegExp(`^${pattern.replace(/\*/g, '\\d+')}${tail}`);
const matchers = [
  ...NOT_AMENDABLE.map((pattern) => regexOf(pattern, '(/|$)')),
  // The party itself added or removed (its pointer, exactly): that changes its identification number too.
  ...NOT_AMENDABLE.filter((p) => p.endsWith('/identificationNumber')).map((p) => regexOf(p.slice(0, -'/identificationNumber'.length), '$')),
];

/** The not-amendable pattern a changed pointer falls under, if any. */
export function notAmendable(pointer: string): boolean {
  return matchers.some((m) => m.test(pointer));
}
