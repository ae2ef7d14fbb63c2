import { TransportMode } from '@ics2/domain';

/**
 * The small code lists the trader door checks itself (the large ones, countries, CL754, CL742, are value objects
 * and tables in @ics2/domain). The OpenAPI document shows them as enums.
 */

/**
 * CL018 mode of transport at the border, and the filing-types table's mode each code means. [V] in the contract
 * (ens-filing.ts) and the brief: 1 maritime, 2 rail, 3 road, 4 air, 5 postal, 8 inland waterway. '5' is in the
 * code list but no filing type's `modes` admits it (postal filings name the mode that carries the mail).
 */
export const MODES_OF_TRANSPORT: Readonly<Record<string, TransportMode | undefined>> = {
  '1': 'maritime',
  '2': 'rail',
  '3': 'road',
  '4': 'air',
  '5': undefined,
  '8': 'inland-waterway',
};
export const MODE_OF_TRANSPORT_CODES: readonly string[] = Object.keys(MODES_OF_TRANSPORT);

/** CL027 (and CL708, the container indicator): 0 no, 1 yes. */
export const FLAG_CODES: readonly string[] = ['0', '1'];

/** CL094 status of the representative: 2 direct, 3 indirect representation. */
export const REPRESENTATIVE_STATUS_CODES: readonly string[] = ['2', '3'];

/** CL729 type of person: 1 natural person, 2 legal person, 3 association of persons. */
export const TYPE_OF_PERSON_CODES: readonly string[] = ['1', '2', '3'];

/** ISO 4217 alphabetic currency code (CL352): three capital letters. [U] the list itself is not checked. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** UN number of dangerous goods: four digits. */
export const UN_NUMBER_PATTERN = /^[0-9]{4}$/;

/** Combined Nomenclature extension of the HS subheading: two digits (CN8 = HS6 + 2). */
export const COMBINED_NOMENCLATURE_PATTERN = /^[0-9]{2}$/;
