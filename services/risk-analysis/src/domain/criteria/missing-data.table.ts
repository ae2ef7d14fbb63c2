/**
 * Missing and low-quality data markers: what riskSubjectOf notes about a consignment, and what a `missingData`
 * condition can ask for. [U] the thresholds and the list are the project's: ICS2 publishes no data-quality
 * indicators beyond the stop-word check (ics2-reference 7, GET09), which the trader door already applies.
 */

/** A description with fewer letters than this is low quality (the door refuses under 3: libs/domain). */
export const SHORT_DESCRIPTION_MIN_LETTERS = 10;

export const MISSING_DATA_MARKERS = {
  'no-goods-items': 'the consignment has no goods item data (only listed by its house document)',
  'no-hs-code': 'a goods item has no HS code, at pre-arrival (PLACI data need none)',
  'short-description': `a goods description has fewer than ${SHORT_DESCRIPTION_MIN_LETTERS} letters`,
  'generic-description': 'a goods description consists of generic terms only (libs/domain checkGoodsDescription)',
  'no-consignor': 'no consignor, or a consignor without a name',
  'no-consignee': 'no consignee, or a consignee without a name',
  'consignor-no-street': 'the consignor address has neither street and number nor PO box',
  'consignee-no-street': 'the consignee address has neither street and number nor PO box',
  'no-gross-mass': 'goods are given but no gross mass, at consignment or item level',
  'no-packages': 'goods are given but no number of packages',
} as const;

export type MissingDataMarker = keyof typeof MISSING_DATA_MARKERS;

export const isMissingDataMarker = (value: string): value is MissingDataMarker =>
  Object.prototype.hasOwnProperty.call(MISSING_DATA_MARKERS, value);
