import { DataGroup } from './data-groups.table';
import { TransportDocumentType } from './transport-document';

/**
 * ENS filing types: one row per specific circumstance indicator (CL742), reference sections 6, 7, 7.1 and 7.2.
 * The rules live in this table and code reads it; the file is long because it is the table.
 *
 * How to read a row:
 * - `verified` is true when the reference verifies what the row says the code is (its mode, level and, for air,
 *   its phase); false where the reference marks the code [U] or where the project had to choose the level or
 *   phase. `note` says what was assumed.
 * - `requiredGroups`, `conditionalGroups` and the document types are the project's reading of the message
 *   structures in reference 7 for every row, verified or not ([U]: Annex B DA was not available).
 * - Maritime rows serve "maritime and inland waterways" alike: `mode` is the family's own mode, `modes` every
 *   mode the filing may be used for.
 * - `phase` names the air dataset phase (PLACI before loading, the rest before arrival). Filings of other modes
 *   are one-phase ENS and say 'pre-arrival', although their legal deadline can fall before loading (deep-sea
 *   containers: 24 h before loading, reference 11.2); deadlines belong in their own table.
 * - `partners` are the filing types ICS2 links with this one into one ENS (multiple filing, ULK): the other half
 *   of a master/house split, or the buyer/seller filing (F17). The relation is symmetric. Completing a PLACI
 *   filing with pre-arrival data is not a partnership here: the two filings are compared (PET11), not joined.
 * - `awaits` (masters with partners): the data groups the partner filings must give for each house the master
 *   expects before the ENS is complete. A partner gives the groups of its `requiredGroups` the master awaits
 *   (`suppliedGroups`), so F12 waits for F16's goods and F17's buyer and seller, or for one F15 with both [U].
 */

export const FILING_TYPE_CODES = [
  ...['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17'],
  ...['F20', 'F21', 'F22', 'F23', 'F24', 'F25', 'F26', 'F27', 'F28', 'F29'],
  ...['F30', 'F31', 'F32', 'F33', 'F34'],
  ...['F40', 'F41', 'F42', 'F43', 'F44', 'F45'],
  ...['F50', 'F51'],
] as const;

export type FilingType = (typeof FILING_TYPE_CODES)[number];
export type TransportMode = 'maritime' | 'inland-waterway' | 'air' | 'road' | 'rail';
export type FilingFamily = 'maritime' | 'air' | 'express' | 'postal' | 'road' | 'rail';
export type FilingLevel = 'complete' | 'master' | 'house';
export type FilingPhase = 'pre-loading' | 'pre-arrival' | 'pre-loading-and-pre-arrival';

export interface FilingTypeRow {
  readonly code: FilingType;
  readonly title: string;
  readonly family: FilingFamily;
  readonly mode: TransportMode;
  readonly modes: readonly TransportMode[];
  readonly level: FilingLevel;
  readonly phase: FilingPhase;
  /** A PLACI "7+1" minimum dataset (pre-loading risk analysis, air only). */
  readonly placi: boolean;
  readonly requiredGroups: readonly DataGroup[];
  /** Required only in some circumstances (consolidation, containers, to-order B/L); `note` says when. */
  readonly conditionalGroups: readonly DataGroup[];
  readonly partners: readonly FilingType[];
  /** Master rows: what partner filings must give for each expected house before the ENS is complete; else []. */
  readonly awaits: readonly DataGroup[];
  /** CL754 codes accepted in transportDocumentMasterLevel / transportDocumentHouseLevel. */
  readonly masterDocumentTypes: readonly TransportDocumentType[];
  readonly houseDocumentTypes: readonly TransportDocumentType[];
  readonly verified: boolean;
  readonly note?: string;
}

/**
 * PLACI 7+1: consignor and consignee (name + address), packages, gross mass, description; +1 the house AWB and
 * its master reference ([U] the EU legal wording, reference 7.1).
 */
export const PLACI_GROUPS: readonly DataGroup[] = [
  'consignor',
  'consignee',
  'packages',
  'grossMass',
  'goodsDescription',
  'houseTransportDocument',
  'masterTransportDocument',
];

/**
 * Every filing names its declarant and the declared office of first entry: the office gives the responsible
 * Member State and the country of the MRN (common-repository README), so no filing may lack it. [U] the reference
 * shows it mandatory in F29 and echoed in IE3R01.
 */
const FILER: readonly DataGroup[] = ['declarant', 'customsOfficeOfFirstEntry'];
/**
 * A master-level partial filing lists its house consignments by house transport document: completeness is
 * measured against that list (common-repository README). [U] how ICS2 learns which houses to expect.
 */
const HOUSE_LIST: readonly DataGroup[] = ['houseConsignments', 'houseTransportDocument'];
/** The master level of a journey: who carries, on what, where it enters and where it loads and unloads. */
const VOYAGE: readonly DataGroup[] = [
  'carrier',
  'activeBorderTransportMeans',
  'routingOfMeansOfTransport',
  'placeOfLoading',
  'placeOfUnloading',
];
/** The house level: the goods themselves (HS6 is required pre-arrival, reference 7). */
const GOODS: readonly DataGroup[] = [
  'houseConsignments',
  'consignor',
  'consignee',
  'goodsItems',
  'goodsDescription',
  'hsCode',
  'packages',
  'grossMass',
  'routingOfConsignment',
];
const PLACES: readonly DataGroup[] = ['placeOfAcceptance', 'placeOfDelivery'];
/** The 7 of PLACI 7+1 a PLACI master awaits from its houses (the +1 documents are the linking key itself). */
const PLACI_HOUSE: readonly DataGroup[] = ['consignor', 'consignee', 'packages', 'grossMass', 'goodsDescription'];
/** A house filing carries the master document and the carrier id so it can be linked (ULK, reference 7.2). */
const LINK: readonly DataGroup[] = ['carrier', 'masterTransportDocument'];

const SEA = {
  family: 'maritime',
  mode: 'maritime',
  modes: ['maritime', 'inland-waterway'],
  phase: 'pre-arrival',
  placi: false,
  awaits: [],
} as const;
const AIR = { family: 'air', mode: 'air', modes: ['air'], awaits: [] } as const;
const EXPRESS = { family: 'express', mode: 'air', modes: ['air'], awaits: [] } as const;
const POST = { family: 'postal', mode: 'air', modes: ['air'], awaits: [] } as const;
const SEA_CONDITIONAL: readonly DataGroup[] = ['transportEquipment', 'notifyParty'];
const AIR_CONDITIONAL: readonly DataGroup[] = ['placeOfAcceptance', 'placeOfDelivery'];

export const FILING_TYPES: readonly FilingTypeRow[] = [
  // Maritime and inland waterways (R3), reference 6.1.
  {
    ...SEA, code: 'F10', title: 'Complete dataset: straight bill of lading', level: 'complete',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS, ...PLACES, 'buyerAndSeller'],
    conditionalGroups: SEA_CONDITIONAL, partners: [], masterDocumentTypes: ['N705'], houseDocumentTypes: [],
    verified: true, note: 'The straight B/L is recorded as the master document, with no house document [U].',
  },
  {
    ...SEA, code: 'F11', title: 'Complete dataset: master bill of lading with its house bills of lading', level: 'complete',
    requiredGroups: [
      ...FILER, ...VOYAGE, 'masterTransportDocument', 'houseTransportDocument', ...GOODS, ...PLACES, 'buyerAndSeller',
    ],
    conditionalGroups: SEA_CONDITIONAL, partners: [], masterDocumentTypes: ['N704'], houseDocumentTypes: ['N714'],
    verified: true, note: 'Master plus house is [I] from PORTBASE (house B/L data required).',
  },
  {
    ...SEA, code: 'F12', title: 'Partial dataset: master bill of lading only', level: 'master',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...HOUSE_LIST],
    conditionalGroups: ['transportEquipment'], partners: ['F15', 'F16', 'F17'],
    awaits: [...GOODS, ...PLACES, 'buyerAndSeller'],
    masterDocumentTypes: ['N704'], houseDocumentTypes: ['N714'],
    verified: true,
    note: 'Each listed house B/L is complete with one F15, or with an F16 and the F17 of its buyer and seller [U].',
  },
  {
    ...SEA, code: 'F13', title: 'Partial dataset: straight bill of lading without buyer and seller', level: 'master',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS, ...PLACES],
    conditionalGroups: SEA_CONDITIONAL, partners: ['F17'], awaits: ['buyerAndSeller'],
    masterDocumentTypes: ['N705'], houseDocumentTypes: [],
    verified: false,
    note: "Buyer and seller come in F17 from the next filing party. [U] level: the carrier's half is modelled as 'master'.",
  },
  {
    ...SEA, code: 'F14', level: 'master',
    title: 'Partial dataset: master bill of lading with house bills, without buyer and seller',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', 'houseTransportDocument', ...GOODS, ...PLACES],
    conditionalGroups: SEA_CONDITIONAL, partners: ['F17'], awaits: ['buyerAndSeller'],
    masterDocumentTypes: ['N704'], houseDocumentTypes: ['N714'],
    verified: false,
    note:
      '[U] meaning: the reference only knows F14 exists. Modelled as F11 without buyer/seller, completed by F17, ' +
      'as F13 is for a straight B/L.',
  },
  {
    ...SEA, code: 'F15', title: 'Partial dataset: house bill of lading, complete house level', level: 'house',
    requiredGroups: [...FILER, ...LINK, 'houseTransportDocument', ...GOODS, ...PLACES, 'buyerAndSeller'],
    conditionalGroups: SEA_CONDITIONAL, partners: ['F12'], masterDocumentTypes: ['N704'], houseDocumentTypes: ['N714'],
    verified: false,
    note: '[U] split between F15 and F16: F15 taken as the house level with buyer and seller, completing F12.',
  },
  {
    ...SEA, code: 'F16', title: 'Partial dataset: house bill of lading without buyer and seller', level: 'house',
    requiredGroups: [...FILER, ...LINK, 'houseTransportDocument', ...GOODS, ...PLACES],
    conditionalGroups: SEA_CONDITIONAL, partners: ['F12', 'F17'],
    masterDocumentTypes: ['N704'], houseDocumentTypes: ['N714'],
    verified: false, note: '[U] split between F15 and F16: F16 taken as the house level whose buyer and seller come in F17.',
  },
  {
    ...SEA, code: 'F17', title: 'Partial dataset: buyer and seller for a house or straight bill of lading', level: 'house',
    requiredGroups: [...FILER, 'addressedMemberState', ...LINK, 'buyerAndSeller'],
    conditionalGroups: ['houseTransportDocument'], partners: ['F12', 'F13', 'F14', 'F16'],
    masterDocumentTypes: ['N704', 'N705'], houseDocumentTypes: ['N714'],
    verified: true,
    note: 'The house document is given when completing a house B/L (F12 with F16, F14), not a straight B/L (F13).',
  },

  // Air cargo (general), R2, reference 6.2.
  {
    ...AIR, code: 'F20', level: 'complete', phase: 'pre-loading-and-pre-arrival', placi: false,
    title: 'Complete dataset lodged before loading',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS],
    conditionalGroups: ['houseTransportDocument', ...AIR_CONDITIONAL], partners: [],
    masterDocumentTypes: ['N741', 'N740'], houseDocumentTypes: ['N703'],
    verified: true, note: 'Can carry HRCM screening results. The house document is given for a consolidation.',
  },
  {
    ...AIR, code: 'F21', level: 'master', phase: 'pre-arrival', placi: false,
    title: 'Partial dataset: master air waybill, pre-arrival',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...HOUSE_LIST],
    conditionalGroups: [], partners: ['F22'], awaits: GOODS, masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: true,
  },
  {
    ...AIR, code: 'F22', level: 'house', phase: 'pre-arrival', placi: false,
    title: 'Partial dataset: house air waybill, pre-arrival',
    requiredGroups: [...FILER, ...LINK, 'houseTransportDocument', ...GOODS],
    conditionalGroups: AIR_CONDITIONAL, partners: ['F21'], masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: true,
  },
  {
    ...AIR, code: 'F23', level: 'master', phase: 'pre-loading', placi: true,
    title: 'Partial dataset: PLACI minimum dataset, master level',
    requiredGroups: [...FILER, 'carrier', 'masterTransportDocument', ...HOUSE_LIST],
    conditionalGroups: [], partners: ['F24'], awaits: PLACI_HOUSE, masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: false, note: '[U] who files: taken as the carrier at master level, listing the house waybills whose 7+1 the F24 filers give.',
  },
  {
    ...AIR, code: 'F24', level: 'house', phase: 'pre-loading', placi: true,
    title: 'Partial dataset: PLACI minimum dataset, house level',
    requiredGroups: [...FILER, 'carrier', ...PLACI_GROUPS],
    conditionalGroups: [], partners: ['F23'], masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: false, note: '[U] who files: taken as the house filer (forwarder).',
  },
  {
    ...AIR, code: 'F25', level: 'master', phase: 'pre-loading-and-pre-arrival', placi: false,
    title: 'Partial dataset: master air waybill lodged before loading',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...HOUSE_LIST],
    conditionalGroups: [], partners: ['F26'], awaits: GOODS, masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: false, note: '[U] meaning: the reference only knows F25 exists. Modelled as the master half of F26.',
  },
  {
    ...AIR, code: 'F26', level: 'house', phase: 'pre-loading-and-pre-arrival', placi: false,
    title: 'Partial dataset: house air waybill with full goods data, lodged before loading',
    requiredGroups: [...FILER, ...LINK, 'houseTransportDocument', ...GOODS],
    conditionalGroups: AIR_CONDITIONAL, partners: ['F25'], masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: false,
    note: 'Content [V] from a real IE3F26 (HS6, packages, weight, parties, routing, N741 + N703); phase and partner [U].',
  },
  {
    ...AIR, code: 'F27', level: 'complete', phase: 'pre-arrival', placi: false,
    title: 'Complete dataset lodged before arrival (placeholder)',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS],
    conditionalGroups: ['houseTransportDocument', ...AIR_CONDITIONAL], partners: [],
    masterDocumentTypes: ['N741', 'N740'], houseDocumentTypes: ['N703'],
    verified: false,
    note: '[U] meaning: an IE3A27 exists, nothing else is known. A placeholder so the table is total; do not build on it.',
  },
  {
    ...AIR, code: 'F28', level: 'complete', phase: 'pre-loading-and-pre-arrival', placi: false,
    title: 'Complete dataset with HRCM screening results (placeholder)',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS],
    conditionalGroups: ['houseTransportDocument', 'hrcmScreeningResults', ...AIR_CONDITIONAL], partners: [],
    masterDocumentTypes: ['N741', 'N740'], houseDocumentTypes: ['N703'],
    verified: false, note: '[U] meaning: only known that IE3A28 can carry screening results. A placeholder like F27.',
  },
  {
    ...AIR, code: 'F29', level: 'complete', phase: 'pre-arrival', placi: false,
    title: 'Complete dataset with notify party, pre-arrival',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', 'houseTransportDocument', ...GOODS, 'notifyParty'],
    conditionalGroups: AIR_CONDITIONAL, partners: [], masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: false,
    note:
      'Structure [V] (house and master documents, places of loading/unloading, notify party, office of first ' +
      'entry); level and phase [U].',
  },

  // Express consignments (air), reference 6.3.
  {
    ...EXPRESS, code: 'F30', level: 'complete', phase: 'pre-loading-and-pre-arrival', placi: false,
    title: 'Express: complete dataset lodged before loading',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS],
    conditionalGroups: ['houseTransportDocument', ...AIR_CONDITIONAL], partners: [],
    masterDocumentTypes: ['N741', 'N740'], houseDocumentTypes: ['N703'],
    verified: false, note: '[U] meaning: modelled on F20.',
  },
  {
    ...EXPRESS, code: 'F31', level: 'master', phase: 'pre-arrival', placi: false,
    title: 'Express: master air waybill, pre-arrival',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...HOUSE_LIST],
    conditionalGroups: [], partners: ['F33'], awaits: GOODS, masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: false, note: '[U] meaning: an IE3A31 exists. Modelled on F21.',
  },
  {
    ...EXPRESS, code: 'F32', title: 'Express: PLACI minimum dataset', level: 'house', phase: 'pre-loading', placi: true,
    requiredGroups: [...FILER, 'carrier', ...PLACI_GROUPS],
    conditionalGroups: [], partners: [], masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: false, note: 'PLACI is [V]; house level [U]: the express carrier gives the 7+1 of each of its house waybills.',
  },
  {
    ...EXPRESS, code: 'F33', level: 'house', phase: 'pre-arrival', placi: false,
    title: 'Express: house waybill, pre-arrival',
    requiredGroups: [...FILER, ...LINK, 'houseTransportDocument', ...GOODS],
    conditionalGroups: AIR_CONDITIONAL, partners: ['F31'], masterDocumentTypes: ['N741'], houseDocumentTypes: ['N703'],
    verified: false, note: '[U] meaning: modelled on F22.',
  },
  {
    ...EXPRESS, code: 'F34', level: 'complete', phase: 'pre-arrival', placi: false,
    title: 'Express: complete dataset, pre-arrival',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS],
    conditionalGroups: ['houseTransportDocument', ...AIR_CONDITIONAL], partners: [],
    masterDocumentTypes: ['N741', 'N740'], houseDocumentTypes: ['N703'],
    verified: false,
    note: 'Structure [V] (split consignment + previous MRN, re-entry indicator, routing); wording, level and phase [U].',
  },

  // Postal (air; F45 by sea), reference 6.3.
  {
    ...POST, code: 'F40', level: 'complete', phase: 'pre-loading-and-pre-arrival', placi: false,
    title: 'Postal: complete dataset lodged before loading',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS, 'postalCharges'],
    conditionalGroups: ['houseTransportDocument', ...AIR_CONDITIONAL], partners: [],
    masterDocumentTypes: ['N741'], houseDocumentTypes: ['N750'],
    verified: false, note: '[U] meaning: F40 exists. Modelled on F20.',
  },
  {
    ...POST, code: 'F41', level: 'master', phase: 'pre-arrival', placi: false,
    title: 'Postal: master air waybill, pre-arrival',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...HOUSE_LIST],
    conditionalGroups: [], partners: ['F42'], awaits: [...GOODS, 'postalCharges'],
    masterDocumentTypes: ['N741'], houseDocumentTypes: ['N750'],
    verified: false, note: '[U] meaning: modelled as the carrier half of F42.',
  },
  {
    ...POST, code: 'F42', title: 'Postal: postal items, pre-arrival', level: 'house', phase: 'pre-arrival', placi: false,
    requiredGroups: [...FILER, ...LINK, 'houseTransportDocument', ...GOODS, 'postalCharges'],
    conditionalGroups: AIR_CONDITIONAL, partners: ['F41'], masterDocumentTypes: ['N741'], houseDocumentTypes: ['N750'],
    verified: false, note: "[U] meaning: F42 exists. Modelled as the postal operator's item level, like F22.",
  },
  {
    ...POST, code: 'F43', level: 'house', phase: 'pre-loading', placi: true,
    title: 'Postal: PLACI minimum dataset, item level',
    requiredGroups: [...FILER, 'carrier', ...PLACI_GROUPS, 'postalCharges'],
    conditionalGroups: [], partners: ['F44'], masterDocumentTypes: ['N741'], houseDocumentTypes: ['N750'],
    verified: true, note: 'Item-level structure [V] (consignor, postal charges, house document, UCR).',
  },
  {
    ...POST, code: 'F44', level: 'master', phase: 'pre-loading', placi: true,
    title: 'Postal: PLACI minimum dataset, master level',
    requiredGroups: [...FILER, 'carrier', 'masterTransportDocument', ...HOUSE_LIST],
    conditionalGroups: [], partners: ['F43'], awaits: [...PLACI_HOUSE, 'postalCharges'],
    masterDocumentTypes: ['N741'], houseDocumentTypes: ['N750'],
    verified: false, note: 'PLACI is [V]; master level [U], by analogy with F23: lists the items whose 7+1 come in F43.',
  },
  {
    family: 'postal', mode: 'maritime', modes: ['maritime', 'inland-waterway'], code: 'F45', awaits: [],
    title: "Postal consignment by sea: carrier's partial dataset",
    level: 'master', phase: 'pre-arrival', placi: false,
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument'],
    conditionalGroups: ['transportEquipment'], partners: [], masterDocumentTypes: ['N704', 'N705'], houseDocumentTypes: [],
    verified: false,
    note:
      '[U] definition; filed by maritime carriers. No partner: postal item data for non-air modes is outside ' +
      'the HTI (reference 2).',
  },

  // Road and rail (R3), reference 6.3.
  {
    family: 'road', mode: 'road', modes: ['road'], code: 'F50', awaits: [], level: 'complete', phase: 'pre-arrival', placi: false,
    title: 'Road: complete dataset',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS, ...PLACES],
    conditionalGroups: ['houseTransportDocument', 'transportEquipment'], partners: [],
    masterDocumentTypes: ['N730'], houseDocumentTypes: ['N730', 'N703'],
    verified: false, note: 'Road is [V2]; a single complete filing by the carrier is [U].',
  },
  {
    family: 'rail', mode: 'rail', modes: ['rail'], code: 'F51', awaits: [], level: 'complete', phase: 'pre-arrival', placi: false,
    title: 'Rail: complete dataset',
    requiredGroups: [...FILER, ...VOYAGE, 'masterTransportDocument', ...GOODS, ...PLACES],
    conditionalGroups: ['houseTransportDocument', 'transportEquipment'], partners: [],
    masterDocumentTypes: ['N720'], houseDocumentTypes: ['N720', 'N703'],
    verified: false, note: 'Rail is [V2]; a single complete filing by the carrier is [U].',
  },
];

const BY_CODE: ReadonlyMap<string, FilingTypeRow> = new Map(FILING_TYPES.map((row) => [row.code, row]));

export const filingType = (code: string): FilingTypeRow | undefined => BY_CODE.get(code);

export const isFilingType = (code: string): code is FilingType => BY_CODE.has(code);

/** What a filing of type `partner` gives a master of type `master` for one house: its required groups the master awaits. */
export function suppliedGroups(partner: string, master: string): DataGroup[] {
  const [p, m] = [filingType(partner), filingType(master)];
  if (!p || !m || !m.partners.includes(p.code)) return [];
  return m.awaits.filter((group) => p.requiredGroups.includes(group));
}

/**
 * Whether two partial filings for the same house give the same data, so the later one duplicates the earlier
 * (X08): the same type, or a master partnering both awaits a group both give. F16 and F17 complement each other.
 */
export function giveSameData(a: string, b: string): boolean {
  if (a === b) return true;
  return FILING_TYPES.some((m) => {
    const fromB = suppliedGroups(b, m.code);
    return suppliedGroups(a, m.code).some((group) => fromB.includes(group));
  });
}

/** Every filing type that may be used for a journey by this mode (maritime rows also serve inland waterways). */
export const filingTypesForMode = (mode: TransportMode): readonly FilingTypeRow[] =>
  FILING_TYPES.filter((row) => row.modes.includes(mode));
