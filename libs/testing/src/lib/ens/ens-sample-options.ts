import type { TransportDocumentType, TransportMode } from '@ics2/domain';

/**
 * What a test can pin down in a sample filing. Anything not given is drawn from `seed`, so the same options give
 * the same filing every time. Identifiers (EORIs, documents, offices) are taken as given, unchecked: a test that
 * wants an invalid value passes one.
 */
export interface SampleFilingOptions {
  /** Any integer, read as uint32; default 1. */
  readonly seed?: number;
  readonly lrn?: string;
  /** EORI of the person filing. */
  readonly declarant?: string;
  /** EORI of a representative lodging for the declarant; must differ from the declarant. */
  readonly representative?: string;
  /** EORI of the carrier (master level, and the linking key of house filings). */
  readonly carrier?: string;
  readonly officeOfFirstEntry?: string;
  /** House consignments of a complete or master-level filing (house-level filings: 1 unless given). */
  readonly houses?: number;
  /** Goods items per house. */
  readonly goodsItems?: number;
  /** Master transport document number; its type is the row's first unless `masterDocumentType` says. */
  readonly masterDocument?: string;
  readonly masterDocumentType?: TransportDocumentType;
  /** House transport document numbers, one per house (they also set the number of houses). */
  readonly houseDocuments?: readonly string[];
  /** Master-level filings: the EORI expected to file each house (supplementaryDeclarant). */
  readonly expectedHouseFilers?: readonly string[];
  /** `true` draws container numbers, an array gives them; either asks for the transportEquipment group. */
  readonly containers?: boolean | readonly string[];
  /** `true` draws marks, a string is used on every package; default: marked except by air. */
  readonly shippingMarks?: boolean | string;
  readonly documentIssueDate?: string;
  readonly estimatedArrival?: string;
  /** Flight or voyage number (conveyanceReferenceNumber). */
  readonly flightNumber?: string;
  /** Aircraft registration, IMO number, plate, train number or ENI (identificationNumber). */
  readonly meansOfTransportId?: string;
  /** One of the row's modes (maritime rows also serve inland waterways). */
  readonly modeOfTransport?: TransportMode;
  /** Conditional groups: the notify party (maritime, F29) ... */
  readonly notifyParty?: boolean;
  /** ... places of acceptance and delivery where only conditional (air) ... */
  readonly placesOfAcceptanceAndDelivery?: boolean;
  /** ... and HRCM screening results (F28). */
  readonly hrcmScreening?: boolean;
  /** Web shop consignors, private consignees, one small parcel per goods item. Default: postal always, express
   *  one filing in two (drawn from the seed), other families never. */
  readonly ecommerce?: boolean;
}
